package landwatch.engine.bpmn.container;

import java.util.Map;
import landwatch.engine.bpmn.BpmnContainerProcessor;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.ElementState;

/**
 * Processes, embedded sub-processes and event sub-processes: they start their start event, open
 * their event sub-processes' subscriptions, and complete when no execution path is left in them.
 */
public final class ScopeProcessor implements BpmnContainerProcessor {

  private final BpmnBehaviors b;

  public ScopeProcessor(BpmnBehaviors behaviors) {
    this.b = behaviors;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance) {
    Failure failure =
        element.type == ElementType.PROCESS ? null : b.mappings().applyInputs(element, instance);
    if (failure != null) {
      return failure;
    }
    failure = b.subscriptions().subscribe(element, instance);
    if (failure != null) {
      return failure;
    }
    b.transitions().transitionToActivated(instance);
    ExecutableElement start;
    if (element.type == ElementType.PROCESS) {
      start = b.ctx().process(instance).executable().element(instance.triggerElementId());
      instance.setTriggerElementId(null);
    } else if (element.type == ElementType.EVENT_SUB_PROCESS) {
      start = element.eventStart();
    } else {
      start = element.noneStartEvent();
    }
    Map<String, Object> startVariables =
        element.type == ElementType.EVENT_SUB_PROCESS ? instance.triggerVariables() : null;
    instance.setTriggerVariables(null);
    b.transitions().activateChild(instance, start, startVariables);
    return null;
  }

  @Override
  public Failure onComplete(ExecutableElement element, ElementInstance instance) {
    Failure failure =
        element.type == ElementType.PROCESS
            ? null
            : b.mappings().applyOutputs(element, instance, null);
    if (failure != null) {
      return failure;
    }
    failure = b.transitions().beforeCompleted(instance);
    if (failure != null) {
      return failure;
    }
    b.subscriptions().unsubscribe(instance);
    ElementInstance flowScope = b.transitions().transitionToCompleted(instance);
    b.transitions().takeOutgoingFlows(element, instance, flowScope);
    return null;
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance) {
    b.subscriptions().unsubscribe(instance);
    b.incidents().resolveAll(instance);
    if (!b.transitions().terminateChildren(instance)) {
      b.transitions().transitionToTerminated(instance);
    }
  }

  @Override
  public void onChildCompleted(
      ExecutableElement element, ElementInstance container, ElementInstance child) {
    if (b.transitions().canComplete(container)) {
      b.transitions().completeElement(container);
    }
  }

  @Override
  public void onChildTerminated(
      ExecutableElement element, ElementInstance container, ElementInstance child) {
    if (container.state() == ElementState.ELEMENT_TERMINATING) {
      if (container.activeChildren() == 0) {
        b.transitions().transitionToTerminated(container);
      }
      return;
    }
    if (b.events().activatePendingEventSubProcess(container)) {
      return;
    }
    if (!container.interruptedByEventSubProcess() && b.transitions().canComplete(container)) {
      b.transitions().completeElement(container);
    }
  }
}
