package landwatch.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The deployed process versions (metadata: their models are parsed on demand) and the stored
 * resources, versioned per id. New ones are written with the batch that deploys them; neither
 * changes afterwards.
 */
public final class DeploymentState {

  /** A versioned resource's identity: DMN and forms are versioned per kind and id. */
  private record ResourceId(String kind, String resourceId) {}

  private final Map<Long, DeployedProcess> processes = new HashMap<>();
  private final Map<String, NavigableMap<Integer, DeployedProcess>> processVersions =
      new HashMap<>();
  private final Map<ResourceId, NavigableMap<Integer, DeployedResource>> resourceVersions =
      new HashMap<>();

  private final Map<Long, DeployedDecision> decisions = new HashMap<>();
  private final Map<String, NavigableMap<Integer, DeployedDecision>> decisionVersions =
      new HashMap<>();
  private final Map<Long, List<DeployedDecision>> decisionsByRequirements = new HashMap<>();

  /**
   * Stored BPMN resources by checksum: a resource is stored once, whatever its processes' versions.
   */
  private final Map<String, Long> bpmnResources = new HashMap<>();

  private final StateChanges changes;

  DeploymentState(StateChanges changes) {
    this.changes = changes;
  }

  /** A newly deployed process version, written with the batch. */
  public void putProcess(DeployedProcess process) {
    loadProcess(process);
    changes.processes.put(process.key(), process);
  }

  /** A stored process version, read at start. */
  void loadProcess(DeployedProcess process) {
    processes.put(process.key(), process);
    processVersions
        .computeIfAbsent(process.bpmnProcessId(), id -> new TreeMap<>())
        .put(process.version(), process);
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

  /** The versions of every deployed process, per process. */
  public Collection<NavigableMap<Integer, DeployedProcess>> processVersions() {
    return processVersions.values();
  }

  /** A newly deployed DMN or form resource, written (with its content) with the batch. */
  public void putResource(DeployedResource resource) {
    loadResource(resource);
    changes.resources.put(resource.key(), resource);
  }

  /** A stored DMN or form resource, read at start. */
  void loadResource(DeployedResource resource) {
    // the content goes to the table with the batch; the hot state keeps none
    resourceVersions
        .computeIfAbsent(
            new ResourceId(resource.kind(), resource.resourceId()), id -> new TreeMap<>())
        .put(resource.version(), resource.withoutContent());
  }

  /** The key of the stored BPMN resource with this content, or null. */
  public Long bpmnResource(String checksum) {
    return bpmnResources.get(checksum);
  }

  /** A new BPMN resource row (kind {@code bpmn}), written with the batch. */
  public void putBpmnResource(DeployedResource resource) {
    bpmnResources.put(resource.checksum(), resource.key());
    changes.resources.put(resource.key(), resource);
  }

  void loadBpmnResource(String checksum, long key) {
    bpmnResources.put(checksum, key);
  }

  /** The stored BPMN resources: their keys by checksum. */
  public Map<String, Long> bpmnResources() {
    return Collections.unmodifiableMap(bpmnResources);
  }

  public DeployedResource latestResource(String kind, String resourceId) {
    NavigableMap<Integer, DeployedResource> versions =
        resourceVersions.get(new ResourceId(kind, resourceId));
    return versions == null ? null : versions.lastEntry().getValue();
  }

  /** Every version of every stored DMN and form resource, without content. */
  public List<DeployedResource> resources() {
    return resourceVersions.values().stream()
        .flatMap(versions -> versions.values().stream())
        .toList();
  }

  /** A newly deployed decision version, written with the batch. */
  public void putDecision(DeployedDecision decision) {
    loadDecision(decision);
    changes.decisions.put(decision.key(), decision);
  }

  /** A stored decision version, read at start. */
  void loadDecision(DeployedDecision decision) {
    decisions.put(decision.key(), decision);
    decisionVersions
        .computeIfAbsent(decision.decisionId(), id -> new TreeMap<>())
        .put(decision.version(), decision);
    decisionsByRequirements
        .computeIfAbsent(decision.decisionRequirementsKey(), k -> new ArrayList<>())
        .add(decision);
  }

  public DeployedDecision decision(long key) {
    return decisions.get(key);
  }

  public DeployedDecision latestDecision(String decisionId) {
    NavigableMap<Integer, DeployedDecision> versions = decisionVersions.get(decisionId);
    return versions == null ? null : versions.lastEntry().getValue();
  }

  /** Every version of a decision, oldest first (empty when none is deployed). */
  public Collection<DeployedDecision> decisionVersionsOf(String decisionId) {
    NavigableMap<Integer, DeployedDecision> versions = decisionVersions.get(decisionId);
    return versions == null ? List.of() : versions.values();
  }

  /** The decisions of one stored decision requirements graph, in their order in it. */
  public List<DeployedDecision> decisionsOf(long decisionRequirementsKey) {
    return decisionsByRequirements.getOrDefault(decisionRequirementsKey, List.of());
  }

  /** Every deployed decision version. */
  public Collection<DeployedDecision> decisions() {
    return Collections.unmodifiableCollection(decisions.values());
  }
}
