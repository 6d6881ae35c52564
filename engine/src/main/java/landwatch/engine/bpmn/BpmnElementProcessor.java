package landwatch.engine.bpmn;

import landwatch.engine.bpmn.behavior.BpmnStateTransitions;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * The behaviour of one kind of BPMN element across Zeebe's lifecycle. Each step ends by calling the
 * matching transition of {@link BpmnStateTransitions}, or returns the {@link Failure} that stopped
 * it, without transition; the caller, {@link BpmnStateTransitions}, turns that into an incident,
 * which holds the instance in its current state until it is resolved and the step re-runs.
 * Termination cannot fail.
 */
public interface BpmnElementProcessor {

  /** Returns null when the activation went on, else why the instance stays ACTIVATING. */
  Failure onActivate(ExecutableElement element, ElementInstance instance);

  /** Returns null when the completion went on, else why the instance stays COMPLETING. */
  Failure onComplete(ExecutableElement element, ElementInstance instance);

  void onTerminate(ExecutableElement element, ElementInstance instance);
}
