package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import landwatch.engine.model.Expression;
import landwatch.engine.model.ScriptProperties;

/** A script task's {@code zeebe:script}; one without it is job-based. */
final class ScriptTaskTransformer {

  /** Null when the task has no script. */
  ScriptProperties transform(FlowNode node) {
    ZeebeScript script = node.getSingleExtensionElement(ZeebeScript.class);
    return script == null
        ? null
        : new ScriptProperties(Expression.feel(script.getExpression()), script.getResultVariable());
  }
}
