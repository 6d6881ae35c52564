package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import landwatch.engine.model.CalledElement;
import landwatch.engine.model.Expression;

/**
 * A call activity's {@code zeebe:calledElement}: the process it calls, how it binds its version,
 * what variables cross.
 */
final class CallActivityTransformer {

  /** Null when the call activity names no process. */
  CalledElement transform(FlowNode node) {
    ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
    if (called == null || called.getProcessId() == null) {
      return null;
    }
    String binding =
        called.getBindingType() == null
            ? CalledElement.DEFAULT_BINDING
            : called.getBindingType().name();
    String versionTag = called.getBindingType() == null ? null : called.getVersionTag();
    return new CalledElement(
        Expression.of(called.getProcessId()),
        binding,
        versionTag,
        called.isPropagateAllChildVariablesEnabled(),
        called.isPropagateAllParentVariablesEnabled());
  }
}
