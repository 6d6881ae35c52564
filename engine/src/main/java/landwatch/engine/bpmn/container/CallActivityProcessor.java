package landwatch.engine.bpmn.container;

import java.util.LinkedHashMap;
import java.util.Map;
import landwatch.engine.bpmn.BpmnContainerProcessor;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.bpmn.behavior.IncidentTypes;
import landwatch.engine.bpmn.task.ActivityProcessor;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.ElementState;

/**
 * Starts the latest version of the called process with the caller's variables (all visible ones, or
 * only the input mappings' when propagateAllParentVariables is off) and completes when the child
 * completes, taking the child's variables back (all of them, or only through output mappings when
 * propagateAllChildVariables is off).
 */
public final class CallActivityProcessor extends ActivityProcessor
    implements BpmnContainerProcessor {

  public CallActivityProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  protected Failure onInputsApplied(ExecutableElement element, ElementInstance instance) {
    Map<String, Object> context = b.variables().visible(instance.key());
    FeelResult processId = b.ctx().evaluate(element.calledElement.processId(), context);
    DeployedProcess called =
        processId.value() instanceof String id ? resolve(element, instance, id) : null;
    if (called == null || called.executable().root.noneStartEvent() == null) {
      b.subscriptions().unsubscribe(instance);
      return new Failure(
          IncidentTypes.CALLED_ELEMENT_ERROR,
          processId.isFailure()
              ? "Failed to evaluate the called process id: " + processId.failure()
              : "Expected process with BPMN process id '"
                  + processId.value()
                  + "' (binding "
                  + element.calledElement.binding()
                  + ") to be deployed with a none start event, but not found.");
    }
    b.transitions().transitionToActivated(instance);
    Map<String, Object> variables =
        element.calledElement.propagateAllParentVariables()
            ? context
            : new LinkedHashMap<>(b.ctx().state().variables().local(instance.key()));
    ElementInstance child =
        b.creation().create(called, called.executable().root.noneStartEvent(), variables, instance);
    instance.setCalledInstanceKey(child.key());
    return null;
  }

  /**
   * The called version: the latest, the one deployed with the caller, or the latest with the
   * version tag.
   */
  private DeployedProcess resolve(
      ExecutableElement element, ElementInstance instance, String processId) {
    DeployedProcess found = null;
    for (DeployedProcess candidate : b.ctx().state().deployments().versionsOf(processId)) {
      boolean matches =
          switch (element.calledElement.binding()) {
            case "deployment" ->
                candidate.deploymentKey() == b.ctx().process(instance).deploymentKey();
            case "versionTag" ->
                element
                    .calledElement
                    .versionTag()
                    .equals(candidate.versionTag()); // metadata: no version parsed
            default -> true;
          };
      if (matches) {
        found = candidate;
      }
    }
    return found;
  }

  @Override
  public Failure beforeChildCompleted(
      ExecutableElement element, ElementInstance callActivity, ElementInstance child) {
    if (element.calledElement.propagateAllChildVariables() || !element.outputs.isEmpty()) {
      callActivity.setTriggerVariables(
          new LinkedHashMap<>(b.ctx().state().variables().local(child.key())));
    }
    return null;
  }

  @Override
  public void onChildCompleted(
      ExecutableElement element, ElementInstance callActivity, ElementInstance child) {
    callActivity.setCalledInstanceKey(-1);
    b.transitions().completeElement(callActivity);
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance) {
    b.subscriptions().unsubscribe(instance);
    b.incidents().resolveAll(instance);
    ElementInstance child =
        instance.calledInstanceKey() < 0
            ? null
            : b.ctx().state().instances().get(instance.calledInstanceKey());
    if (child == null) {
      b.transitions().transitionToTerminated(instance);
    } else {
      b.transitions().terminateElement(child);
    }
  }

  @Override
  public void onChildTerminated(
      ExecutableElement element, ElementInstance callActivity, ElementInstance child) {
    callActivity.setCalledInstanceKey(-1);
    if (callActivity.state() == ElementState.ELEMENT_TERMINATING) {
      b.transitions().transitionToTerminated(callActivity);
    }
  }
}
