package landwatch.engine.conformance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The records {@code engine.record} holds for one process instance, in log order, read once: the
 * lifecycle of its elements, as Zeebe's tests assert it (ELEMENT_ACTIVATING, ELEMENT_ACTIVATED, …),
 * the sequence flows it took, and its jobs, timers, incidents and variables. A command's records
 * are committed before the command is answered, so a log read after an API call returned holds
 * everything that call did. A called process is an instance of its own.
 */
public final class RecordLog {

  public static final String ACTIVATING = "ELEMENT_ACTIVATING";
  public static final String ACTIVATED = "ELEMENT_ACTIVATED";
  public static final String COMPLETING = "ELEMENT_COMPLETING";
  public static final String COMPLETED = "ELEMENT_COMPLETED";
  public static final String TERMINATING = "ELEMENT_TERMINATING";
  public static final String TERMINATED = "ELEMENT_TERMINATED";
  public static final String TAKEN = "SEQUENCE_FLOW_TAKEN";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> VALUE = new TypeReference<>() {};

  /**
   * The instance's records: those naming it (its elements, flows, variables, incidents), and the
   * records of what its element instances own (jobs, timers, subscriptions), which name only their
   * element instance once, on creation. Keys only grow, so no record of the instance has a key
   * below the instance's own, which spares reading the values of older records.
   */
  private static final String QUERY =
      """
      WITH later AS (
        SELECT position, record_key, value_type, intent, value FROM engine.record WHERE record_key >= ?
      ), element_instances AS (
        SELECT DISTINCT record_key::text AS element_instance_key FROM later
        WHERE value_type = 'PROCESS_INSTANCE' AND value->>'processInstanceKey' = ?
      ), owned AS (
        SELECT DISTINCT record_key FROM later
        WHERE value->>'elementInstanceKey' IN (SELECT element_instance_key FROM element_instances)
      )
      SELECT position, record_key, value_type, intent, value::text FROM later
      WHERE value->>'processInstanceKey' = ? OR record_key IN (SELECT record_key FROM owned)
      ORDER BY position
      """;

  /** One record of the log. */
  public record Entry(
      long position, long key, String valueType, String intent, Map<String, Object> value) {

    public String elementId() {
      return (String) value.get("elementId");
    }

    public String bpmnElementType() {
      return (String) value.get("bpmnElementType");
    }

    boolean isElement() {
      return valueType.equals("PROCESS_INSTANCE")
          && value.containsKey("bpmnElementType")
          && !"SEQUENCE_FLOW".equals(bpmnElementType());
    }
  }

  private final List<Entry> entries;

  private RecordLog(List<Entry> entries) {
    this.entries = entries;
  }

  public static RecordLog of(DataSource dataSource, long processInstanceKey) {
    String key = String.valueOf(processInstanceKey);
    List<Entry> entries = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(QUERY)) {
      query.setLong(1, processInstanceKey);
      query.setString(2, key);
      query.setString(3, key);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          entries.add(
              new Entry(
                  rows.getLong(1),
                  rows.getLong(2),
                  rows.getString(3),
                  rows.getString(4),
                  JSON.readValue(rows.getString(5), VALUE)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the record log of process instance " + key, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RecordLog(entries);
  }

  /**
   * The intents of one value type's records (JOB, TIMER, INCIDENT, …), e.g. a job's CREATED,
   * ACTIVATED, COMPLETED.
   */
  public List<String> intentsOfType(String valueType) {
    return filter(e -> e.valueType().equals(valueType)).stream().map(Entry::intent).toList();
  }

  /**
   * The lifecycle records of the given elements' instances and the taking of the given sequence
   * flows, interleaved as they were written.
   */
  public List<Entry> lifecycleOf(String... ids) {
    Set<String> wanted = Set.of(ids);
    return filter(
        e ->
            e.valueType().equals("PROCESS_INSTANCE")
                && e.value().containsKey("elementId")
                && wanted.contains(e.elementId()));
  }

  /**
   * Every record naming one of the elements or flows: {@link #lifecycleOf} and the elements'
   * incidents.
   */
  public List<Entry> recordsOf(String... ids) {
    Set<String> wanted = Set.of(ids);
    return filter(e -> e.value().containsKey("elementId") && wanted.contains(e.elementId()));
  }

  /** The element instance's lifecycle records and its incidents. */
  public List<Entry> recordsOf(long elementInstanceKey) {
    return filter(
        e ->
            e.isElement()
                ? e.key() == elementInstanceKey
                : (e.valueType().equals("INCIDENT")
                    && ((Number) e.value().get("elementInstanceKey")).longValue()
                        == elementInstanceKey));
  }

  /**
   * The lifecycle intents of every instance of the element, in log order. A multi-instance body and
   * its inner instances share the element's id: {@link #intentsOf(String, String)} tells them
   * apart.
   */
  public List<String> intentsOf(String elementId) {
    return lifecycleOf(elementId).stream().map(Entry::intent).toList();
  }

  /**
   * The lifecycle intents of the element's instances of one BPMN element type (e.g.
   * MULTI_INSTANCE_BODY).
   */
  public List<String> intentsOf(String elementId, String bpmnElementType) {
    return lifecycleOf(elementId).stream()
        .filter(e -> e.bpmnElementType().equals(bpmnElementType))
        .map(Entry::intent)
        .toList();
  }

  /** The lifecycle intents of one element instance. */
  public List<String> intentsOf(long elementInstanceKey) {
    return filter(e -> e.isElement() && e.key() == elementInstanceKey).stream()
        .map(Entry::intent)
        .toList();
  }

  /**
   * The keys of the element's instances of one BPMN element type, in the order they were created.
   */
  public List<Long> instancesOf(String elementId, String bpmnElementType) {
    return lifecycleOf(elementId).stream()
        .filter(e -> e.intent().equals(ACTIVATING) && e.bpmnElementType().equals(bpmnElementType))
        .map(Entry::key)
        .toList();
  }

  /** The ids of the elements that reached the intent (e.g. {@link #COMPLETED}), in that order. */
  public List<String> elementsWith(String intent) {
    return filter(e -> e.isElement() && e.intent().equals(intent)).stream()
        .map(Entry::elementId)
        .toList();
  }

  /** The ids of the sequence flows taken, in that order. */
  public List<String> takenFlows() {
    return filter(e -> e.intent().equals(TAKEN)).stream().map(Entry::elementId).toList();
  }

  /** The last value recorded for a variable of the scope, e.g. an inner instance's loopCounter. */
  public Object variable(long scopeKey, String name) {
    List<Entry> writes =
        filter(
            e ->
                e.valueType().equals("VARIABLE")
                    && ((Number) e.value().get("scopeKey")).longValue() == scopeKey
                    && name.equals(e.value().get("name")));
    if (writes.isEmpty()) {
      throw new AssertionError("no variable '" + name + "' was recorded in scope " + scopeKey);
    }
    return writes.get(writes.size() - 1).value().get("value");
  }

  private List<Entry> filter(Predicate<Entry> predicate) {
    return entries.stream().filter(predicate).toList();
  }
}
