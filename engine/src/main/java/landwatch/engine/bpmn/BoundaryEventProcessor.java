package landwatch.engine.bpmn;

import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/** Boundary events are activated once triggered; they complete at once with the event's data. */
final class BoundaryEventProcessor extends EventProcessor {

  BoundaryEventProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance) {
    b.transitions().transitionToActivated(instance);
    b.transitions().completeElement(instance);
    return null;
  }
}
