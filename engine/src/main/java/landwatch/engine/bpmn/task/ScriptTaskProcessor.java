package landwatch.engine.bpmn.task;

import java.util.HashMap;
import java.util.Map;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.bpmn.behavior.IncidentTypes;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * Script tasks with {@code zeebe:script}: the FEEL expression is evaluated on activation and its
 * result becomes the result variable, handed back like a job's variables. Job-based script tasks go
 * to {@link JobWorkerTaskProcessor}.
 */
public final class ScriptTaskProcessor extends ActivityProcessor {

  private final JobWorkerTaskProcessor jobBased;

  public ScriptTaskProcessor(BpmnBehaviors behaviors, JobWorkerTaskProcessor jobBased) {
    super(behaviors);
    this.jobBased = jobBased;
  }

  @Override
  protected Failure onInputsApplied(ExecutableElement element, ElementInstance instance) {
    if (element.isJobBased()) {
      return jobBased.onInputsApplied(element, instance);
    }
    FeelResult result =
        b.ctx().evaluate(element.script.expression(), b.variables().visible(instance.key()));
    if (result.isFailure()) {
      return failed(
          instance,
          "Failed to evaluate expression '"
              + element.script.expression().feel()
              + "': "
              + result.failure());
    }
    if (element.script.resultVariable() != null) {
      Map<String, Object> variables = new HashMap<>();
      variables.put(element.script.resultVariable(), result.value());
      String exceeded = b.variables().exceedsLimits(variables);
      if (exceeded != null) {
        return failed(
            instance,
            "Failed to store the result of expression '"
                + element.script.expression().feel()
                + "': "
                + exceeded);
      }
      instance.setTriggerVariables(variables);
    }
    b.transitions().transitionToActivated(instance);
    b.transitions().completeElement(instance);
    return null;
  }

  private Failure failed(ElementInstance instance, String message) {
    b.subscriptions().unsubscribe(instance);
    return new Failure(IncidentTypes.EXTRACT_VALUE_ERROR, message);
  }
}
