package landwatch.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.Expression;
import landwatch.engine.model.JobWorkerProperties;

/**
 * Tasks: a task definition whatever element carries it (a job-based user task's too, although its
 * job type is fixed), the one service and send tasks need, a script task's script, a business-rule
 * task's called decision, the message a receive task waits for, a Zeebe user task's attributes.
 */
final class TaskValidator {

  private final Problems problems;
  private final ExpressionValidator expressions;
  private final MessageValidator messages;
  private final UserTaskValidator userTasks;

  TaskValidator(Problems problems, ExpressionValidator expressions, MessageValidator messages) {
    this.problems = problems;
    this.expressions = expressions;
    this.messages = messages;
    this.userTasks = new UserTaskValidator(problems, expressions);
  }

  void check(FlowNode node, ElementType type) {
    ZeebeTaskDefinition task = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (task != null) {
      expressions.checkValue(node.getId(), "job type", task.getType());
      expressions.checkValue(
          node.getId(),
          "job retries",
          task.getRetries() == null ? JobWorkerProperties.DEFAULT_RETRIES : task.getRetries());
    }
    switch (type) {
      case SERVICE_TASK, SEND_TASK -> {
        if (task == null) {
          problems.add(
              node.getId(),
              "a "
                  + node.getElementType().getTypeName()
                  + " must have a zeebe:taskDefinition with a type");
        }
      }
      case SCRIPT_TASK -> checkScript(node, task);
      case BUSINESS_RULE_TASK -> checkCalledDecision(node);
      case RECEIVE_TASK -> messages.check(node, ((ReceiveTask) node).getMessage());
      case USER_TASK -> userTasks.check(node);
      default -> {}
    }
  }

  /** zeebe-bpmn-model's validation requires the decision id and result variable themselves. */
  private void checkCalledDecision(FlowNode node) {
    ZeebeCalledDecision called = node.getSingleExtensionElement(ZeebeCalledDecision.class);
    if (called == null || called.getDecisionId() == null) {
      return;
    }
    expressions.checkValue(node.getId(), "called decision id", called.getDecisionId());
    if ("versionTag".equals(called.getBindingType() == null ? null : called.getBindingType().name())
        && (called.getVersionTag() == null || called.getVersionTag().isBlank())) {
      problems.add(
          node.getId(), "a business rule task with binding type 'versionTag' needs a versionTag");
    }
  }

  private void checkScript(FlowNode node, ZeebeTaskDefinition task) {
    ZeebeScript script = node.getSingleExtensionElement(ZeebeScript.class);
    if (script != null) {
      expressions.checkFeel(node.getId(), "script", Expression.feel(script.getExpression()));
    } else if (task == null) {
      problems.add(
          node.getId(), "a script task must have a zeebe:script or a zeebe:taskDefinition");
    }
  }
}
