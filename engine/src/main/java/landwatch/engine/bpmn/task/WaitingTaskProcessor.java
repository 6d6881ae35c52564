package landwatch.engine.bpmn.task;

import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * Tasks that wait for something other than a job: receive tasks wait for their message (the
 * subscription is opened with the boundary events').
 */
public final class WaitingTaskProcessor extends ActivityProcessor {

  public WaitingTaskProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  protected Failure onInputsApplied(ExecutableElement element, ElementInstance instance) {
    b.transitions().transitionToActivated(instance);
    return null;
  }
}
