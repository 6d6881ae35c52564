package landwatch.engine.dmn;

import java.util.List;

/**
 * What evaluating a decision gave: its output (JSON-shaped values) or why it failed, and every
 * decision evaluated on the way (the required ones first, the called one last), each with its
 * inputs and matched rules: the audit of why the output is what it is.
 *
 * @param failedDecisionId the decision that failed (the last one evaluated, as Zeebe reports it),
 *     or null
 */
public record Evaluation(
    Object output, String failure, String failedDecisionId, List<EvaluatedDecision> decisions) {

  public boolean isFailure() {
    return failure != null;
  }

  /** One decision evaluated. */
  public record EvaluatedDecision(
      String decisionId,
      String decisionName,
      String decisionType,
      Object output,
      List<EvaluatedInput> inputs,
      List<MatchedRule> matchedRules) {}

  public record EvaluatedInput(String inputId, String inputName, Object inputValue) {}

  /** A rule of a decision table that matched; its index counts from 1. */
  public record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> outputs) {}

  public record EvaluatedOutput(String outputId, String outputName, Object outputValue) {}
}
