package landwatch.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * An image of the hot state, for comparing two states wholesale: every concern, every object with
 * all the fields of its row, every scope's variables, and what the indexes answer for them, each by
 * key. Two images are equal exactly when the JSON the tables hold for them is: rows and values are
 * kept as their JSON, and where the text differs, compared as JSON with numbers by value (a
 * variable set as 1.50 reads back from the tables as 1.5).
 */
public final class StateSnapshot {

  /** An object as its JSON. */
  private record Json(String text) {

    boolean sameAs(Json other) {
      return text.equals(other.text) || tree(text).equals(NUMBERS_BY_VALUE, tree(other.text));
    }

    private static JsonNode tree(String json) {
      try {
        return EngineJson.VALUES.readTree(json);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
      };
  private static final int DIFF_CHARACTERS = 2_000;

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
    Map<String, Object> decisions = image.concern("decisions");
    deployments.decisions().forEach(d -> decisions.put(key(d.key()), d));
    image.index(
        "decisionsByRequirements",
        deployments.decisions(),
        DeployedDecision::key,
        d -> keys(deployments.decisionsOf(d.decisionRequirementsKey()), DeployedDecision::key));
    image.index(
        "latestDecisions",
        deployments.decisions(),
        DeployedDecision::key,
        d -> deployments.latestDecision(d.decisionId()).key());
    Map<String, Object> formVersionTags = image.concern("formVersionTags");
    deployments.formVersionTags().forEach((key, tag) -> formVersionTags.put(key(key), tag));

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
        .forEach(
            scope ->
                variables.put(
                    key(scope), new Json(EngineJson.writeValue(state.variables().local(scope)))));
    Map<String, Object> variableKeys = image.concern("variableKeys");
    state
        .variables()
        .scopes()
        .forEach(
            scope ->
                state
                    .variables()
                    .local(scope)
                    .keySet()
                    .forEach(
                        name ->
                            variableKeys.put(
                                key(scope) + "/" + name, state.variables().key(scope, name))));

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

    UserTaskState userTasks = state.userTasks();
    image.rows("userTasks", userTasks.all());
    image.index(
        "userTasksByElementInstance",
        userTasks.all(),
        UserTask::elementInstanceKey,
        t -> userTasks.of(t.elementInstanceKey()).key());
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

  /** The row as its JSON; the sets a message keeps are sorted, their order means nothing. */
  private static Json row(StateRow row) {
    if (!(row instanceof Message)) {
      return new Json(EngineJson.write(row));
    }
    ObjectNode fields = EngineJson.MAPPER.valueToTree(row);
    sortElements(fields, "correlatedInstances");
    sortElements(fields, "startedProcesses");
    return new Json(fields.toString());
  }

  private static void sortElements(ObjectNode fields, String name) {
    JsonNode elements = fields.get(name);
    if (elements instanceof ArrayNode array) {
      List<JsonNode> sorted = new ArrayList<>();
      array.forEach(sorted::add);
      sorted.sort(Comparator.comparing(JsonNode::asText));
      array.removeAll();
      array.addAll(sorted);
    }
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

  private static boolean same(Object a, Object b) {
    if (a instanceof Json x && b instanceof Json y) {
      return x.sameAs(y);
    }
    return Objects.equals(a, b);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof StateSnapshot snapshot)
        || !concerns.keySet().equals(snapshot.concerns.keySet())) {
      return false;
    }
    for (Map.Entry<String, Map<String, Object>> concern : concerns.entrySet()) {
      Map<String, Object> theirs = snapshot.concerns.get(concern.getKey());
      if (!concern.getValue().keySet().equals(theirs.keySet())) {
        return false;
      }
      for (Map.Entry<String, Object> object : concern.getValue().entrySet()) {
        if (!same(object.getValue(), theirs.get(object.getKey()))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Over the keys only: equal images have equal keys, whatever the form of their numbers. */
  @Override
  public int hashCode() {
    int hash = 0;
    for (Map.Entry<String, Map<String, Object>> concern : concerns.entrySet()) {
      hash = 31 * hash + concern.getKey().hashCode() + concern.getValue().keySet().hashCode();
    }
    return hash;
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
        if (!same(a, b)) {
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

  /** The object as JSON, cut short: a diff shows where values differ, not megabytes of them. */
  private static String json(Object value) {
    if (value == null) {
      return "(none)";
    }
    String json = value instanceof Json row ? row.text() : EngineJson.writeValue(value);
    return json.length() <= DIFF_CHARACTERS
        ? json
        : json.substring(0, DIFF_CHARACTERS) + "… (" + json.length() + " characters)";
  }
}
