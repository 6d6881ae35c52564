package landwatch.engine.bpmn.task;

import java.util.HashMap;
import java.util.Map;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.bpmn.behavior.DecisionBehavior;
import landwatch.engine.bpmn.behavior.IncidentTypes;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.CalledDecision;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.DeployedDecision;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;

/**
 * Business-rule tasks with {@code zeebe:calledDecision}: on activation the decision is evaluated
 * with the task's visible variables, and its output, as the DMN engine shapes it (a single output's
 * value, a context of several outputs, a list for collect and multiple-rule hit policies), becomes
 * the result variable, handed back like a job's variables to the output mappings. A decision not
 * found raises CALLED_DECISION_ERROR, a failed evaluation DECISION_EVALUATION_ERROR; resolving
 * either evaluates again. Job-based business-rule tasks go to {@link JobWorkerTaskProcessor}.
 */
public final class BusinessRuleTaskProcessor extends ActivityProcessor {

  private final DecisionBehavior decisions;

  public BusinessRuleTaskProcessor(BpmnBehaviors behaviors, DecisionBehavior decisions) {
    super(behaviors);
    this.decisions = decisions;
  }

  @Override
  protected Failure onInputsApplied(ExecutableElement element, ElementInstance instance) {
    CalledDecision called = element.calledDecision;
    Map<String, Object> context = b.variables().visible(instance.key());
    FeelResult id = b.ctx().evaluate(called.decisionId(), context);
    if (id.isFailure() || !(id.value() instanceof String decisionId)) {
      return failed(
          instance,
          IncidentTypes.EXTRACT_VALUE_ERROR,
          id.isFailure()
              ? "Failed to evaluate the called decision id: " + id.failure()
              : "Expected the called decision id to be a string, but it was " + id.value());
    }
    DeployedProcess process = b.ctx().process(instance);
    DeployedDecision decision =
        decisions.find(decisionId, called.binding(), called.versionTag(), process);
    if (decision == null) {
      return failed(
          instance,
          IncidentTypes.CALLED_DECISION_ERROR,
          DecisionBehavior.notFound(decisionId, called.binding(), called.versionTag(), process));
    }
    DecisionBehavior.Outcome outcome = decisions.evaluate(decision, context, instance);
    if (outcome.evaluation().isFailure()) {
      return failed(
          instance, IncidentTypes.DECISION_EVALUATION_ERROR, outcome.evaluation().failure());
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(called.resultVariable(), outcome.evaluation().output());
    String exceeded = b.variables().exceedsLimits(variables);
    if (exceeded != null) {
      return failed(
          instance,
          IncidentTypes.DECISION_EVALUATION_ERROR,
          "Failed to store the result of decision '" + decisionId + "': " + exceeded);
    }
    instance.setTriggerVariables(variables);
    b.transitions().transitionToActivated(instance);
    b.transitions().completeElement(instance);
    return null;
  }

  private Failure failed(ElementInstance instance, String errorType, String message) {
    b.subscriptions().unsubscribe(instance);
    return new Failure(errorType, message);
  }
}
