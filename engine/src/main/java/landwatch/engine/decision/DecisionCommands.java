package landwatch.engine.decision;

import java.util.Map;
import landwatch.engine.bpmn.BpmnEngine;
import landwatch.engine.bpmn.behavior.DecisionBehavior;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.DeployedDecision;

/**
 * {@code POST /v2/decision-definitions/evaluation} as a writer command (Zeebe's DECISION_EVALUATION
 * EVALUATE): the decision by key, or the latest version of a decision id, evaluated with the given
 * variables. A failed evaluation is an answer too (its failure in the result), kept like a
 * successful one; only a decision that is not deployed is refused.
 */
public final class DecisionCommands {

  private final BpmnEngine bpmn;

  public DecisionCommands(BpmnEngine bpmn) {
    this.bpmn = bpmn;
  }

  /**
   * @param decisionKey the version to evaluate, or -1 to evaluate the latest of {@code decisionId}
   */
  public DecisionBehavior.Outcome evaluate(
      Batch batch, long decisionKey, String decisionId, Map<String, Object> variables) {
    DeployedDecision decision;
    if (decisionId != null) {
      decision = batch.state.deployments().latestDecision(decisionId);
      if (decision == null) {
        throw Rejection.notFound(
            "Expected to evaluate decision '%s', but no decision found for id '%s'",
            decisionId, decisionId);
      }
    } else if (decisionKey >= 0) {
      decision = batch.state.deployments().decision(decisionKey);
      if (decision == null) {
        throw Rejection.notFound(
            "Expected to evaluate decision '%d', but no decision found for key '%d'",
            decisionKey, decisionKey);
      }
    } else {
      throw Rejection.invalidArgument(
          "Expected either a decision id or a valid decision key, but none provided");
    }
    return bpmn.decisions.evaluate(decision, variables, null);
  }
}
