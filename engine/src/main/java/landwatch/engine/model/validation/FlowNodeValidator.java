package landwatch.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import landwatch.engine.model.Mapping;

/**
 * What any flow node may have that the engine does not run: its kind, execution listeners,
 * compensation; its mappings' FEEL.
 */
final class FlowNodeValidator {

  private final Problems problems;
  private final ExpressionValidator expressions;

  FlowNodeValidator(Problems problems, ExpressionValidator expressions) {
    this.problems = problems;
    this.expressions = expressions;
  }

  void rejectKind(FlowNode node) {
    problems.add(
        node.getId(), "the element '" + node.getElementType().getTypeName() + "' is not supported");
  }

  void checkListenersAndMappings(FlowNode node) {
    if (node.getSingleExtensionElement(ZeebeExecutionListeners.class) != null) {
      problems.add(node.getId(), "execution listeners are not supported");
    }
    ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
    if (io == null) {
      return;
    }
    io.getInputs().forEach(m -> checkMapping(node, m));
    io.getOutputs().forEach(m -> checkMapping(node, m));
  }

  private void checkMapping(FlowNode node, ZeebeMapping mapping) {
    expressions.checkFeel(node.getId(), "mapping source", Mapping.source(mapping.getSource()));
  }

  void checkCompensation(Activity activity) {
    if (activity.isForCompensation()) {
      problems.add(activity.getId(), "compensation activities are not supported");
    }
  }
}
