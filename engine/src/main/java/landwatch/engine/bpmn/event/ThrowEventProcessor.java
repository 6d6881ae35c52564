package landwatch.engine.bpmn.event;

import java.util.Map;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.bpmn.behavior.EventTriggerBehavior;
import landwatch.engine.bpmn.behavior.IncidentTypes;
import landwatch.engine.bpmn.task.JobWorkerTaskProcessor;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Expression;
import landwatch.engine.state.ElementInstance;

/**
 * Intermediate throw and end events: none, error, escalation, signal, terminate, link, and
 * job-based message events. An end event ends its execution path; the scope completes when no path
 * is left.
 */
public final class ThrowEventProcessor extends EventProcessor {

  private final JobWorkerTaskProcessor jobBased;

  public ThrowEventProcessor(BpmnBehaviors behaviors, JobWorkerTaskProcessor jobBased) {
    super(behaviors);
    this.jobBased = jobBased;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance) {
    Failure failure = b.mappings().applyInputs(element, instance);
    if (failure != null) {
      return failure;
    }
    return switch (element.eventType) {
      case MESSAGE -> jobBased.onInputsApplied(element, instance);
      case ERROR -> throwError(element, instance);
      case ESCALATION -> throwEscalation(element, instance);
      case SIGNAL -> broadcastSignal(element, instance);
      default -> {
        b.transitions().transitionToActivated(instance);
        b.transitions().completeElement(instance);
        yield null;
      }
    };
  }

  private Failure throwError(ExecutableElement element, ElementInstance instance) {
    FeelResult code = evaluate(element.error.code(), instance);
    if (!(code.value() instanceof String errorCode)) {
      return notAString(element.error.code(), code);
    }
    EventTriggerBehavior.Outcome outcome = b.events().throwError(instance, errorCode, "", null);
    if (outcome == EventTriggerBehavior.Outcome.UNCAUGHT) {
      return new Failure(
          IncidentTypes.UNHANDLED_ERROR_EVENT,
          "Expected to throw an error event with the code '"
              + errorCode
              + "', but it was not caught."
              + " No error events are available in the scope.");
    }
    b.transitions().transitionToActivated(instance);
    return null;
  }

  private Failure throwEscalation(ExecutableElement element, ElementInstance instance) {
    FeelResult code = evaluate(element.escalation.code(), instance);
    if (!(code.value() instanceof String escalationCode)) {
      return notAString(element.escalation.code(), code);
    }
    b.transitions().transitionToActivated(instance);
    if (b.events().throwEscalation(instance, escalationCode)
        != EventTriggerBehavior.Outcome.INTERRUPTED) {
      b.transitions().completeElement(instance);
    }
    return null;
  }

  private Failure broadcastSignal(ExecutableElement element, ElementInstance instance) {
    FeelResult name = evaluate(element.signal.name(), instance);
    if (!(name.value() instanceof String signalName)) {
      return notAString(element.signal.name(), name);
    }
    b.transitions().transitionToActivated(instance);
    b.signals().broadcast(signalName, Map.of());
    b.transitions().completeElement(instance);
    return null;
  }

  private FeelResult evaluate(Expression expression, ElementInstance instance) {
    return b.ctx().evaluate(expression, b.variables().visible(instance.key()));
  }

  private static Failure notAString(Expression expression, FeelResult result) {
    return new Failure(
        IncidentTypes.EXTRACT_VALUE_ERROR,
        "Expected '"
            + expression.raw()
            + "' to be a string, but "
            + (result.isFailure() ? result.failure() : "it was " + result.value()));
  }

  @Override
  public Failure onComplete(ExecutableElement element, ElementInstance instance) {
    if (element.eventType == EventType.TERMINATE) {
      ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
      flowScope.clearJoinTokens();
      b.transitions().terminateChildren(flowScope);
      b.transitions().pathEnded(flowScope, instance);
      return null;
    }
    if (element.eventType == EventType.LINK
        && element.type == ElementType.INTERMEDIATE_THROW_EVENT) {
      ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
      b.transitions().activateChild(flowScope, element.linkTarget(), null);
      return null;
    }
    return super.onComplete(element, instance);
  }
}
