package landwatch.engine.bpmn;

import java.util.Map;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.state.ElementInstance;

/** Gateways pass through: activated and completed at once, choosing flows on completion. */
abstract class GatewayProcessor implements BpmnElementProcessor {

  protected final BpmnBehaviors b;

  GatewayProcessor(BpmnBehaviors behaviors) {
    this.b = behaviors;
  }

  @Override
  public void onActivate(ExecutableElement element, ElementInstance instance) {
    b.transitions().transitionToActivated(instance);
    b.transitions().completeElement(instance);
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance) {
    b.termination().terminateLeaf(instance);
  }

  protected boolean isTrue(ExecutableElement gateway, ElementInstance instance, ExecutableFlow flow,
      Map<String, Object> context, boolean[] failed) {
    if (flow.condition == null) {
      return true;
    }
    FeelResult result = b.ctx().evaluate(flow.condition, context);
    if (result.isFailure() || !(result.value() instanceof Boolean)) {
      failed[0] = true;
      b.incidents().raise(instance, IncidentTypes.CONDITION_ERROR,
          "Expected the condition '" + flow.condition.feel() + "' of flow '" + flow.id + "' to be a boolean, but "
              + (result.isFailure() ? "it failed: " + result.failure() : "it was " + result.value()),
          IncidentBehavior.STEP_COMPLETE, -1);
      return false;
    }
    return (Boolean) result.value();
  }
}
