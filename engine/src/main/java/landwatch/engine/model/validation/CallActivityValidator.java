package landwatch.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;

/** A call activity names the process it calls, and the version tag when it binds by one. */
final class CallActivityValidator {

  private final Problems problems;
  private final ExpressionValidator expressions;

  CallActivityValidator(Problems problems, ExpressionValidator expressions) {
    this.problems = problems;
    this.expressions = expressions;
  }

  void check(FlowNode node) {
    ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
    if (called == null || called.getProcessId() == null) {
      problems.add(
          node.getId(), "a call activity must have a zeebe:calledElement with a processId");
      return;
    }
    expressions.checkValue(node.getId(), "called process id", called.getProcessId());
    boolean byVersionTag =
        called.getBindingType() != null && "versionTag".equals(called.getBindingType().name());
    if (byVersionTag && (called.getVersionTag() == null || called.getVersionTag().isBlank())) {
      problems.add(
          node.getId(), "a call activity with binding type 'versionTag' needs a versionTag");
    }
  }
}
