package landwatch.engine.state;

import landwatch.engine.model.ExecutableProcess;

/** A version of a process, with its BPMN resource and its transformed, executable form. */
public record DeployedProcess(
    long key,
    String bpmnProcessId,
    int version,
    String resourceName,
    String checksum,
    long deploymentKey,
    byte[] resource,
    ExecutableProcess executable) {}
