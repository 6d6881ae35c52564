package landwatch.engine.bpmn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.state.ElementInstance;

/** A fork that takes every flow whose condition holds, else the default flow, else an incident. */
final class InclusiveGatewayProcessor extends GatewayProcessor {

  InclusiveGatewayProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public void onComplete(ExecutableElement element, ElementInstance instance) {
    List<ExecutableFlow> chosen = new ArrayList<>();
    Map<String, Object> context = b.variables().visible(instance.key());
    boolean[] failed = {false};
    for (ExecutableFlow flow : element.outgoing) {
      if (flow == element.defaultFlow) {
        continue;
      }
      if (isTrue(element, instance, flow, context, failed)) {
        chosen.add(flow);
      }
      if (failed[0]) {
        return;
      }
    }
    if (chosen.isEmpty() && element.defaultFlow != null) {
      chosen.add(element.defaultFlow);
    }
    if (chosen.isEmpty() && !element.outgoing.isEmpty()) {
      b.incidents().raise(instance, IncidentTypes.CONDITION_ERROR,
          "Expected at least one condition to evaluate to true, or to have a default flow",
          IncidentBehavior.STEP_COMPLETE, -1);
      return;
    }
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    if (chosen.isEmpty()) {
      b.transitions().pathEnded(flowScope, instance);
    }
    chosen.forEach(flow -> b.transitions().takeFlow(flow, flowScope));
  }
}
