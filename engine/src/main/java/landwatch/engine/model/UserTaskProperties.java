package landwatch.engine.model;

/**
 * A Zeebe user task ({@code zeebe:userTask}), which waits activated until the tasklist part of
 * the engine executes it; its form, assignment and schedule stay in the stored BPMN until then.
 * A user task without it is job-based and has {@link JobWorkerProperties} instead.
 */
public record UserTaskProperties() {}
