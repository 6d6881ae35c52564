package landwatch.engine.deployment;

import java.util.List;
import landwatch.engine.model.ExecutableProcess;

/**
 * A deployment resource, parsed and validated before it reaches the writer (parsing is the
 * expensive part and needs no state). {@code kind} is bpmn, dmn or form.
 */
public record ParsedResource(
    String name,
    byte[] content,
    String checksum,
    String kind,
    List<ExecutableProcess> processes,
    String resourceId,
    List<Decision> decisions) {

  /** A decision of a DMN resource, reported in the deployment response. */
  public record Decision(String id, String name) {}
}
