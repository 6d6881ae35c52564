package landwatch.engine.bpmn.event;

import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/** Start events: by the time one is activated its event has happened; it completes at once. */
public final class StartEventProcessor extends EventProcessor {

  public StartEventProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance) {
    b.transitions().transitionToActivated(instance);
    b.transitions().completeElement(instance);
    return null;
  }
}
