package landwatch.engine.bpmn.event;

import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/** Boundary events are activated once triggered; they complete at once with the event's data. */
public final class BoundaryEventProcessor extends EventProcessor {

  public BoundaryEventProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance) {
    b.transitions().transitionToActivated(instance);
    b.transitions().completeElement(instance);
    return null;
  }
}
