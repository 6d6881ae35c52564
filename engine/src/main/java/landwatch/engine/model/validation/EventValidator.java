package landwatch.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.util.Collection;
import java.util.List;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;

/**
 * Events: one event definition at most, of a kind the engine runs, complete (what it throws or
 * waits for), and placed on an event that can carry it; boundary events attached and defined.
 */
final class EventValidator {

  private final Problems problems;
  private final ExpressionValidator expressions;
  private final MessageValidator messages;

  EventValidator(Problems problems, ExpressionValidator expressions, MessageValidator messages) {
    this.problems = problems;
    this.expressions = expressions;
    this.messages = messages;
  }

  /**
   * {@code eventType} is the one the transformation gave the node: NONE for several or unsupported
   * definitions.
   */
  void checkDefinitions(FlowNode node, ElementType type, EventType eventType) {
    Collection<EventDefinition> definitions = definitionsOf(node);
    if (definitions.size() > 1) {
      problems.add(node.getId(), "multiple event definitions are not supported");
      return;
    }
    for (EventDefinition definition : definitions) {
      checkDefinition(node, definition);
    }
    checkPlacement(node, type, eventType);
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

  private void checkDefinition(FlowNode node, EventDefinition definition) {
    String id = node.getId();
    if (definition instanceof MessageEventDefinition message) {
      if (node instanceof CatchEvent) {
        messages.check(node, message.getMessage());
      }
    } else if (definition instanceof TimerEventDefinition timer) {
      checkTimer(id, timer);
    } else if (definition instanceof ErrorEventDefinition error) {
      if (error.getError() != null && error.getError().getErrorCode() != null) {
        expressions.checkValue(id, "error code", error.getError().getErrorCode());
      } else if (node instanceof EndEvent) {
        problems.add(id, "an error end event must reference an error with an error code");
      }
    } else if (definition instanceof EscalationEventDefinition escalation) {
      if (escalation.getEscalation() != null
          && escalation.getEscalation().getEscalationCode() != null) {
        expressions.checkValue(
            id, "escalation code", escalation.getEscalation().getEscalationCode());
      } else if (!(node instanceof CatchEvent)) {
        problems.add(id, "a throwing escalation event must reference an escalation with a code");
      }
    } else if (definition instanceof SignalEventDefinition signal) {
      if (signal.getSignal() == null || signal.getSignal().getName() == null) {
        problems.add(id, "a signal event must reference a signal with a name");
      } else {
        expressions.checkValue(id, "signal name", signal.getSignal().getName());
      }
    } else if (!(definition instanceof TerminateEventDefinition)
        && !(definition instanceof LinkEventDefinition)) {
      problems.add(
          id,
          "the event definition '"
              + definition.getElementType().getTypeName()
              + "' is not supported");
    }
  }

  private void checkTimer(String id, TimerEventDefinition timer) {
    if (timer.getTimeDate() != null) {
      expressions.checkValue(id, "timeDate", timer.getTimeDate().getTextContent());
    } else if (timer.getTimeDuration() != null) {
      expressions.checkValue(id, "timeDuration", timer.getTimeDuration().getTextContent());
    } else if (timer.getTimeCycle() != null) {
      expressions.checkValue(id, "timeCycle", timer.getTimeCycle().getTextContent());
    } else {
      problems.add(id, "a timer needs a timeDate, timeDuration or timeCycle");
    }
  }

  private void checkPlacement(FlowNode node, ElementType type, EventType event) {
    boolean supported =
        switch (type) {
          case START_EVENT -> event != EventType.TERMINATE && event != EventType.LINK;
          case END_EVENT ->
              event == EventType.NONE
                  || event == EventType.ERROR
                  || event == EventType.TERMINATE
                  || event == EventType.ESCALATION
                  || event == EventType.SIGNAL
                  || event == EventType.MESSAGE;
          case INTERMEDIATE_CATCH_EVENT ->
              event == EventType.MESSAGE
                  || event == EventType.TIMER
                  || event == EventType.SIGNAL
                  || event == EventType.LINK;
          case INTERMEDIATE_THROW_EVENT ->
              event == EventType.NONE
                  || event == EventType.ESCALATION
                  || event == EventType.SIGNAL
                  || event == EventType.LINK
                  || event == EventType.MESSAGE;
          case BOUNDARY_EVENT ->
              event == EventType.TIMER
                  || event == EventType.MESSAGE
                  || event == EventType.ERROR
                  || event == EventType.ESCALATION
                  || event == EventType.SIGNAL
                  || event == EventType.NONE;
          default -> true;
        };
    if (!supported) {
      problems.add(
          node.getId(),
          "a "
              + node.getElementType().getTypeName()
              + " with a "
              + event.name().toLowerCase()
              + " event definition is not supported");
    }
    if ((type == ElementType.END_EVENT || type == ElementType.INTERMEDIATE_THROW_EVENT)
        && event == EventType.MESSAGE
        && node.getSingleExtensionElement(ZeebeTaskDefinition.class) == null) {
      problems.add(
          node.getId(), "a message throw event must have a zeebe:taskDefinition (it is job-based)");
    }
  }

  /** A boundary event finds its activity only among the elements declared before it. */
  void checkBoundaryEvent(ExecutableElement boundaryEvent) {
    if (boundaryEvent.attachedTo == null) {
      problems.add(
          boundaryEvent.id,
          "the boundary event must be declared after the activity it is attached to");
    }
    if (boundaryEvent.eventType == EventType.NONE) {
      problems.add(boundaryEvent.id, "a boundary event needs an event definition");
    }
  }
}
