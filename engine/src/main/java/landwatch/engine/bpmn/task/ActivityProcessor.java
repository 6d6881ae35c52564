package landwatch.engine.bpmn.task;

import landwatch.engine.bpmn.BpmnElementProcessor;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * The lifecycle every task shares, and the call activity with them: input mappings and boundary
 * subscriptions on activation, the task's own work, output mappings on completion, and cleaning up
 * on termination.
 */
public abstract class ActivityProcessor implements BpmnElementProcessor {

  protected final BpmnBehaviors b;

  protected ActivityProcessor(BpmnBehaviors behaviors) {
    this.b = behaviors;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance) {
    Failure failure = b.mappings().applyInputs(element, instance);
    if (failure != null) {
      return failure;
    }
    failure = b.subscriptions().subscribe(element, instance);
    if (failure != null) {
      return failure;
    }
    return onInputsApplied(element, instance);
  }

  /**
   * The task's own work; ends with a transition to activated, and maybe a completion, or returns
   * why it cannot, having closed what the activation subscribed to.
   */
  protected abstract Failure onInputsApplied(ExecutableElement element, ElementInstance instance);

  @Override
  public Failure onComplete(ExecutableElement element, ElementInstance instance) {
    Failure failure = b.mappings().applyOutputs(element, instance, instance.triggerVariables());
    // The job's or event's variables are in place now, once, as Zeebe applies them when the job
    // completes: re-running the completion after an incident must not overwrite what was fixed.
    instance.setTriggerVariables(null);
    if (failure != null) {
      return failure;
    }
    failure = b.transitions().beforeCompleted(instance);
    if (failure != null) {
      return failure;
    }
    b.subscriptions().unsubscribe(instance);
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    b.transitions().takeOutgoingFlows(element, instance, flowScope);
    return null;
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance) {
    b.termination().terminateLeaf(instance);
  }
}
