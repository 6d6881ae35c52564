package landwatch.engine.bpmn;

import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * The behaviour of one kind of BPMN element across Zeebe's lifecycle. Each step ends by calling
 * the matching transition of {@link BpmnStateTransitions}, or by raising an incident which stops
 * the instance in its current state until the incident is resolved.
 */
public interface BpmnElementProcessor {

  void onActivate(ExecutableElement element, ElementInstance instance);

  void onComplete(ExecutableElement element, ElementInstance instance);

  void onTerminate(ExecutableElement element, ElementInstance instance);
}
