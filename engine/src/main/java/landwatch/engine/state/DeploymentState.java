package landwatch.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** The {@code versionTag} of each form version that has one, by the form's key. */
  private final Map<Long, String> formVersionTags = new HashMap<>();

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
    if (resource.kind().equals("form")) {
      loadFormVersionTag(resource.key(), formVersionTag(resource.resource()));
    }
  }

  /** The form's {@code versionTag} property as Zeebe reads it: a text, else none (null). */
  static String formVersionTag(byte[] form) {
    try {
      JsonNode tag = EngineJson.VALUES.readTree(form).get("versionTag");
      return tag != null && tag.isTextual() && !tag.asText().isBlank() ? tag.asText() : null;
    } catch (IOException notJson) {
      // deployments accept only JSON forms: a stored one always parses
      throw new UncheckedIOException(notJson);
    }
  }

  /** A stored form's {@code versionTag} (null: none), read at start. */
  void loadFormVersionTag(long formKey, String versionTag) {
    if (versionTag != null) {
      formVersionTags.put(formKey, versionTag);
    }
  }

  /** The form versions' tags by form key, for those that have one. */
  public Map<Long, String> formVersionTags() {
    return Collections.unmodifiableMap(formVersionTags);
  }

  /** The latest version of the form that carries this version tag, or null. */
  public DeployedResource formWithVersionTag(String formId, String versionTag) {
    NavigableMap<Integer, DeployedResource> versions =
        resourceVersions.get(new ResourceId("form", formId));
    if (versions == null) {
      return null;
    }
    for (DeployedResource form : versions.descendingMap().values()) {
      if (versionTag.equals(formVersionTags.get(form.key()))) {
        return form;
      }
    }
    return null;
  }

  /**
   * The version of the form that was the latest when the given deployment was made (deployed with
   * it, or before it), or null.
   */
  public DeployedResource formAsOfDeployment(String formId, long deploymentKey) {
    NavigableMap<Integer, DeployedResource> versions =
        resourceVersions.get(new ResourceId("form", formId));
    if (versions == null) {
      return null;
    }
    for (DeployedResource form : versions.descendingMap().values()) {
      if (form.deploymentKey() <= deploymentKey) {
        return form;
      }
    }
    return null;
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
