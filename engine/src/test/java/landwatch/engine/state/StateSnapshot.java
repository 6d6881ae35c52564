package landwatch.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A canonical image of the hot state, for comparing two states wholesale: every concern, every
 * object with all its fields (as its row's JSON, read back the way the tables are read), and what
 * the indexes answer for them, each sorted by key. Two images are equal exactly when a state loaded
 * from the tables would behave like the other.
 */
public final class StateSnapshot {

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** Per concern: the objects (or index answers) by key. */
  private final Map<String, Map<String, Object>> concerns = new LinkedHashMap<>();

  private StateSnapshot() {}

  public static StateSnapshot of(EngineState state) {
    StateSnapshot image = new StateSnapshot();
    DeploymentState deployments = state.deployments();
    Map<String, Object> processes = image.concern("processes");
    deployments
        .processVersions()
        .forEach(
            versions ->
                versions.values().forEach(p -> processes.put(key(p.key()), processFields(p))));
    Map<String, Object> resources = image.concern("resources");
    deployments.resources().forEach(r -> resources.put(key(r.key()), r));
    deployments
        .bpmnResources()
        .forEach((checksum, key) -> resources.put(key(key), "bpmn " + checksum));

    ElementInstanceState instances = state.instances();
    image.rows("elementInstances", instances.all());
    image.index(
        "children",
        instances.all(),
        ElementInstance::key,
        i -> keys(instances.children(i.key()), ElementInstance::key));
    image.index(
        "messageStartedInstances",
        instances.all(),
        ElementInstance::key,
        i ->
            i.startCorrelationKey() != null
                && instances.hasMessageStartedInstance(i.bpmnProcessId(), i.startCorrelationKey()));

    Map<String, Object> variables = image.concern("variables");
    state
        .variables()
        .scopes()
        .forEach(scope -> variables.put(key(scope), canonical(state.variables().local(scope))));

    JobState jobs = state.jobs();
    image.rows("jobs", jobs.all());
    Map<String, Object> activatable = image.concern("activatableJobs");
    jobs.all().stream()
        .map(Job::type)
        .distinct()
        .forEach(
            type -> {
              List<Long> queue = new ArrayList<>(jobs.activatable(type));
              if (!queue.isEmpty()) {
                activatable.put(type, sorted(queue));
              }
            });

    TimerState timers = state.timers();
    image.rows("timers", timers.all());
    image.index(
        "timersByInstance",
        timers.all(),
        Timer::elementInstanceKey,
        t -> keys(timers.of(t.elementInstanceKey()), Timer::key));
    Timer next = timers.next();
    image.concern("nextTimer").put("key", next == null ? null : key(next.key()));

    EventSubscriptionState subscriptions = state.subscriptions();
    image.rows("subscriptions", subscriptions.all());
    image.index(
        "subscriptionsByInstance",
        subscriptions.all(),
        EventSubscription::elementInstanceKey,
        s -> keys(subscriptions.of(s.elementInstanceKey()), EventSubscription::key));
    image.index(
        "subscriptionsByEvent",
        subscriptions.all(),
        EventSubscription::key,
        s ->
            keys(
                subscriptions.find(s.kind(), s.name(), s.correlationKey()),
                EventSubscription::key));

    MessageState messages = state.messages();
    image.rows("messages", messages.all());
    image.index(
        "messagesByCorrelation",
        messages.all(),
        Message::key,
        m -> keys(messages.find(m.name(), m.correlationKey()), Message::key));
    image.index(
        "messagesById",
        messages.all(),
        Message::key,
        m -> m.messageId() != null && messages.hasMessageWithId(m.name(), m.messageId()));

    IncidentState incidents = state.incidents();
    image.rows("incidents", incidents.all());
    image.index(
        "incidentsByInstance",
        incidents.all(),
        Incident::elementInstanceKey,
        i -> keys(incidents.of(i.elementInstanceKey()), Incident::key));
    return image;
  }

  private Map<String, Object> concern(String name) {
    return concerns.computeIfAbsent(name, n -> new TreeMap<>());
  }

  private void rows(String name, Collection<? extends StateRow> rows) {
    Map<String, Object> concern = concern(name);
    for (StateRow row : rows) {
      concern.put(key(row.key()), row(row));
    }
  }

  private <T> void index(
      String name, Collection<T> objects, ToLongFunction<T> key, Function<T, Object> answer) {
    Map<String, Object> concern = concern(name);
    for (T object : objects) {
      concern.put(key(key.applyAsLong(object)), answer.apply(object));
    }
  }

  /**
   * The row as its JSON reads back; the sets a message keeps are sorted, their order means nothing.
   */
  @SuppressWarnings("unchecked")
  private static Object row(StateRow row) {
    Map<String, Object> fields = (Map<String, Object>) EngineJson.readValue(EngineJson.write(row));
    if (row instanceof Message) {
      fields.computeIfPresent(
          "correlatedInstances", (name, values) -> sorted((List<Object>) values));
      fields.computeIfPresent("startedProcesses", (name, values) -> sorted((List<Object>) values));
    }
    return fields;
  }

  /** What a version is without its model: plain values, equal when loaded from its row. */
  private static Map<String, Object> processFields(DeployedProcess p) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("bpmnProcessId", p.bpmnProcessId());
    fields.put("version", p.version());
    fields.put("resourceName", p.resourceName());
    fields.put("checksum", p.checksum());
    fields.put("deploymentKey", p.deploymentKey());
    fields.put("resourceKey", p.resourceKey());
    fields.put("name", p.name());
    fields.put("versionTag", p.versionTag());
    fields.put("startEvents", p.startEvents());
    return fields;
  }

  /** A value as the tables give it back: written as JSON and read again. */
  private static Object canonical(Object value) {
    return EngineJson.readValue(EngineJson.writeValue(value));
  }

  private static <T> List<Long> keys(Collection<T> objects, ToLongFunction<T> key) {
    List<Long> keys = new ArrayList<>();
    objects.forEach(o -> keys.add(key.applyAsLong(o)));
    return sorted(keys);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> List<T> sorted(Collection<T> values) {
    return new ArrayList<>((Collection<T>) new TreeSet<>((Collection) values));
  }

  private static String key(long key) {
    return String.format("%020d", key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StateSnapshot snapshot && concerns.equals(snapshot.concerns);
  }

  @Override
  public int hashCode() {
    return concerns.hashCode();
  }

  /** What differs from the other image, one line per object: "concern key: this ≠ other". */
  public String diff(StateSnapshot other) {
    StringBuilder diff = new StringBuilder();
    TreeSet<String> names = new TreeSet<>(concerns.keySet());
    names.addAll(other.concerns.keySet());
    for (String name : names) {
      Map<String, Object> mine = concerns.getOrDefault(name, Map.of());
      Map<String, Object> theirs = other.concerns.getOrDefault(name, Map.of());
      TreeSet<String> keys = new TreeSet<>(mine.keySet());
      keys.addAll(theirs.keySet());
      for (String key : keys) {
        Object a = mine.get(key);
        Object b = theirs.get(key);
        if (!Objects.equals(a, b)) {
          diff.append(name)
              .append(' ')
              .append(key)
              .append(":\n    ")
              .append(json(a))
              .append("\n  ≠ ")
              .append(json(b))
              .append('\n');
        }
      }
    }
    return diff.toString();
  }

  private static String json(Object value) {
    if (value == null) {
      return "(none)";
    }
    try {
      return CANONICAL.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return json(concerns);
  }
}
