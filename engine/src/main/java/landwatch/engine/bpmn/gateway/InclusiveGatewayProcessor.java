package landwatch.engine.bpmn.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.state.ElementInstance;

/** A fork that takes every flow whose condition holds, else the default flow, else an incident. */
public final class InclusiveGatewayProcessor extends GatewayProcessor {

  public InclusiveGatewayProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public Failure onComplete(ExecutableElement element, ElementInstance instance) {
    List<ExecutableFlow> chosen = new ArrayList<>();
    Map<String, Object> context = b.variables().visible(instance.key());
    for (ExecutableFlow flow : element.outgoing) {
      if (flow == element.defaultFlow()) {
        continue;
      }
      FeelResult condition = condition(flow, context);
      if (!(condition.value() instanceof Boolean holds)) {
        return notBoolean(flow, condition);
      }
      if (holds) {
        chosen.add(flow);
      }
    }
    if (chosen.isEmpty() && element.defaultFlow() != null) {
      chosen.add(element.defaultFlow());
    }
    if (chosen.isEmpty() && !element.outgoing.isEmpty()) {
      return noFlowToTake();
    }
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    if (chosen.isEmpty()) {
      b.transitions().pathEnded(flowScope, instance);
    }
    chosen.forEach(flow -> b.transitions().takeFlow(flow, flowScope));
    return null;
  }
}
