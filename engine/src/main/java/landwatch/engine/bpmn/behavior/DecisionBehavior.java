package landwatch.engine.bpmn.behavior;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.dmn.Evaluation;
import landwatch.engine.dmn.ParsedDrg;
import landwatch.engine.record.intent.DecisionEvaluationIntent;
import landwatch.engine.state.DecisionInstance;
import landwatch.engine.state.DeployedDecision;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.EngineJson;

/**
 * Evaluates deployed decisions (Zeebe's DecisionBehavior), for business-rule tasks and the API
 * alike: finds the version a binding names, evaluates it with the DMN engine and keeps every
 * evaluation, successful or not, as a {@code DECISION_EVALUATION} record and one decision instance
 * per decision it evaluated, written with the batch.
 */
public final class DecisionBehavior {

  /** An evaluation kept: its key, what the DMN engine answered and the decision instances. */
  public record Outcome(
      DeployedDecision decision,
      long evaluationKey,
      Evaluation evaluation,
      List<DecisionInstance> instances) {}

  private final BpmnContext ctx;

  public DecisionBehavior(BpmnContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The version a binding names: the latest, the one deployed with the process, or the latest with
   * the version tag; null when there is none.
   */
  public DeployedDecision find(
      String decisionId, String binding, String versionTag, DeployedProcess process) {
    DeployedDecision found = null;
    for (DeployedDecision candidate : ctx.state().deployments().decisionVersionsOf(decisionId)) {
      boolean matches =
          switch (binding) {
            case "deployment" -> candidate.deploymentKey() == process.deploymentKey();
            case "versionTag" -> versionTag.equals(candidate.versionTag());
            default -> true;
          };
      if (matches) {
        found = candidate;
      }
    }
    return found;
  }

  /**
   * Why {@link #find} found nothing, in Zeebe's words.
   *
   * @param process the calling process, for binding deployment
   */
  public static String notFound(
      String decisionId, String binding, String versionTag, DeployedProcess process) {
    return switch (binding) {
      case "deployment" ->
          "Expected to evaluate decision '"
              + decisionId
              + "' with binding type 'deployment', but no such decision found in the deployment"
              + " with key "
              + process.deploymentKey()
              + " which contained the current process. To resolve this incident, migrate the"
              + " process instance to a process definition that is deployed together with the"
              + " intended decision to evaluate.";
      case "versionTag" ->
          "Expected to evaluate decision with id '"
              + decisionId
              + "' and version tag '"
              + versionTag
              + "', but no such decision found. To resolve this incident, deploy a decision with"
              + " the given id and version tag.";
      default ->
          "Expected to evaluate decision '"
              + decisionId
              + "', but no decision found for id '"
              + decisionId
              + "'";
    };
  }

  /**
   * Evaluates the decision with the variables as its context and keeps the evaluation.
   *
   * @param caller the business-rule task's element instance, or null for the API
   */
  public Outcome evaluate(
      DeployedDecision decision, Map<String, Object> variables, ElementInstance caller) {
    ParsedDrg drg = ctx.decisionModels.get(decision.decisionRequirementsKey());
    Evaluation evaluation =
        ctx.feel.withinBudget(
            () -> ctx.dmn.evaluate(drg, decision.decisionId(), variables),
            exceeded ->
                new Evaluation(
                    null,
                    "Expected to evaluate decision '" + decision.decisionId() + "' " + exceeded,
                    decision.decisionId(),
                    List.of()));
    long key = ctx.nextKey();
    List<DecisionInstance> instances = instances(decision, key, evaluation, caller);
    instances.forEach(ctx.state().decisionHistory()::add);
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("decisionKey", decision.key());
    value.put("decisionId", decision.decisionId());
    value.put("decisionVersion", decision.version());
    value.put("decisionRequirementsKey", decision.decisionRequirementsKey());
    value.put("processInstanceKey", caller == null ? -1 : caller.processInstanceKey());
    value.put("elementInstanceKey", caller == null ? -1 : caller.key());
    value.put("evaluatedDecisions", instances.stream().map(DecisionInstance::decisionId).toList());
    if (evaluation.isFailure()) {
      value.put("evaluationFailureMessage", evaluation.failure());
      value.put("failedDecisionId", evaluation.failedDecisionId());
    } else {
      value.put("decisionOutput", evaluation.output());
    }
    ctx.records()
        .append(
            key,
            evaluation.isFailure()
                ? DecisionEvaluationIntent.FAILED
                : DecisionEvaluationIntent.EVALUATED,
            value);
    return new Outcome(decision, key, evaluation, instances);
  }

  /**
   * One instance per evaluated decision, numbered from 1; a failed evaluation's last one (or, when
   * none was evaluated, one for the called decision) is the failed one.
   */
  private List<DecisionInstance> instances(
      DeployedDecision called, long key, Evaluation evaluation, ElementInstance caller) {
    List<Evaluation.EvaluatedDecision> evaluated = new ArrayList<>(evaluation.decisions());
    if (evaluation.isFailure()
        && (evaluated.isEmpty()
            || !evaluated
                .get(evaluated.size() - 1)
                .decisionId()
                .equals(evaluation.failedDecisionId()))) {
      DeployedDecision failed = inGraph(called, evaluation.failedDecisionId());
      evaluated.add(
          new Evaluation.EvaluatedDecision(
              evaluation.failedDecisionId(),
              failed == null ? null : failed.name(),
              failed == null ? "UNKNOWN" : failed.decisionType(),
              null,
              List.of(),
              List.of()));
    }
    List<DecisionInstance> instances = new ArrayList<>();
    for (int i = 0; i < evaluated.size(); i++) {
      Evaluation.EvaluatedDecision d = evaluated.get(i);
      boolean failed = evaluation.isFailure() && i == evaluated.size() - 1;
      DeployedDecision version = inGraph(called, d.decisionId());
      instances.add(
          new DecisionInstance(
              key + "-" + (i + 1),
              key,
              failed ? "FAILED" : "EVALUATED",
              ctx.now(),
              failed ? evaluation.failure() : null,
              version == null ? -1 : version.key(),
              d.decisionId(),
              d.decisionName(),
              version == null ? -1 : version.version(),
              d.decisionType(),
              failed ? null : EngineJson.writeValue(d.output()),
              caller == null ? -1 : caller.processDefinitionKey(),
              caller == null ? -1 : caller.processInstanceKey(),
              caller == null ? -1 : caller.key(),
              d.inputs().stream()
                  .map(
                      in ->
                          new DecisionInstance.Input(
                              in.inputId(), in.inputName(), EngineJson.writeValue(in.inputValue())))
                  .toList(),
              d.matchedRules().stream()
                  .map(
                      rule ->
                          new DecisionInstance.Rule(
                              rule.ruleId(),
                              rule.ruleIndex(),
                              rule.outputs().stream()
                                  .map(
                                      out ->
                                          new DecisionInstance.Output(
                                              out.outputId(),
                                              out.outputName(),
                                              EngineJson.writeValue(out.outputValue())))
                                  .toList()))
                  .toList()));
    }
    return instances;
  }

  /** The version of a decision deployed with the called one (same graph), or null. */
  private DeployedDecision inGraph(DeployedDecision called, String decisionId) {
    for (DeployedDecision d :
        ctx.state().deployments().decisionsOf(called.decisionRequirementsKey())) {
      if (d.decisionId().equals(decisionId)) {
        return d;
      }
    }
    return null;
  }
}
