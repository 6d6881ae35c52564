package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.Map;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Expression;
import landwatch.engine.model.JobWorkerProperties;
import landwatch.engine.model.UserTaskProperties;

/**
 * User tasks: a Zeebe user task ({@code zeebe:userTask}) keeps any task definition it has; any
 * other user task is job-based with Zeebe's user task job type, as in Zeebe.
 */
final class UserTaskTransformer {

  private static final Expression JOB_TYPE = Expression.of("io.camunda.zeebe:userTask");
  private static final Expression JOB_RETRIES = Expression.of("1");

  /**
   * {@code taskDefinition} is what the node's own {@code zeebe:taskDefinition} made of it, or null.
   */
  void transform(
      FlowNode node, JobWorkerProperties taskDefinition, ExecutableElement.Builder element) {
    if (node.getSingleExtensionElement(ZeebeUserTask.class) != null) {
      element.userTask(new UserTaskProperties());
    } else {
      element.job(
          new JobWorkerProperties(
              JOB_TYPE, JOB_RETRIES, taskDefinition == null ? Map.of() : taskDefinition.headers()));
    }
  }
}
