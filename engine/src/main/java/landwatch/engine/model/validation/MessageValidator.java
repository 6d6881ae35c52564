package landwatch.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;

/**
 * The message a catch event or receive task waits for: named, and correlated by a key, except at a
 * process's message start event, which may start instances for any key.
 */
final class MessageValidator {

  private final Problems problems;
  private final ExpressionValidator expressions;

  MessageValidator(Problems problems, ExpressionValidator expressions) {
    this.problems = problems;
    this.expressions = expressions;
  }

  void check(FlowNode node, Message message) {
    if (message == null || message.getName() == null) {
      problems.add(node.getId(), "must reference a message with a name");
      return;
    }
    expressions.checkValue(node.getId(), "message name", message.getName());
    ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    boolean processStart = node instanceof StartEvent && node.getParentElement() instanceof Process;
    if (subscription != null && subscription.getCorrelationKey() != null) {
      expressions.checkValue(node.getId(), "correlation key", subscription.getCorrelationKey());
    } else if (!processStart) {
      problems.add(
          node.getId(), "a message catch needs a zeebe:subscription with a correlationKey");
    }
  }
}
