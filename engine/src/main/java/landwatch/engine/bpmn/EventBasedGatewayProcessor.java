package landwatch.engine.bpmn;

import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.state.ElementInstance;

/**
 * Waits for the first of the events after it; that event's flow is taken and the event, already
 * caught, completes at once with the event's data.
 */
final class EventBasedGatewayProcessor extends GatewayProcessor {

  EventBasedGatewayProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public void onActivate(ExecutableElement element, ElementInstance instance) {
    String failure = b.subscriptions().subscribe(element, instance);
    if (failure != null) {
      b.incidents().raise(instance, IncidentTypes.EXTRACT_VALUE_ERROR, failure, IncidentBehavior.STEP_ACTIVATE, -1);
      return;
    }
    b.transitions().transitionToActivated(instance);
  }

  @Override
  public void onComplete(ExecutableElement element, ElementInstance instance) {
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    for (ExecutableFlow flow : element.outgoing) {
      if (flow.target.id.equals(instance.triggerElementId)) {
        b.transitions().takeFlow(flow, flowScope, instance.triggerVariables);
        return;
      }
    }
  }
}
