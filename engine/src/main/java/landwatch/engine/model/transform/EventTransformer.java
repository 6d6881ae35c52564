package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import java.util.Collection;
import java.util.List;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.ErrorDefinition;
import landwatch.engine.model.EscalationDefinition;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Expression;
import landwatch.engine.model.LinkDefinition;
import landwatch.engine.model.MessageDefinition;
import landwatch.engine.model.ProcessBuilder;
import landwatch.engine.model.SignalDefinition;
import landwatch.engine.model.TimerDefinition;

/**
 * Events: the one event definition of an event (message, timer, error, escalation, signal,
 * terminate, link), whether a boundary event or an event sub-process's start event interrupts, and
 * the activity a boundary event is attached to.
 */
final class EventTransformer {

  /** NONE for an event without a definition, with several, or with one the engine does not run. */
  EventType eventTypeOf(FlowNode node) {
    Collection<EventDefinition> definitions = definitionsOf(node);
    return definitions.size() == 1 ? eventTypeOf(definitions.iterator().next()) : EventType.NONE;
  }

  private static EventType eventTypeOf(EventDefinition definition) {
    if (definition instanceof MessageEventDefinition) return EventType.MESSAGE;
    if (definition instanceof TimerEventDefinition) return EventType.TIMER;
    if (definition instanceof ErrorEventDefinition) return EventType.ERROR;
    if (definition instanceof EscalationEventDefinition) return EventType.ESCALATION;
    if (definition instanceof SignalEventDefinition) return EventType.SIGNAL;
    if (definition instanceof TerminateEventDefinition) return EventType.TERMINATE;
    if (definition instanceof LinkEventDefinition) return EventType.LINK;
    return EventType.NONE;
  }

  private static Collection<EventDefinition> definitionsOf(FlowNode node) {
    if (node instanceof CatchEvent catchEvent) {
      return catchEvent.getEventDefinitions();
    }
    if (node instanceof ThrowEvent throwEvent) {
      return throwEvent.getEventDefinitions();
    }
    return List.of();
  }

  /** {@code eventType} is the node's {@link #eventTypeOf}. */
  void transform(
      FlowNode node,
      EventType eventType,
      ExecutableElement.Builder element,
      ProcessBuilder process) {
    element.eventType(eventType);
    if (eventType != EventType.NONE) {
      transformDefinition(node, definitionsOf(node).iterator().next(), element);
    }
    if (node instanceof StartEvent start
        && element.flowScope().type == ElementType.EVENT_SUB_PROCESS
        && eventType != EventType.NONE) {
      element.interrupting(start.isInterrupting());
    }
    if (node instanceof BoundaryEvent boundary) {
      element.interrupting(boundary.cancelActivity());
      element.attachedTo(process.element(boundary.getAttachedTo().getId()));
    }
  }

  private void transformDefinition(
      FlowNode node, EventDefinition definition, ExecutableElement.Builder element) {
    if (definition instanceof MessageEventDefinition message) {
      if (node instanceof CatchEvent) {
        element.message(message(message.getMessage()));
      }
    } else if (definition instanceof TimerEventDefinition timer) {
      element.timer(timer(timer));
    } else if (definition instanceof ErrorEventDefinition error) {
      boolean coded = error.getError() != null && error.getError().getErrorCode() != null;
      element.error(
          new ErrorDefinition(coded ? Expression.of(error.getError().getErrorCode()) : null));
    } else if (definition instanceof EscalationEventDefinition escalation) {
      boolean coded =
          escalation.getEscalation() != null
              && escalation.getEscalation().getEscalationCode() != null;
      element.escalation(
          new EscalationDefinition(
              coded ? Expression.of(escalation.getEscalation().getEscalationCode()) : null));
    } else if (definition instanceof SignalEventDefinition signal) {
      boolean named = signal.getSignal() != null && signal.getSignal().getName() != null;
      element.signal(
          new SignalDefinition(named ? Expression.of(signal.getSignal().getName()) : null));
    } else if (definition instanceof LinkEventDefinition link) {
      element.link(new LinkDefinition(link.getName()));
    }
  }

  /** The message a catch event or receive task waits for; null when the model names none. */
  MessageDefinition message(Message message) {
    if (message == null || message.getName() == null) {
      return null;
    }
    ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    Expression correlationKey =
        subscription == null ? null : Expression.of(subscription.getCorrelationKey());
    return new MessageDefinition(Expression.of(message.getName()), correlationKey);
  }

  /** Null when the timer has no time, or an empty one. */
  private static TimerDefinition timer(TimerEventDefinition timer) {
    if (timer.getTimeDate() != null) {
      return timer(TimerDefinition.Kind.DATE, timer.getTimeDate().getTextContent());
    }
    if (timer.getTimeDuration() != null) {
      return timer(TimerDefinition.Kind.DURATION, timer.getTimeDuration().getTextContent());
    }
    if (timer.getTimeCycle() != null) {
      return timer(TimerDefinition.Kind.CYCLE, timer.getTimeCycle().getTextContent());
    }
    return null;
  }

  private static TimerDefinition timer(TimerDefinition.Kind kind, String text) {
    Expression expression = Expression.of(text);
    return expression == null ? null : new TimerDefinition(kind, expression);
  }
}
