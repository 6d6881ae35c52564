package landwatch.engine.bpmn.behavior;

import java.util.Map;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;

/** Creates process instances: by command, by a start event's trigger, or by a call activity. */
public final class ProcessInstanceCreation {

  private final BpmnContext ctx;
  private final BpmnStateTransitions transitions;
  private final VariableBehavior variables;

  public ProcessInstanceCreation(
      BpmnContext ctx, BpmnStateTransitions transitions, VariableBehavior variables) {
    this.ctx = ctx;
    this.transitions = transitions;
    this.variables = variables;
  }

  /**
   * The instance starts at the given start event; its variables are set in the process instance's
   * scope before anything runs.
   */
  public ElementInstance create(
      DeployedProcess process,
      ExecutableElement startEvent,
      Map<String, Object> document,
      ElementInstance caller) {
    ElementInstance instance = ElementInstance.processInstance(ctx.nextKey(), process, ctx.now());
    // the process instance remembers where it starts: activation continues there
    instance.setTriggerElementId(startEvent.id);
    if (caller != null) {
      instance.calledBy(caller);
    }
    ctx.state().instances().put(instance);
    transitions.written(instance);
    variables.setLocalDocument(instance, document);
    ctx.batch().followUp(() -> transitions.activate(instance));
    return instance;
  }
}
