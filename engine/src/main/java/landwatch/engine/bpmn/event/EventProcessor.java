package landwatch.engine.bpmn.event;

import landwatch.engine.bpmn.BpmnElementProcessor;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/** Events: the event data they caught is handed back on completion, then the flow goes on. */
abstract class EventProcessor implements BpmnElementProcessor {

  protected final BpmnBehaviors b;

  EventProcessor(BpmnBehaviors behaviors) {
    this.b = behaviors;
  }

  @Override
  public Failure onComplete(ExecutableElement element, ElementInstance instance) {
    Failure failure = b.mappings().applyOutputs(element, instance, instance.triggerVariables());
    if (failure != null) {
      return failure;
    }
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    b.transitions().takeOutgoingFlows(element, instance, flowScope);
    return null;
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance) {
    b.termination().terminateLeaf(instance);
  }
}
