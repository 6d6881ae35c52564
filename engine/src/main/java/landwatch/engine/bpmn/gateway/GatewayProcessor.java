package landwatch.engine.bpmn.gateway;

import java.util.Map;
import landwatch.engine.bpmn.BpmnElementProcessor;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.bpmn.behavior.IncidentTypes;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.state.ElementInstance;

/** Gateways pass through: activated and completed at once, choosing flows on completion. */
abstract class GatewayProcessor implements BpmnElementProcessor {

  /** A flow without a condition is taken as if its condition held. */
  private static final FeelResult WITHOUT_CONDITION = new FeelResult(true, null);

  protected final BpmnBehaviors b;

  GatewayProcessor(BpmnBehaviors behaviors) {
    this.b = behaviors;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance) {
    b.transitions().transitionToActivated(instance);
    b.transitions().completeElement(instance);
    return null;
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance) {
    b.termination().terminateLeaf(instance);
  }

  /**
   * The flow's condition evaluated (true without a condition). A value that is not a boolean fails
   * the gateway's completion with {@link #notBoolean}.
   */
  protected FeelResult condition(ExecutableFlow flow, Map<String, Object> context) {
    if (flow.condition == null) {
      return WITHOUT_CONDITION;
    }
    return b.ctx().evaluate(flow.condition, context);
  }

  protected static Failure notBoolean(ExecutableFlow flow, FeelResult result) {
    return new Failure(
        IncidentTypes.CONDITION_ERROR,
        "Expected the condition '"
            + flow.condition.feel()
            + "' of flow '"
            + flow.id
            + "' to be a boolean, but "
            + (result.isFailure() ? "it failed: " + result.failure() : "it was " + result.value()));
  }

  protected static Failure noFlowToTake() {
    return new Failure(
        IncidentTypes.CONDITION_ERROR,
        "Expected at least one condition to evaluate to true, or to have a default flow");
  }
}
