package landwatch.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.model.Expression;

/**
 * Sequence flows: conditions in FEEL; an event-based gateway's flows lead to the events it waits
 * for.
 */
final class SequenceFlowValidator {

  private final Problems problems;
  private final ExpressionValidator expressions;

  SequenceFlowValidator(Problems problems, ExpressionValidator expressions) {
    this.problems = problems;
    this.expressions = expressions;
  }

  void checkCondition(SequenceFlow flow) {
    if (flow.getConditionExpression() != null) {
      expressions.checkFeel(
          flow.getId(),
          "condition",
          Expression.feel(flow.getConditionExpression().getTextContent()));
    }
  }

  /** Once its scope's flows are connected. */
  void checkGateway(ExecutableElement element) {
    if (element.type != ElementType.EVENT_BASED_GATEWAY) {
      return;
    }
    for (ExecutableFlow flow : element.outgoing) {
      ExecutableElement target = flow.target;
      boolean catchEvent =
          target.type == ElementType.INTERMEDIATE_CATCH_EVENT && target.eventType != EventType.LINK
              || target.type == ElementType.RECEIVE_TASK;
      if (!catchEvent) {
        problems.add(
            element.id,
            "an event-based gateway may only lead to intermediate catch events or receive tasks");
      }
    }
    if (element.outgoing.size() < 2) {
      problems.add(element.id, "an event-based gateway needs at least two outgoing flows");
    }
  }
}
