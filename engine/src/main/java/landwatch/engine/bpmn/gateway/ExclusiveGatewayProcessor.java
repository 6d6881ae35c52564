package landwatch.engine.bpmn.gateway;

import java.util.Map;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.state.ElementInstance;

/** Takes the first flow whose condition holds, else the default flow, else raises an incident. */
public final class ExclusiveGatewayProcessor extends GatewayProcessor {

  public ExclusiveGatewayProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public Failure onComplete(ExecutableElement element, ElementInstance instance) {
    ExecutableFlow chosen = null;
    if (element.outgoing.size() == 1 && element.outgoing.get(0).condition == null) {
      chosen = element.outgoing.get(0);
    } else {
      Map<String, Object> context = b.variables().visible(instance.key());
      for (ExecutableFlow flow : element.outgoing) {
        if (flow == element.defaultFlow() || flow.condition == null) {
          continue;
        }
        FeelResult condition = condition(flow, context);
        if (!(condition.value() instanceof Boolean holds)) {
          return notBoolean(flow, condition);
        }
        if (holds) {
          chosen = flow;
          break;
        }
      }
      if (chosen == null) {
        chosen = element.defaultFlow();
      }
    }
    if (chosen == null && !element.outgoing.isEmpty()) {
      return noFlowToTake();
    }
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    if (chosen == null) {
      b.transitions().pathEnded(flowScope, instance);
    } else {
      b.transitions().takeFlow(chosen, flowScope);
    }
    return null;
  }
}
