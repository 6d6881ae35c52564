package landwatch.engine.bpmn.task;

import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.bpmn.behavior.IncidentTypes;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * Tasks that wait for something other than a job: receive tasks wait for their message (the
 * subscription is opened with the boundary events'); business-rule tasks calling a decision raise
 * an incident, as decisions are not evaluated yet.
 */
public final class WaitingTaskProcessor extends ActivityProcessor {

  public WaitingTaskProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  protected Failure onInputsApplied(ExecutableElement element, ElementInstance instance) {
    if (element.type == ElementType.BUSINESS_RULE_TASK && !element.isJobBased()) {
      b.subscriptions().unsubscribe(instance);
      return new Failure(
          IncidentTypes.UNKNOWN,
          "Business rule tasks calling a decision are not executed by this engine yet");
    }
    b.transitions().transitionToActivated(instance);
    return null;
  }
}
