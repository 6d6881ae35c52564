package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import landwatch.engine.model.Expression;
import landwatch.engine.model.JobWorkerProperties;

/**
 * The job of any flow node with a {@code zeebe:taskDefinition}: service and send tasks, script and
 * business-rule tasks that hand their work to a worker, message throw events.
 */
final class JobWorkerTransformer {

  /** Null when the node has no task definition. */
  JobWorkerProperties transform(FlowNode node) {
    ZeebeTaskDefinition task = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (task == null) {
      return null;
    }
    String retries =
        task.getRetries() == null ? JobWorkerProperties.DEFAULT_RETRIES : task.getRetries();
    return new JobWorkerProperties(
        Expression.of(task.getType()), Expression.of(retries), headersOf(node));
  }

  private static Map<String, String> headersOf(FlowNode node) {
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      taskHeaders.getHeaders().forEach(h -> headers.put(h.getKey(), h.getValue()));
    }
    return headers;
  }
}
