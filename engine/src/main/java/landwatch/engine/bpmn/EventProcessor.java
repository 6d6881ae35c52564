package landwatch.engine.bpmn;

import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/** Events: the event data they caught is handed back on completion, then the flow goes on. */
abstract class EventProcessor implements BpmnElementProcessor {

  protected final BpmnBehaviors b;

  EventProcessor(BpmnBehaviors behaviors) {
    this.b = behaviors;
  }

  @Override
  public void onComplete(ExecutableElement element, ElementInstance instance) {
    if (!b.mappings().applyOutputs(element, instance, instance.triggerVariables())) {
      return;
    }
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    b.transitions().takeOutgoingFlows(element, instance, flowScope);
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance) {
    b.termination().terminateLeaf(instance);
  }
}
