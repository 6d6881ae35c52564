package landwatch.engine.job;

import java.util.Map;
import java.util.Set;
import landwatch.engine.bpmn.behavior.UserTaskBehavior;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.Job;

/** Zeebe's checks of a task listener job's completion (JobCompleteProcessor), made first. */
final class TaskListenerCompletion {

  private static final Set<String> DENIABLE = Set.of("ASSIGNING", "UPDATING", "COMPLETING");

  private TaskListenerCompletion() {}

  static void check(
      Job job, Map<String, Object> variables, UserTaskBehavior.ListenerResult result) {
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
  }
}
