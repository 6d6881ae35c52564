package landwatch.engine.bpmn;

import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/** Events: the event data they caught is handed back on completion, then the flow goes on. */
abstract class EventProcessor implements BpmnElementProcessor {

  protected final BpmnBehaviors b;

  EventProcessor(BpmnBehaviors behaviors) {
    this.b = behaviors;
  }

  protected boolean applyInputs(ExecutableElement element, ElementInstance instance) {
    String failure = b.variables().applyInputMappings(element, instance);
    if (failure != null) {
      b.incidents().raise(instance, IncidentTypes.IO_MAPPING_ERROR, failure, IncidentBehavior.STEP_ACTIVATE, -1);
      return false;
    }
    return true;
  }

  @Override
  public void onComplete(ExecutableElement element, ElementInstance instance) {
    String failure = b.variables().applyOutput(element, instance, instance.triggerVariables);
    if (failure != null) {
      b.incidents().raise(instance, IncidentTypes.IO_MAPPING_ERROR, failure, IncidentBehavior.STEP_COMPLETE, -1);
      return;
    }
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    b.transitions().takeOutgoingFlows(element, instance, flowScope);
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance) {
    b.jobs().cancelJob(instance);
    b.subscriptions().unsubscribe(instance);
    b.incidents().resolveAll(instance);
    b.transitions().transitionToTerminated(instance);
  }
}
