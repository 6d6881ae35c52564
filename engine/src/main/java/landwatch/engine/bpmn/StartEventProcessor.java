package landwatch.engine.bpmn;

import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/** Start events: by the time one is activated its event has happened; it completes at once. */
final class StartEventProcessor extends EventProcessor {

  StartEventProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance) {
    b.transitions().transitionToActivated(instance);
    b.transitions().completeElement(instance);
    return null;
  }
}
