package landwatch.app.engine;

import io.camunda.client.api.search.response.DecisionInstance;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A decision's evaluation as its audit shows it, read through the Camunda client: what went in,
 * which rules matched with what they gave, and the result. The suggestion an officer sees and the
 * process view's decision instances are both this.
 */
public record DecisionAudit(
    String id,
    String decisionId,
    String name,
    int version,
    String state,
    OffsetDateTime evaluated,
    String failure,
    Long processInstanceKey,
    List<Value> inputs,
    List<MatchedRule> matchedRules,
    String result) {

  public record Value(String id, String name, String value) {}

  public record MatchedRule(String ruleId, int ruleIndex, List<Value> outputs) {}

  public static DecisionAudit of(DecisionInstance found) {
    return new DecisionAudit(
        found.getDecisionInstanceId(),
        found.getDecisionDefinitionId(),
        found.getDecisionDefinitionName(),
        found.getDecisionDefinitionVersion(),
        found.getState() == null ? null : found.getState().name(),
        found.getEvaluationDate(),
        found.getEvaluationFailure(),
        found.getProcessInstanceKey(),
        found.getEvaluatedInputs() == null
            ? List.of()
            : found.getEvaluatedInputs().stream()
                .map(i -> new Value(i.getInputId(), i.getInputName(), i.getInputValue()))
                .toList(),
        found.getMatchedRules() == null
            ? List.of()
            : found.getMatchedRules().stream()
                .map(
                    r ->
                        new MatchedRule(
                            r.getRuleId(),
                            r.getRuleIndex(),
                            r.getEvaluatedOutputs().stream()
                                .map(
                                    o ->
                                        new Value(
                                            o.getOutputId(), o.getOutputName(), o.getOutputValue()))
                                .toList()))
                .toList(),
        found.getResult());
  }
}
