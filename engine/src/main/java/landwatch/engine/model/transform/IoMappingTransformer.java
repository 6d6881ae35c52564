package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Mapping;

/** A flow node's {@code zeebe:ioMapping}: its input and output mappings, in the model's order. */
final class IoMappingTransformer {

  void transform(FlowNode node, ExecutableElement.Builder element) {
    ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
    if (io != null) {
      element.mappings(
          io.getInputs().stream().map(IoMappingTransformer::mapping).toList(),
          io.getOutputs().stream().map(IoMappingTransformer::mapping).toList());
    }
  }

  private static Mapping mapping(ZeebeMapping mapping) {
    return new Mapping(Mapping.source(mapping.getSource()), mapping.getTarget());
  }
}
