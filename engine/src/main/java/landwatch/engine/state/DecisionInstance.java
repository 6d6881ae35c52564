package landwatch.engine.state;

import java.util.List;

/**
 * One decision evaluated by one evaluation (Zeebe's evaluated decision, Operate's decision
 * instance): history, written once with the batch that evaluated it and never read back into the
 * hot state. {@code key} is {@code <evaluationKey>-<n>}, n counting the decisions of the evaluation
 * from 1 (the required ones first); the process fields are -1 for an evaluation through the API.
 *
 * @param state EVALUATED or FAILED
 * @param result the decision's output as JSON text, or null when it failed
 */
public record DecisionInstance(
    String key,
    long evaluationKey,
    String state,
    long evaluationDate,
    String evaluationFailure,
    long decisionKey,
    String decisionId,
    String decisionName,
    int decisionVersion,
    String decisionType,
    String result,
    long processDefinitionKey,
    long processInstanceKey,
    long elementInstanceKey,
    List<Input> evaluatedInputs,
    List<Rule> matchedRules) {

  /** An input of a decision table, its value as JSON text. */
  public record Input(String inputId, String inputName, String inputValue) {}

  public record Rule(String ruleId, int ruleIndex, List<Output> evaluatedOutputs) {}

  /** An output of a matched rule, its value as JSON text. */
  public record Output(String outputId, String outputName, String outputValue) {}
}
