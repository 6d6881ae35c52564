package landwatch.engine.deployment;

import java.util.List;
import landwatch.engine.dmn.ParsedDrg;
import landwatch.engine.model.ExecutableProcess;

/**
 * A deployment resource, parsed and validated before it reaches the writer (parsing is the
 * expensive part and needs no state). {@code kind} is bpmn, dmn or form; {@code drg} is a DMN
 * resource's parsed decision requirements graph, null for the others.
 */
public record ParsedResource(
    String name,
    byte[] content,
    String checksum,
    String kind,
    List<ExecutableProcess> processes,
    String resourceId,
    ParsedDrg drg) {}
