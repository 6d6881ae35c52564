package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import landwatch.engine.model.CalledDecision;
import landwatch.engine.model.CalledElement;
import landwatch.engine.model.Expression;

/** A business-rule task's {@code zeebe:calledDecision}; one without it is job-based. */
final class CalledDecisionTransformer {

  /** Null when the task calls no decision. */
  CalledDecision transform(FlowNode node) {
    ZeebeCalledDecision called = node.getSingleExtensionElement(ZeebeCalledDecision.class);
    if (called == null || called.getDecisionId() == null) {
      return null;
    }
    String binding =
        called.getBindingType() == null
            ? CalledElement.DEFAULT_BINDING
            : called.getBindingType().name();
    return new CalledDecision(
        Expression.of(called.getDecisionId()),
        called.getResultVariable(),
        binding,
        "versionTag".equals(binding) ? called.getVersionTag() : null);
  }
}
