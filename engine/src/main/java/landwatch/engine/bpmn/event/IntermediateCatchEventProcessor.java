package landwatch.engine.bpmn.event;

import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * Timer, message and signal catch events wait for their event; link catch events and events after
 * an event-based gateway (which already caught the event) complete at once.
 */
public final class IntermediateCatchEventProcessor extends EventProcessor {

  public IntermediateCatchEventProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance) {
    Failure failure = b.mappings().applyInputs(element, instance);
    if (failure != null) {
      return failure;
    }
    boolean afterEventGateway =
        element.incoming.stream().anyMatch(f -> f.source.type == ElementType.EVENT_BASED_GATEWAY);
    if (afterEventGateway || element.eventType == EventType.LINK) {
      b.transitions().transitionToActivated(instance);
      b.transitions().completeElement(instance);
      return null;
    }
    failure = b.subscriptions().subscribe(element, instance);
    if (failure != null) {
      return failure;
    }
    b.transitions().transitionToActivated(instance);
    return null;
  }
}
