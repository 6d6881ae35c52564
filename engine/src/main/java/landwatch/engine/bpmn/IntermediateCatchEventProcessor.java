package landwatch.engine.bpmn;

import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * Timer, message and signal catch events wait for their event; link catch events and events after
 * an event-based gateway (which already caught the event) complete at once.
 */
final class IntermediateCatchEventProcessor extends EventProcessor {

  IntermediateCatchEventProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public void onActivate(ExecutableElement element, ElementInstance instance) {
    if (!b.mappings().applyInputs(element, instance)) {
      return;
    }
    boolean afterEventGateway = element.incoming.stream()
        .anyMatch(f -> f.source.type == ElementType.EVENT_BASED_GATEWAY);
    if (afterEventGateway || element.eventType == EventType.LINK) {
      b.transitions().transitionToActivated(instance);
      b.transitions().completeElement(instance);
      return;
    }
    if (!b.subscriptions().subscribe(element, instance)) {
      return;
    }
    b.transitions().transitionToActivated(instance);
  }
}
