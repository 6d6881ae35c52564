package landwatch.engine.model;

/**
 * A Zeebe user task ({@code zeebe:userTask}), which this engine does not execute yet: it waits
 * activated; its form, assignment and schedule stay in the stored BPMN. A user task without it is
 * job-based and has {@link JobWorkerProperties} instead.
 */
public record UserTaskProperties() {}
