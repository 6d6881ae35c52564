package landwatch.engine.bpmn;

import java.util.Map;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.ElementState;

/** Creates process instances: by command, by a start event's trigger, or by a call activity. */
public final class ProcessInstanceCreation {

  private final BpmnContext ctx;
  private final BpmnStateTransitions transitions;
  private final VariableBehavior variables;

  public ProcessInstanceCreation(BpmnContext ctx, BpmnStateTransitions transitions, VariableBehavior variables) {
    this.ctx = ctx;
    this.transitions = transitions;
    this.variables = variables;
  }

  /**
   * The instance starts at the given start event; its variables are set in the process instance's
   * scope before anything runs.
   */
  public ElementInstance create(DeployedProcess process, ExecutableElement startEvent, Map<String, Object> document,
      ElementInstance caller) {
    ElementInstance instance = new ElementInstance();
    instance.key = ctx.nextKey();
    instance.processInstanceKey = instance.key;
    instance.processDefinitionKey = process.key();
    instance.bpmnProcessId = process.bpmnProcessId();
    instance.version = process.version();
    instance.elementId = process.bpmnProcessId();
    instance.type = ElementType.PROCESS;
    instance.state = ElementState.ELEMENT_ACTIVATING;
    instance.startDate = ctx.now();
    // the process instance remembers where it starts: activation continues there
    instance.triggerElementId = startEvent.id;
    if (caller != null) {
      instance.parentProcessInstanceKey = caller.processInstanceKey;
      instance.parentElementInstanceKey = caller.key;
    }
    ctx.state().putInstance(instance);
    transitions.written(instance);
    variables.setLocalDocument(instance, document);
    ctx.batch().followUp(() -> transitions.activate(instance));
    return instance;
  }
}
