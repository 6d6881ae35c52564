package landwatch.engine.bpmn;

import java.util.Map;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.state.ElementInstance;

/** Takes the first flow whose condition holds, else the default flow, else raises an incident. */
final class ExclusiveGatewayProcessor extends GatewayProcessor {

  ExclusiveGatewayProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public void onComplete(ExecutableElement element, ElementInstance instance) {
    ExecutableFlow chosen = null;
    if (element.outgoing.size() == 1 && element.outgoing.get(0).condition == null) {
      chosen = element.outgoing.get(0);
    } else {
      Map<String, Object> context = b.variables().visible(instance.key());
      boolean[] failed = {false};
      for (ExecutableFlow flow : element.outgoing) {
        if (flow == element.defaultFlow || flow.condition == null) {
          continue;
        }
        if (isTrue(element, instance, flow, context, failed)) {
          chosen = flow;
          break;
        }
        if (failed[0]) {
          return;
        }
      }
      if (chosen == null) {
        chosen = element.defaultFlow;
      }
    }
    if (chosen == null && !element.outgoing.isEmpty()) {
      b.incidents().raise(instance, IncidentTypes.CONDITION_ERROR,
          "Expected at least one condition to evaluate to true, or to have a default flow",
          IncidentBehavior.STEP_COMPLETE, -1);
      return;
    }
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    if (chosen == null) {
      b.transitions().pathEnded(flowScope, instance);
    } else {
      b.transitions().takeFlow(chosen, flowScope);
    }
  }
}
