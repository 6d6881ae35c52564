package landwatch.engine.bpmn;

import java.util.Map;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Expression;
import landwatch.engine.state.ElementInstance;

/**
 * Intermediate throw and end events: none, error, escalation, signal, terminate, link, and
 * job-based message events. An end event ends its execution path; the scope completes when no
 * path is left.
 */
final class ThrowEventProcessor extends EventProcessor {

  private final JobWorkerTaskProcessor jobBased;

  ThrowEventProcessor(BpmnBehaviors behaviors, JobWorkerTaskProcessor jobBased) {
    super(behaviors);
    this.jobBased = jobBased;
  }

  @Override
  public void onActivate(ExecutableElement element, ElementInstance instance) {
    if (!b.mappings().applyInputs(element, instance)) {
      return;
    }
    switch (element.eventType) {
      case MESSAGE -> jobBased.onInputsApplied(element, instance);
      case ERROR -> throwError(element, instance);
      case ESCALATION -> throwEscalation(element, instance);
      case SIGNAL -> broadcastSignal(element, instance);
      default -> {
        b.transitions().transitionToActivated(instance);
        b.transitions().completeElement(instance);
      }
    }
  }

  private void throwError(ExecutableElement element, ElementInstance instance) {
    String code = evaluateString(element.errorCode, instance);
    if (code == null) {
      return;
    }
    EventTriggerBehavior.Outcome outcome = b.events().throwError(instance, code, "", null);
    if (outcome == EventTriggerBehavior.Outcome.UNCAUGHT) {
      b.incidents().raise(instance, IncidentTypes.UNHANDLED_ERROR_EVENT,
          "Expected to throw an error event with the code '" + code + "', but it was not caught."
              + " No error events are available in the scope.", IncidentBehavior.STEP_ACTIVATE, -1);
      return;
    }
    b.transitions().transitionToActivated(instance);
  }

  private void throwEscalation(ExecutableElement element, ElementInstance instance) {
    String code = evaluateString(element.escalationCode, instance);
    if (code == null) {
      return;
    }
    b.transitions().transitionToActivated(instance);
    if (b.events().throwEscalation(instance, code) != EventTriggerBehavior.Outcome.INTERRUPTED) {
      b.transitions().completeElement(instance);
    }
  }

  private void broadcastSignal(ExecutableElement element, ElementInstance instance) {
    String name = evaluateString(element.signalName, instance);
    if (name == null) {
      return;
    }
    b.transitions().transitionToActivated(instance);
    b.signals().broadcast(name, Map.of());
    b.transitions().completeElement(instance);
  }

  private String evaluateString(Expression expression, ElementInstance instance) {
    FeelResult result = b.ctx().evaluate(expression, b.variables().visible(instance.key()));
    if (result.isFailure() || !(result.value() instanceof String text)) {
      b.incidents().raise(instance, IncidentTypes.EXTRACT_VALUE_ERROR,
          "Expected '" + expression.raw() + "' to be a string, but "
              + (result.isFailure() ? result.failure() : "it was " + result.value()),
          IncidentBehavior.STEP_ACTIVATE, -1);
      return null;
    }
    return text;
  }

  @Override
  public void onComplete(ExecutableElement element, ElementInstance instance) {
    if (element.eventType == EventType.TERMINATE) {
      ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
      flowScope.clearJoinTokens();
      b.transitions().terminateChildren(flowScope);
      b.transitions().pathEnded(flowScope, instance);
      return;
    }
    if (element.eventType == EventType.LINK && element.type == ElementType.INTERMEDIATE_THROW_EVENT) {
      ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
      b.transitions().activateChild(flowScope, element.linkTarget, null);
      return;
    }
    super.onComplete(element, instance);
  }
}
