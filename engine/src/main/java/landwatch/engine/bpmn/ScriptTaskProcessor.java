package landwatch.engine.bpmn;

import java.util.HashMap;
import java.util.Map;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * Script tasks with {@code zeebe:script}: the FEEL expression is evaluated on activation and its
 * result becomes the result variable, handed back like a job's variables. Job-based script tasks
 * go to {@link JobWorkerTaskProcessor}.
 */
final class ScriptTaskProcessor extends ActivityProcessor {

  private final JobWorkerTaskProcessor jobBased;

  ScriptTaskProcessor(BpmnBehaviors behaviors, JobWorkerTaskProcessor jobBased) {
    super(behaviors);
    this.jobBased = jobBased;
  }

  @Override
  protected void onInputsApplied(ExecutableElement element, ElementInstance instance) {
    if (element.isJobBased()) {
      jobBased.onInputsApplied(element, instance);
      return;
    }
    FeelResult result = b.ctx().evaluate(element.script, b.variables().visible(instance.key()));
    if (result.isFailure()) {
      raiseIncident(instance, "Failed to evaluate expression '" + element.script.feel() + "': " + result.failure());
      return;
    }
    if (element.resultVariable != null) {
      Map<String, Object> variables = new HashMap<>();
      variables.put(element.resultVariable, result.value());
      String exceeded = b.variables().exceedsLimits(variables);
      if (exceeded != null) {
        raiseIncident(instance, "Failed to store the result of expression '" + element.script.feel() + "': " + exceeded);
        return;
      }
      instance.setTriggerVariables(variables);
    }
    b.transitions().transitionToActivated(instance);
    b.transitions().completeElement(instance);
  }

  private void raiseIncident(ElementInstance instance, String message) {
    b.subscriptions().unsubscribe(instance);
    b.incidents().raise(instance, IncidentTypes.EXTRACT_VALUE_ERROR, message, IncidentBehavior.STEP_ACTIVATE, -1);
  }
}
