package landwatch.engine.bpmn.gateway;

import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.state.ElementInstance;

/**
 * Waits for the first of the events after it; that event's flow is taken and the event, already
 * caught, completes at once with the event's data.
 */
public final class EventBasedGatewayProcessor extends GatewayProcessor {

  public EventBasedGatewayProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance) {
    Failure failure = b.subscriptions().subscribe(element, instance);
    if (failure != null) {
      return failure;
    }
    b.transitions().transitionToActivated(instance);
    return null;
  }

  @Override
  public Failure onComplete(ExecutableElement element, ElementInstance instance) {
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    for (ExecutableFlow flow : element.outgoing) {
      if (flow.target.id.equals(instance.triggerElementId())) {
        b.transitions().takeFlow(flow, flowScope, instance.triggerVariables());
        return null;
      }
    }
    return null;
  }
}
