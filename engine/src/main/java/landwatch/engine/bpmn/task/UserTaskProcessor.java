package landwatch.engine.bpmn.task;

import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.bpmn.behavior.UserTaskBehavior;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * Zeebe user tasks ({@code zeebe:userTask}): activation creates the task, its completion completes
 * the element (with the completion's variables, through the output mappings), and termination of
 * the element cancels it, after its canceling listeners.
 */
public final class UserTaskProcessor extends ActivityProcessor {

  private final UserTaskBehavior userTasks;

  public UserTaskProcessor(BpmnBehaviors behaviors, UserTaskBehavior userTasks) {
    super(behaviors);
    this.userTasks = userTasks;
  }

  @Override
  protected Failure onInputsApplied(ExecutableElement element, ElementInstance instance) {
    Failure failure = userTasks.createTask(element, instance);
    if (failure != null) {
      b.subscriptions().unsubscribe(instance);
      return failure;
    }
    b.transitions().transitionToActivated(instance);
    return null;
  }

  /** The termination waits for the task's canceling listeners, if it has any. */
  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance) {
    if (userTasks.cancelTask(instance)) {
      b.subscriptions().unsubscribe(instance);
    } else {
      super.onTerminate(element, instance);
    }
  }
}
