package landwatch.engine.state;

import java.util.List;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.Expression;

/**
 * A version of a process: what searches, answers and event correlation need without the model
 * (name, version tag, its message and signal start events), the stored BPMN resource it came from
 * ({@link #resourceKey()}, a row of {@code engine.resource}), and its executable form, which {@link
 * ProcessModels} parses on demand and keeps in a bounded cache. Holding one costs a few hundred
 * bytes whatever the size of its model.
 */
public final class DeployedProcess {

  /**
   * A message or signal start event, kept without the model so that a published message or a
   * broadcast signal finds the versions it starts without parsing any of them.
   *
   * @param name the message or signal name as written in the model
   */
  public record StartEvent(String elementId, EventType type, String name) {}

  private final long key;
  private final String bpmnProcessId;
  private final int version;
  private final String resourceName;
  private final String checksum;
  private final long deploymentKey;
  private final long resourceKey;
  private final String name;
  private final String versionTag;
  private final List<StartEvent> startEvents;
  private final ProcessModels models;

  /** The model of a version this batch deploys, until it is committed and handed to the cache. */
  private volatile ExecutableProcess deployed;

  private long deployedWeight;

  public DeployedProcess(
      long key,
      String bpmnProcessId,
      int version,
      String resourceName,
      String checksum,
      long deploymentKey,
      long resourceKey,
      String name,
      String versionTag,
      List<StartEvent> startEvents,
      ProcessModels models) {
    this.key = key;
    this.bpmnProcessId = bpmnProcessId;
    this.version = version;
    this.resourceName = resourceName;
    this.checksum = checksum;
    this.deploymentKey = deploymentKey;
    this.resourceKey = resourceKey;
    this.name = name;
    this.versionTag = versionTag;
    this.startEvents = List.copyOf(startEvents);
    this.models = models;
  }

  /**
   * A version being deployed: its model is at hand, and held until {@link #committed()}; {@code
   * weight} is what it counts for in the cache (its share of the resource's bytes).
   */
  public static DeployedProcess deployed(
      long key,
      int version,
      String resourceName,
      String checksum,
      long deploymentKey,
      long resourceKey,
      ExecutableProcess executable,
      long weight,
      ProcessModels models) {
    DeployedProcess process =
        new DeployedProcess(
            key,
            executable.bpmnProcessId,
            version,
            resourceName,
            checksum,
            deploymentKey,
            resourceKey,
            executable.root.name,
            executable.versionTag,
            startEventsOf(executable),
            models);
    process.deployedWeight = weight;
    process.deployed = executable;
    return process;
  }

  /**
   * The message and signal start events of a model, as kept in {@code
   * process_definition.start_events}.
   */
  public static List<StartEvent> startEventsOf(ExecutableProcess executable) {
    return executable.eventStartEvents.stream()
        .filter(e -> e.eventType == EventType.MESSAGE || e.eventType == EventType.SIGNAL)
        .map(
            e ->
                new StartEvent(
                    e.id,
                    e.eventType,
                    raw(e.eventType == EventType.MESSAGE ? e.message.name() : e.signal.name())))
        .toList();
  }

  private static String raw(Expression expression) {
    return expression == null ? null : expression.raw();
  }

  /**
   * Called once the deployment committed: from now on the model comes from (and may leave) the
   * cache.
   */
  public void committed() {
    ExecutableProcess executable = deployed;
    if (executable != null) {
      models.put(this, executable, deployedWeight);
      deployed = null;
    }
  }

  /** The executable model: parsed from the stored resource on a cache miss. */
  public ExecutableProcess executable() {
    ExecutableProcess executable = deployed;
    return executable != null ? executable : models.get(this);
  }

  /**
   * The start event of the model with the given id, for a start event found in {@link
   * #startEvents()}.
   */
  public ExecutableElement startElement(StartEvent start) {
    return executable().element(start.elementId());
  }

  public long key() {
    return key;
  }

  public String bpmnProcessId() {
    return bpmnProcessId;
  }

  public int version() {
    return version;
  }

  public String resourceName() {
    return resourceName;
  }

  public String checksum() {
    return checksum;
  }

  public long deploymentKey() {
    return deploymentKey;
  }

  public long resourceKey() {
    return resourceKey;
  }

  /** The process's name in the model, or null. */
  public String name() {
    return name;
  }

  /** {@code zeebe:versionTag}, or null. */
  public String versionTag() {
    return versionTag;
  }

  public List<StartEvent> startEvents() {
    return startEvents;
  }

  @Override
  public String toString() {
    return "DeployedProcess[" + bpmnProcessId + " v" + version + ", key " + key + "]";
  }
}
