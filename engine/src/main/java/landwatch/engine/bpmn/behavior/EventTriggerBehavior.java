package landwatch.engine.bpmn.behavior;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Expression;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.ElementState;

/**
 * What happens when an awaited event arrives (timer, message, signal) or an error or escalation is
 * thrown: the catching element continues, an attached activity is interrupted, or an event
 * sub-process starts, interrupting its scope or not.
 */
public final class EventTriggerBehavior {

  /** How a thrown error or escalation was handled. */
  public enum Outcome {
    UNCAUGHT,
    INTERRUPTED,
    CONTINUED
  }

  private record Catcher(ElementInstance scope, ExecutableElement element) {}

  private final BpmnContext ctx;
  private final BpmnStateTransitions transitions;
  private final EventSubscriptionBehavior subscriptions;

  public EventTriggerBehavior(
      BpmnContext ctx, BpmnStateTransitions transitions, EventSubscriptionBehavior subscriptions) {
    this.ctx = ctx;
    this.transitions = transitions;
    this.subscriptions = subscriptions;
  }

  /** Returns false when the subscriber cannot take the event now (it is not ACTIVATED). */
  public boolean trigger(
      ElementInstance subscriber, String catchElementId, Map<String, Object> variables) {
    if (subscriber.state() != ElementState.ELEMENT_ACTIVATED || transitions.isGone(subscriber)) {
      return false;
    }
    ExecutableElement subscriberElement = ctx.element(subscriber);
    ExecutableElement catchElement = ctx.process(subscriber).executable().element(catchElementId);
    if (catchElement == subscriberElement && subscriber.type() != ElementType.MULTI_INSTANCE_BODY) {
      subscriptions.unsubscribe(subscriber);
      subscriber.setTriggerVariables(variables);
      transitions.completeElement(subscriber);
    } else if (subscriberElement.type == ElementType.EVENT_BASED_GATEWAY) {
      subscriptions.unsubscribe(subscriber);
      subscriber.setTriggerElementId(catchElementId);
      subscriber.setTriggerVariables(variables);
      transitions.completeElement(subscriber);
    } else if (catchElement.type == ElementType.BOUNDARY_EVENT) {
      triggerBoundary(subscriber, catchElement, variables);
    } else {
      startEventSubProcess(subscriber, catchElement.flowScope, variables);
    }
    return true;
  }

  private void triggerBoundary(
      ElementInstance attached, ExecutableElement boundary, Map<String, Object> variables) {
    if (boundary.interrupting) {
      subscriptions.unsubscribe(attached);
      attached.setTriggerElementId(boundary.id);
      attached.setTriggerVariables(variables);
      transitions.terminateElement(attached);
    } else {
      transitions.activateChild(ctx.flowScope(attached), boundary, variables);
    }
  }

  private void startEventSubProcess(
      ElementInstance scope, ExecutableElement eventSubProcess, Map<String, Object> variables) {
    if (!eventSubProcess.interrupting) {
      transitions.activateChild(scope, eventSubProcess, variables);
      return;
    }
    subscriptions.unsubscribeEventSubProcesses(ctx.element(scope), scope);
    scope.setInterruptedByEventSubProcess(true);
    scope.setTriggerElementId(eventSubProcess.id);
    scope.setTriggerVariables(variables);
    if (!transitions.terminateChildren(scope)) {
      activatePendingEventSubProcess(scope);
    }
  }

  /** Containers call this once the children of an interrupted scope have all terminated. */
  public boolean activatePendingEventSubProcess(ElementInstance scope) {
    if (!scope.interruptedByEventSubProcess()
        || scope.triggerElementId() == null
        || scope.activeChildren() > 0) {
      return false;
    }
    ExecutableElement eventSubProcess =
        ctx.process(scope).executable().element(scope.triggerElementId());
    Map<String, Object> variables = scope.triggerVariables();
    scope.setTriggerElementId(null);
    scope.setTriggerVariables(null);
    scope.setInterruptedByEventSubProcess(false);
    transitions.activateChild(scope, eventSubProcess, variables);
    return true;
  }

  public Outcome throwError(
      ElementInstance thrower,
      String errorCode,
      String errorMessage,
      Map<String, Object> variables) {
    Catcher catcher = findCatcher(thrower, EventType.ERROR, errorCode);
    if (catcher == null) {
      return Outcome.UNCAUGHT;
    }
    Map<String, Object> triggerVariables =
        new LinkedHashMap<>(variables == null ? Map.of() : variables);
    ExecutableElement catchEvent =
        catcher.element.type == ElementType.EVENT_SUB_PROCESS
            ? catcher.element.eventStart()
            : catcher.element;
    if (!catchEvent.outputs.isEmpty()) {
      triggerVariables.putIfAbsent("errorCode", errorCode);
      triggerVariables.putIfAbsent("errorMessage", errorMessage);
    }
    return interrupt(catcher, triggerVariables);
  }

  public Outcome throwEscalation(ElementInstance thrower, String escalationCode) {
    Catcher catcher = findCatcher(thrower, EventType.ESCALATION, escalationCode);
    if (catcher == null) {
      return Outcome.UNCAUGHT;
    }
    return interrupt(catcher, null);
  }

  private Outcome interrupt(Catcher catcher, Map<String, Object> variables) {
    if (catcher.element.type == ElementType.BOUNDARY_EVENT) {
      triggerBoundary(catcher.scope, catcher.element, variables);
      return catcher.element.interrupting ? Outcome.INTERRUPTED : Outcome.CONTINUED;
    }
    startEventSubProcess(catcher.scope, catcher.element, variables);
    return catcher.element.interrupting ? Outcome.INTERRUPTED : Outcome.CONTINUED;
  }

  /**
   * The innermost catcher from the thrower outwards: boundary events of each enclosing activity,
   * then event sub-processes of each enclosing scope, crossing call activities into the caller. A
   * catcher with the exact code wins over a catch-all at the same level.
   */
  private Catcher findCatcher(ElementInstance thrower, EventType type, String code) {
    ElementInstance current = thrower;
    while (current != null) {
      ExecutableElement element = ctx.element(current);
      if (current.type() == ElementType.MULTI_INSTANCE_BODY || !element.isMultiInstance()) {
        ExecutableElement boundary = match(element.boundaryEvents, type, code);
        if (boundary != null && current.state() == ElementState.ELEMENT_ACTIVATED) {
          return new Catcher(current, boundary);
        }
      }
      if (current.type().isContainer()) {
        List<ExecutableElement> starts =
            element.eventSubProcesses.stream().map(e -> e.eventStart()).toList();
        ExecutableElement start = match(starts, type, code);
        if (start != null && !current.interruptedByEventSubProcess()) {
          return new Catcher(current, start.flowScope);
        }
      }
      if (current.flowScopeKey() >= 0) {
        current = ctx.state().instances().get(current.flowScopeKey());
      } else if (current.parentElementInstanceKey() >= 0) {
        current = ctx.state().instances().get(current.parentElementInstanceKey());
      } else {
        current = null;
      }
    }
    return null;
  }

  private ExecutableElement match(List<ExecutableElement> candidates, EventType type, String code) {
    ExecutableElement catchAll = null;
    for (ExecutableElement candidate : candidates) {
      if (candidate.eventType != type) {
        continue;
      }
      Expression expected =
          type == EventType.ERROR ? candidate.error.code() : candidate.escalation.code();
      if (expected == null) {
        catchAll = catchAll == null ? candidate : catchAll;
      } else if (expected.raw().equals(code)) {
        return candidate;
      }
    }
    return catchAll;
  }
}
