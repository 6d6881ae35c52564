package landwatch.engine.bpmn;

import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/** Manual and undefined tasks: nothing to do, they complete right after activation. */
final class PassThroughTaskProcessor extends ActivityProcessor {

  PassThroughTaskProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  protected Failure onInputsApplied(ExecutableElement element, ElementInstance instance) {
    b.transitions().transitionToActivated(instance);
    b.transitions().completeElement(instance);
    return null;
  }
}
