package landwatch.engine.job;

import java.util.Map;
import java.util.Set;
import landwatch.engine.bpmn.behavior.UserTaskBehavior;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.Job;
import landwatch.engine.state.UserTask;

/** Zeebe's checks of a task listener job's completion (JobCompleteProcessor), made first. */
final class TaskListenerCompletion {

  private static final Set<String> DENIABLE = Set.of("ASSIGNING", "UPDATING", "COMPLETING");

  private TaskListenerCompletion() {}

  /** {@code task}: the listener's user task, or null when it is gone. */
  static void check(
      Job job,
      Map<String, Object> variables,
      UserTaskBehavior.ListenerResult result,
      UserTask task) {
    if (variables != null && !variables.isEmpty()) {
      throw Rejection.invalidArgument(
          "Task Listener job completion with variables payload provided is not yet supported (job"
              + " key '%d', type '%s', processInstanceKey '%d'). Support will be enabled with the"
              + " resolution of issue #23702.",
          job.key(), job.type(), job.processInstanceKey());
    }
    if (result.denied() && !DENIABLE.contains(job.listenerEventType())) {
      throw Rejection.invalidArgument(
          "Denying result is not supported for '%s' task listener jobs (job key '%d', type '%s',"
              + " processInstanceKey '%d'). Only the following listener event types support"
              + " denying: [ASSIGNING, COMPLETING, UPDATING].",
          job.listenerEventType(), job.key(), job.type(), job.processInstanceKey());
    }
    if (result.denied() && !result.corrections().isEmpty()) {
      throw Rejection.invalidArgument(
          "Expected to complete task listener job with corrections, but the job result is denied"
              + " (job key '%d', type '%s', processInstanceKey '%d'). The corrections would be"
              + " reverted by the denial. Either complete the job with corrections without setting"
              + " denied, or complete the job with a denied result but no corrections.",
          job.key(), job.type(), job.processInstanceKey());
    }
    if (task != null
        && task.state() == UserTask.State.CREATING
        && task.assignee() != null
        && result.corrections().assigneeChanged()) {
      throw Rejection.invalidArgument(
          "Expected to complete task listener job, but correcting the assignee on 'CREATING' event"
              + " is not supported when the user task has an assignee defined in the model (job key"
              + " '%d', type '%s', processInstanceKey '%d'). Use the 'CREATING' event to set an"
              + " assignee only if it was not defined. Use the 'ASSIGNING' event to correct an"
              + " assignee that is already defined.",
          job.key(), job.type(), job.processInstanceKey());
    }
  }
}
