package landwatch.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.Expression;
import landwatch.engine.model.JobWorkerProperties;

/**
 * Tasks: a task definition whatever element carries it (a job-based user task's too, although its
 * job type is fixed), the one service and send tasks need, a script task's script, the message a
 * receive task waits for, a Zeebe user task's attributes.
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
      case RECEIVE_TASK -> messages.check(node, ((ReceiveTask) node).getMessage());
      case USER_TASK -> userTasks.check(node);
      default -> {}
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
