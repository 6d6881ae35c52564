package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.util.Collection;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Expression;
import landwatch.engine.model.ProcessBuilder;

/** A scope's sequence flows with their conditions, and the default flows of its gateways. */
final class SequenceFlowTransformer {

  /** A flow from or to an element the engine does not execute is left out. */
  void connect(ProcessBuilder process, SequenceFlow flow) {
    ExecutableElement source = process.element(flow.getSource().getId());
    ExecutableElement target = process.element(flow.getTarget().getId());
    if (source != null && target != null) {
      Expression condition =
          flow.getConditionExpression() == null
              ? null
              : Expression.feel(flow.getConditionExpression().getTextContent());
      process.connect(flow.getId(), condition, source, target);
    }
  }

  /** Once the scope's flows are connected. */
  void setDefaultFlows(ProcessBuilder process, Collection<FlowElement> flowElements) {
    for (FlowElement flowElement : flowElements) {
      if (flowElement instanceof ExclusiveGateway gateway && gateway.getDefault() != null) {
        process.setDefaultFlow(process.element(gateway.getId()), gateway.getDefault().getId());
      } else if (flowElement instanceof InclusiveGateway gateway && gateway.getDefault() != null) {
        process.setDefaultFlow(process.element(gateway.getId()), gateway.getDefault().getId());
      }
    }
  }
}
