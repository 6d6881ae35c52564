package landwatch.engine.bpmn.gateway;

import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * Forks into every outgoing flow; the join itself happens when flows are taken (see transitions).
 */
public final class ParallelGatewayProcessor extends GatewayProcessor {

  public ParallelGatewayProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  public Failure onComplete(ExecutableElement element, ElementInstance instance) {
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    b.transitions().takeOutgoingFlows(element, instance, flowScope);
    return null;
  }
}
