package landwatch.engine.bpmn.behavior;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.UserTaskProperties;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.Job;
import landwatch.engine.state.UserTask;

/**
 * Runs a user task's task listeners (Zeebe's task listener jobs): one job at a time, of kind {@code
 * TASK_LISTENER}, in the model's order, while the task waits in its transitional state.
 */
public final class TaskListenerBehavior {

  private final BpmnContext ctx;
  private final VariableBehavior variables;
  private final JobBehavior jobs;

  public TaskListenerBehavior(BpmnContext ctx, VariableBehavior variables, JobBehavior jobs) {
    this.ctx = ctx;
    this.variables = variables;
    this.jobs = jobs;
  }

  /** The job types and retries of a transition's listeners, or why they could not be evaluated. */
  public record Evaluated(List<String> types, List<Integer> retries, Failure failure) {}

  /** Evaluated when the transition begins, in the element's scope, so later listeners agree. */
  public Evaluated evaluate(
      UserTaskProperties task,
      UserTaskProperties.ListenerEventType eventType,
      ElementInstance instance) {
    List<String> types = new ArrayList<>();
    List<Integer> retries = new ArrayList<>();
    List<UserTaskProperties.TaskListener> listeners = task.listeners(eventType);
    if (listeners.isEmpty()) {
      return new Evaluated(types, retries, null);
    }
    Map<String, Object> context = variables.visible(instance.key());
    for (UserTaskProperties.TaskListener listener : listeners) {
      FeelResult type = ctx.evaluate(listener.type(), context);
      if (type.isFailure() || !(type.value() instanceof String name) || name.isBlank()) {
        return failed(
            "Expected the task listener job type to be a non-empty string, but "
                + (type.isFailure()
                    ? "it failed: " + type.failure()
                    : "it was '" + type.value() + "'"));
      }
      FeelResult count = ctx.evaluate(listener.retries(), context);
      Integer retryCount = count.isFailure() ? null : JobBehavior.toInt(count.value());
      if (retryCount == null) {
        return failed(
            "Expected the task listener job retries to be a number, but "
                + (count.isFailure()
                    ? "it failed: " + count.failure()
                    : "it was '" + count.value() + "'"));
      }
      types.add(name);
      retries.add(retryCount);
    }
    return new Evaluated(types, retries, null);
  }

  private static Evaluated failed(String message) {
    return new Evaluated(
        List.of(), List.of(), new Failure(IncidentTypes.EXTRACT_VALUE_ERROR, message));
  }

  /** The job of the transition's current listener; the element instance waits for it. */
  public void createJob(UserTask task, ElementInstance instance) {
    UserTask.Transition transition = task.transition();
    Job job =
        Job.taskListener(
            ctx.nextKey(),
            transition.listenerType(),
            transition.listenerRetries(),
            new LinkedHashMap<>(task.customHeaders()),
            instance,
            eventType(transition.state()).name(),
            task.key());
    jobs.open(job, instance);
  }

  /** The listener event type that runs before a task enters this transitional state. */
  public static UserTaskProperties.ListenerEventType eventType(UserTask.State state) {
    return switch (state) {
      case CREATING -> UserTaskProperties.ListenerEventType.CREATING;
      case ASSIGNING -> UserTaskProperties.ListenerEventType.ASSIGNING;
      case UPDATING -> UserTaskProperties.ListenerEventType.UPDATING;
      case COMPLETING -> UserTaskProperties.ListenerEventType.COMPLETING;
      case CANCELING -> UserTaskProperties.ListenerEventType.CANCELING;
      default -> throw new IllegalArgumentException("no listeners run for state " + state);
    };
  }
}
