package landwatch.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import landwatch.engine.state.StateChanges.Table;

/**
 * The hot copy of the engine's state, read and changed only by the single writer. Every change
 * is recorded in {@link #changes} so that the batch's transaction can apply it to the tables.
 */
public final class EngineState {

  public final StateChanges changes = new StateChanges();

  private final Map<Long, DeployedProcess> processes = new HashMap<>();
  private final Map<String, NavigableMap<Integer, DeployedProcess>> processVersions = new HashMap<>();
  private final Map<String, NavigableMap<Integer, DeployedResource>> resourceVersions = new HashMap<>();
  /** Stored BPMN resources by checksum: a resource is stored once, whatever its processes' versions. */
  private final Map<String, Long> bpmnResources = new HashMap<>();

  private final Map<Long, ElementInstance> instances = new HashMap<>();
  private final Map<Long, Set<Long>> children = new HashMap<>();
  private final Map<Long, Map<String, Object>> variables = new HashMap<>();

  private final Map<Long, Job> jobs = new LinkedHashMap<>();
  private final Map<String, LinkedHashSet<Long>> activatableByType = new HashMap<>();

  private final Map<Long, Timer> timers = new HashMap<>();
  private final Map<Long, Set<Long>> timersByInstance = new HashMap<>();
  private final TreeSet<Timer> timersByDueDate =
      new TreeSet<>(Comparator.comparingLong((Timer t) -> t.dueDate).thenComparingLong(t -> t.key));

  private final Map<Long, EventSubscription> subscriptions = new HashMap<>();
  private final Map<String, Set<Long>> subscriptionsByEvent = new HashMap<>();
  private final Map<Long, Set<Long>> subscriptionsByInstance = new HashMap<>();

  private final Map<Long, Message> messages = new LinkedHashMap<>();
  private final Map<String, LinkedHashSet<Long>> messagesByCorrelation = new HashMap<>();
  private final Map<String, Long> messagesById = new HashMap<>();

  private final Map<Long, Incident> incidents = new LinkedHashMap<>();
  /** "processId/correlationKey" of running instances a message start event created. */
  private final Set<String> messageStartedInstances = new HashSet<>();
  private final Map<Long, Set<Long>> incidentsByInstance = new HashMap<>();

  // ---- deployed processes and resources

  public void putProcess(DeployedProcess process, boolean isNew) {
    processes.put(process.key(), process);
    processVersions.computeIfAbsent(process.bpmnProcessId(), id -> new TreeMap<>()).put(process.version(), process);
    if (isNew) {
      changes.upsert(Table.PROCESS, process.key(), process);
    }
  }

  public DeployedProcess process(long key) {
    return processes.get(key);
  }

  public DeployedProcess latestProcess(String bpmnProcessId) {
    NavigableMap<Integer, DeployedProcess> versions = processVersions.get(bpmnProcessId);
    return versions == null ? null : versions.lastEntry().getValue();
  }

  public DeployedProcess process(String bpmnProcessId, int version) {
    NavigableMap<Integer, DeployedProcess> versions = processVersions.get(bpmnProcessId);
    return versions == null ? null : versions.get(version);
  }

  /** Every version of a process, oldest first (empty when none is deployed). */
  public Collection<DeployedProcess> versionsOf(String bpmnProcessId) {
    NavigableMap<Integer, DeployedProcess> versions = processVersions.get(bpmnProcessId);
    return versions == null ? List.of() : versions.values();
  }

  public Collection<NavigableMap<Integer, DeployedProcess>> processVersions() {
    return processVersions.values();
  }

  public void putResource(DeployedResource resource, boolean isNew) {
    // the content goes to the table with the batch; the hot state keeps none
    resourceVersions.computeIfAbsent(resource.kind() + ":" + resource.resourceId(), id -> new TreeMap<>())
        .put(resource.version(), resource.withoutContent());
    if (isNew) {
      changes.upsert(Table.RESOURCE, resource.key(), resource);
    }
  }

  /** The key of the stored BPMN resource with this content, or null. */
  public Long bpmnResource(String checksum) {
    return bpmnResources.get(checksum);
  }

  /** A BPMN resource row (kind {@code bpmn}); new ones are written with the batch. */
  public void putBpmnResource(DeployedResource resource, boolean isNew) {
    bpmnResources.put(resource.checksum(), resource.key());
    if (isNew) {
      changes.upsert(Table.RESOURCE, resource.key(), resource);
    }
  }

  void loadBpmnResource(String checksum, long key) {
    bpmnResources.put(checksum, key);
  }

  public DeployedResource latestResource(String kind, String resourceId) {
    NavigableMap<Integer, DeployedResource> versions = resourceVersions.get(kind + ":" + resourceId);
    return versions == null ? null : versions.lastEntry().getValue();
  }

  // ---- element instances

  public void putInstance(ElementInstance instance) {
    if (instances.put(instance.key, instance) == null && instance.flowScopeKey >= 0) {
      children.computeIfAbsent(instance.flowScopeKey, k -> new LinkedHashSet<>()).add(instance.key);
    }
    if (instance.startCorrelationKey != null) {
      messageStartedInstances.add(instance.bpmnProcessId + "\u0000" + instance.startCorrelationKey);
    }
    changes.upsert(Table.ELEMENT_INSTANCE, instance.key, instance);
  }

  /** Writes the instance's changed fields; call after every change to a live instance. */
  public void touch(ElementInstance instance) {
    changes.upsert(Table.ELEMENT_INSTANCE, instance.key, instance);
  }

  /** The instance has ended: its row stays (as history), its variables and hot copy go. */
  public void removeInstance(ElementInstance instance) {
    instances.remove(instance.key);
    if (instance.startCorrelationKey != null) {
      messageStartedInstances.remove(instance.bpmnProcessId + "\u0000" + instance.startCorrelationKey);
    }
    Set<Long> siblings = children.get(instance.flowScopeKey);
    if (siblings != null) {
      siblings.remove(instance.key);
      if (siblings.isEmpty()) {
        children.remove(instance.flowScopeKey);
      }
    }
    children.remove(instance.key);
    if (variables.remove(instance.key) != null) {
      changes.deleteScope(instance.key);
    }
    changes.upsert(Table.ELEMENT_INSTANCE, instance.key, instance);
  }

  public ElementInstance instance(long key) {
    return instances.get(key);
  }

  public List<ElementInstance> children(long key) {
    Set<Long> keys = children.get(key);
    if (keys == null) {
      return List.of();
    }
    List<ElementInstance> result = new ArrayList<>(keys.size());
    keys.forEach(k -> result.add(instances.get(k)));
    return result;
  }

  /** Whether an instance of the process started by a message with this correlation key still runs. */
  public boolean hasMessageStartedInstance(String bpmnProcessId, String correlationKey) {
    return messageStartedInstances.contains(bpmnProcessId + "\u0000" + correlationKey);
  }

  // ---- variables

  public Map<String, Object> localVariables(long scopeKey) {
    Map<String, Object> local = variables.get(scopeKey);
    return local == null ? Map.of() : local;
  }

  public void setVariable(long scopeKey, long processInstanceKey, String name, Object value) {
    variables.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>()).put(name, value);
    changes.variable(scopeKey, name, processInstanceKey, value);
  }

  public void loadVariable(long scopeKey, String name, Object value) {
    variables.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>()).put(name, value);
  }

  // ---- jobs

  public void putJob(Job job) {
    jobs.put(job.key, job);
    reindexJob(job);
    changes.upsert(Table.JOB, job.key, job);
  }

  public void touch(Job job) {
    reindexJob(job);
    changes.upsert(Table.JOB, job.key, job);
  }

  private void reindexJob(Job job) {
    LinkedHashSet<Long> queue = activatableByType.computeIfAbsent(job.type, t -> new LinkedHashSet<>());
    if (job.state == Job.State.ACTIVATABLE) {
      queue.add(job.key);
    } else {
      queue.remove(job.key);
    }
  }

  public void removeJob(Job job) {
    jobs.remove(job.key);
    LinkedHashSet<Long> queue = activatableByType.get(job.type);
    if (queue != null) {
      queue.remove(job.key);
    }
    changes.delete(Table.JOB, job.key);
  }

  public Job job(long key) {
    return jobs.get(key);
  }

  public Collection<Job> jobs() {
    return jobs.values();
  }

  public Collection<Long> activatableJobs(String type) {
    LinkedHashSet<Long> queue = activatableByType.get(type);
    return queue == null ? List.of() : queue;
  }

  // ---- timers

  public void putTimer(Timer timer) {
    timers.put(timer.key, timer);
    timersByDueDate.add(timer);
    timersByInstance.computeIfAbsent(timer.elementInstanceKey, k -> new LinkedHashSet<>()).add(timer.key);
    changes.upsert(Table.TIMER, timer.key, timer);
  }

  public void removeTimer(Timer timer) {
    timers.remove(timer.key);
    timersByDueDate.remove(timer);
    Set<Long> byInstance = timersByInstance.get(timer.elementInstanceKey);
    if (byInstance != null) {
      byInstance.remove(timer.key);
      if (byInstance.isEmpty()) {
        timersByInstance.remove(timer.elementInstanceKey);
      }
    }
    changes.delete(Table.TIMER, timer.key);
  }

  public Timer nextTimer() {
    return timersByDueDate.isEmpty() ? null : timersByDueDate.first();
  }

  public Collection<Timer> timers() {
    return timers.values();
  }

  // ---- message and signal subscriptions

  private static String eventKey(EventSubscription.Kind kind, String name, String correlationKey) {
    return kind + "\u0000" + name + "\u0000" + (correlationKey == null ? "" : correlationKey);
  }

  public void putSubscription(EventSubscription subscription) {
    subscriptions.put(subscription.key, subscription);
    subscriptionsByEvent.computeIfAbsent(eventKey(subscription.kind, subscription.name, subscription.correlationKey),
        k -> new LinkedHashSet<>()).add(subscription.key);
    subscriptionsByInstance.computeIfAbsent(subscription.elementInstanceKey, k -> new LinkedHashSet<>())
        .add(subscription.key);
    changes.upsert(Table.SUBSCRIPTION, subscription.key, subscription);
  }

  public void removeSubscription(EventSubscription subscription) {
    subscriptions.remove(subscription.key);
    Set<Long> byEvent = subscriptionsByEvent.get(eventKey(subscription.kind, subscription.name, subscription.correlationKey));
    if (byEvent != null) {
      byEvent.remove(subscription.key);
    }
    Set<Long> byInstance = subscriptionsByInstance.get(subscription.elementInstanceKey);
    if (byInstance != null) {
      byInstance.remove(subscription.key);
      if (byInstance.isEmpty()) {
        subscriptionsByInstance.remove(subscription.elementInstanceKey);
      }
    }
    changes.delete(Table.SUBSCRIPTION, subscription.key);
  }

  public List<EventSubscription> subscriptions(EventSubscription.Kind kind, String name, String correlationKey) {
    Set<Long> keys = subscriptionsByEvent.get(eventKey(kind, name, correlationKey));
    List<EventSubscription> result = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> result.add(subscriptions.get(k)));
    }
    return result;
  }

  public List<EventSubscription> subscriptionsOf(long elementInstanceKey) {
    Set<Long> keys = subscriptionsByInstance.get(elementInstanceKey);
    List<EventSubscription> result = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> result.add(subscriptions.get(k)));
    }
    return result;
  }

  public List<Timer> timersOf(long elementInstanceKey) {
    Set<Long> keys = timersByInstance.get(elementInstanceKey);
    List<Timer> result = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> result.add(timers.get(k)));
    }
    return result;
  }

  // ---- buffered messages

  public void putMessage(Message message) {
    messages.put(message.key, message);
    messagesByCorrelation.computeIfAbsent(message.name + "\u0000" + message.correlationKey, k -> new LinkedHashSet<>())
        .add(message.key);
    if (message.messageId != null && !message.messageId.isEmpty()) {
      messagesById.put(message.name + "\u0000" + message.messageId, message.key);
    }
    changes.upsert(Table.MESSAGE, message.key, message);
  }

  public void touch(Message message) {
    changes.upsert(Table.MESSAGE, message.key, message);
  }

  public void removeMessage(Message message) {
    messages.remove(message.key);
    Set<Long> byCorrelation = messagesByCorrelation.get(message.name + "\u0000" + message.correlationKey);
    if (byCorrelation != null) {
      byCorrelation.remove(message.key);
    }
    if (message.messageId != null) {
      messagesById.remove(message.name + "\u0000" + message.messageId);
    }
    changes.delete(Table.MESSAGE, message.key);
  }

  public boolean hasMessageWithId(String name, String messageId) {
    return messageId != null && !messageId.isEmpty() && messagesById.containsKey(name + "\u0000" + messageId);
  }

  public List<Message> messages(String name, String correlationKey) {
    Set<Long> keys = messagesByCorrelation.get(name + "\u0000" + correlationKey);
    List<Message> result = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> result.add(messages.get(k)));
    }
    return result;
  }

  public Collection<Message> messages() {
    return messages.values();
  }

  // ---- incidents

  public void putIncident(Incident incident) {
    incidents.put(incident.key, incident);
    incidentsByInstance.computeIfAbsent(incident.elementInstanceKey, k -> new LinkedHashSet<>()).add(incident.key);
    changes.upsert(Table.INCIDENT, incident.key, incident);
  }

  public void resolveIncident(Incident incident) {
    incidents.remove(incident.key);
    Set<Long> byInstance = incidentsByInstance.get(incident.elementInstanceKey);
    if (byInstance != null) {
      byInstance.remove(incident.key);
      if (byInstance.isEmpty()) {
        incidentsByInstance.remove(incident.elementInstanceKey);
      }
    }
    incident.state = "RESOLVED";
    changes.upsert(Table.INCIDENT, incident.key, incident);
  }

  public Incident incident(long key) {
    return incidents.get(key);
  }

  public List<Incident> incidentsOf(long elementInstanceKey) {
    Set<Long> keys = incidentsByInstance.get(elementInstanceKey);
    List<Incident> result = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> result.add(incidents.get(k)));
    }
    return result;
  }
}
