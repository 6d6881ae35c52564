package landwatch.engine.bpmn.behavior;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import landwatch.engine.bpmn.BpmnContainerProcessor;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.BpmnProcessors;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.ProcessInstanceListener;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.record.intent.ProcessInstanceIntent;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.ElementState;

/**
 * Moves element instances through Zeebe's lifecycle, writing a PROCESS_INSTANCE record for each
 * step. Steps that Zeebe performs as follow-up commands are queued as follow-up work of the batch,
 * so deep processes never recurse deeply and every step sees the effects of the previous one. A
 * step that returns a {@link Failure} becomes an incident here, and only here.
 */
public final class BpmnStateTransitions {

  private final BpmnContext ctx;
  private final BpmnProcessors processors;
  private final IncidentBehavior incidents;
  private final List<ProcessInstanceListener> listeners;

  public BpmnStateTransitions(
      BpmnContext ctx,
      BpmnProcessors processors,
      IncidentBehavior incidents,
      List<ProcessInstanceListener> listeners) {
    this.ctx = ctx;
    this.processors = processors;
    this.incidents = incidents;
    this.listeners = listeners;
  }

  // ---- activation

  /** Creates a child of the flow scope in ACTIVATING and queues its activation. */
  public ElementInstance activateChild(
      ElementInstance flowScope, ExecutableElement element, Map<String, Object> triggerVariables) {
    boolean body =
        element.isMultiInstance()
            && !(flowScope.type() == ElementType.MULTI_INSTANCE_BODY
                && flowScope.elementId().equals(element.id));
    ElementInstance child =
        newInstance(flowScope, element.id, body ? ElementType.MULTI_INSTANCE_BODY : element.type);
    child.setTriggerVariables(triggerVariables);
    flowScope.childActivated();
    ctx.state().instances().put(child);
    write(child);
    ctx.batch().followUp(() -> activate(child));
    return child;
  }

  /**
   * Creates a child of the flow scope in ACTIVATING without running its activation: a modification
   * creates the flow scopes of an element it activates this way, as Zeebe does, so that a
   * sub-process does not start at its start event. The caller moves it to ACTIVATED.
   */
  public ElementInstance createFlowScope(ElementInstance flowScope, ExecutableElement element) {
    ElementInstance child = newInstance(flowScope, element.id, element.type);
    flowScope.childActivated();
    ctx.state().instances().put(child);
    write(child);
    return child;
  }

  private ElementInstance newInstance(
      ElementInstance flowScope, String elementId, ElementType type) {
    return ElementInstance.child(ctx.nextKey(), flowScope, elementId, type, ctx.now());
  }

  /** Runs (or re-runs, after an incident) the activation of an instance still ACTIVATING. */
  public void activate(ElementInstance instance) {
    if (isGone(instance) || instance.state() != ElementState.ELEMENT_ACTIVATING) {
      return;
    }
    Failure failure = processors.of(instance.type()).onActivate(ctx.element(instance), instance);
    stopOnFailure(failure, instance, IncidentBehavior.STEP_ACTIVATE);
  }

  public void transitionToActivated(ElementInstance instance) {
    instance.transitionTo(ElementState.ELEMENT_ACTIVATED);
    instance.setFailedStep(null);
    write(instance);
  }

  // ---- completion

  public void completeElement(ElementInstance instance) {
    ctx.batch()
        .followUp(
            () -> {
              if (isGone(instance) || instance.state() != ElementState.ELEMENT_ACTIVATED) {
                return;
              }
              instance.transitionTo(ElementState.ELEMENT_COMPLETING);
              write(instance);
              runCompletion(instance);
            });
  }

  /** Re-runs the completion of an instance an incident stopped while COMPLETING. */
  public void retryCompletion(ElementInstance instance) {
    if (!isGone(instance) && instance.state() == ElementState.ELEMENT_COMPLETING) {
      runCompletion(instance);
    }
  }

  private void runCompletion(ElementInstance instance) {
    Failure failure = processors.of(instance.type()).onComplete(ctx.element(instance), instance);
    stopOnFailure(failure, instance, IncidentBehavior.STEP_COMPLETE);
  }

  /**
   * A failed step leaves the instance where it is, with an incident whose resolution re-runs the
   * step.
   */
  private void stopOnFailure(Failure failure, ElementInstance instance, String step) {
    if (failure != null) {
      incidents.createIncident(failure, instance, step);
    }
  }

  /**
   * Hands a completing activity to its flow scope before it completes: a multi-instance body
   * collects its output element and evaluates its completion condition there (Zeebe's
   * beforeExecutionPathCompleted). Returns null, or the failure the caller must stop with: it fails
   * the activity's completion.
   */
  public Failure beforeCompleted(ElementInstance instance) {
    ElementInstance flowScope = ctx.flowScope(instance);
    return flowScope == null
        ? null
        : processors
            .container(flowScope.type())
            .beforeChildCompleted(ctx.element(flowScope), flowScope, instance);
  }

  /**
   * Ends the instance as completed; returns its flow scope (null for a process instance). An
   * activity must have passed {@link #beforeCompleted} first.
   */
  public ElementInstance transitionToCompleted(ElementInstance instance) {
    ElementInstance flowScope = ctx.flowScope(instance);
    if (flowScope == null) {
      listeners.forEach(l -> l.onCompleted(instance));
      ElementInstance caller =
          instance.parentElementInstanceKey() < 0
              ? null
              : ctx.state().instances().get(instance.parentElementInstanceKey());
      if (caller != null) {
        processors
            .container(ElementType.CALL_ACTIVITY)
            .beforeChildCompleted(ctx.element(caller), caller, instance);
      }
    }
    instance.transitionTo(ElementState.ELEMENT_COMPLETED);
    instance.setEndDate(ctx.now());
    instance.setFailedStep(null);
    write(instance);
    ctx.state().instances().remove(instance);
    if (flowScope != null) {
      flowScope.childEnded();
      if (flowScope.hasJoinTokens()) {
        ctx.batch().followUp(() -> inclusiveJoins(flowScope));
      }
    }
    return flowScope;
  }

  /** The usual end of a completion: take every outgoing flow, or end the execution path. */
  public void takeOutgoingFlows(
      ExecutableElement element, ElementInstance completed, ElementInstance flowScope) {
    if (flowScope == null) {
      afterProcessEnded(completed);
      return;
    }
    List<ExecutableFlow> outgoing =
        completed.type() == ElementType.MULTI_INSTANCE_BODY || !element.isMultiInstance()
            ? element.outgoing
            : List.of();
    if (outgoing.isEmpty()) {
      pathEnded(flowScope, completed);
      return;
    }
    for (ExecutableFlow flow : outgoing) {
      takeFlow(flow, flowScope);
    }
  }

  public void pathEnded(ElementInstance flowScope, ElementInstance completed) {
    processors
        .container(flowScope.type())
        .onChildCompleted(ctx.element(flowScope), flowScope, completed);
  }

  public void takeFlow(ExecutableFlow flow, ElementInstance flowScope) {
    takeFlow(flow, flowScope, null);
  }

  /**
   * Takes the flow; the variables are handed to the target (an event-based gateway's caught event).
   */
  public void takeFlow(
      ExecutableFlow flow, ElementInstance flowScope, Map<String, Object> triggerVariables) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("elementId", flow.id);
    value.put("bpmnElementType", "SEQUENCE_FLOW");
    value.put("processInstanceKey", flowScope.processInstanceKey());
    value.put("flowScopeKey", flowScope.key());
    ctx.records().append(ctx.nextKey(), ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, value);
    ctx.state().history().sequenceFlowTaken(flowScope, flow.id);
    ExecutableElement target = flow.target;
    if (target.type == ElementType.PARALLEL_GATEWAY && target.incoming.size() > 1) {
      join(flow, target, flowScope);
    } else if (target.type == ElementType.INCLUSIVE_GATEWAY && target.incoming.size() > 1) {
      flowScope.addJoinToken(target.id + "/" + flow.id);
      ctx.batch().followUp(() -> inclusiveJoins(flowScope));
    } else {
      activateChild(flowScope, target, triggerVariables);
    }
  }

  /** A parallel join activates once a token waits on every incoming flow, consuming one each. */
  private void join(ExecutableFlow taken, ExecutableElement gateway, ElementInstance flowScope) {
    flowScope.addJoinToken(gateway.id + "/" + taken.id);
    for (ExecutableFlow incoming : gateway.incoming) {
      if (flowScope.joinTokens(gateway.id + "/" + incoming.id) == 0) {
        return;
      }
    }
    for (ExecutableFlow incoming : gateway.incoming) {
      flowScope.consumeJoinToken(gateway.id + "/" + incoming.id);
    }
    activateChild(flowScope, gateway, null);
  }

  /**
   * Inclusive joins of the scope with waiting tokens activate once no incoming flow without a token
   * can still be reached from anything running (or waiting) in the scope, consuming one token per
   * flow that has one. Re-checked whenever a child of the scope ends.
   */
  private void inclusiveJoins(ElementInstance flowScope) {
    if (isGone(flowScope)
        || !flowScope.hasJoinTokens()
        || flowScope.state() != ElementState.ELEMENT_ACTIVATED) {
      return;
    }
    ExecutableProcess process = ctx.process(flowScope).executable();
    for (String gatewayId : waitingGateways(flowScope)) {
      ExecutableElement gateway = process.element(gatewayId);
      if (gateway.type == ElementType.INCLUSIVE_GATEWAY
          && !mayStillCome(flowScope, gateway, process)) {
        for (ExecutableFlow incoming : gateway.incoming) {
          flowScope.consumeJoinToken(gateway.id + "/" + incoming.id);
        }
        activateChild(flowScope, gateway, null);
      }
    }
  }

  private static Set<String> waitingGateways(ElementInstance flowScope) {
    Set<String> gateways = new LinkedHashSet<>();
    flowScope
        .joinTokenNames()
        .forEach(token -> gateways.add(token.substring(0, token.indexOf('/'))));
    return gateways;
  }

  private boolean mayStillCome(
      ElementInstance flowScope, ExecutableElement gateway, ExecutableProcess process) {
    List<ExecutableElement> sources =
        gateway.incoming.stream()
            .filter(f -> flowScope.joinTokens(gateway.id + "/" + f.id) == 0)
            .map(f -> f.source)
            .toList();
    if (sources.isEmpty()) {
      return false;
    }
    List<ExecutableElement> running = new ArrayList<>();
    ctx.state()
        .instances()
        .children(flowScope.key())
        .forEach(child -> running.add(process.element(child.elementId())));
    waitingGateways(flowScope).stream()
        .filter(id -> !id.equals(gateway.id))
        .forEach(id -> running.add(process.element(id)));
    for (ExecutableElement element : running) {
      for (ExecutableElement source : sources) {
        if (element == source || element.reachable().contains(source)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A container can complete when nothing runs in it and no token waits at a join. */
  public boolean canComplete(ElementInstance container) {
    return container.activeChildren() == 0
        && !container.hasJoinTokens()
        && container.state() == ElementState.ELEMENT_ACTIVATED;
  }

  // ---- termination

  public void terminateElement(ElementInstance instance) {
    ctx.batch()
        .followUp(
            () -> {
              if (isGone(instance) || instance.state() == ElementState.ELEMENT_TERMINATING) {
                return;
              }
              instance.transitionTo(ElementState.ELEMENT_TERMINATING);
              write(instance);
              processors.of(instance.type()).onTerminate(ctx.element(instance), instance);
            });
  }

  /** Terminates every child; returns false when there was none. */
  public boolean terminateChildren(ElementInstance container) {
    List<ElementInstance> children = ctx.state().instances().children(container.key());
    children.forEach(this::terminateElement);
    return !children.isEmpty();
  }

  public void transitionToTerminated(ElementInstance instance) {
    ElementInstance flowScope = ctx.flowScope(instance);
    instance.transitionTo(ElementState.ELEMENT_TERMINATED);
    instance.setEndDate(ctx.now());
    write(instance);
    ctx.state().instances().remove(instance);
    if (flowScope == null) {
      listeners.forEach(l -> l.onTerminated(instance));
      afterProcessEnded(instance);
      return;
    }
    flowScope.childEnded();
    if (flowScope.hasJoinTokens()) {
      ctx.batch().followUp(() -> inclusiveJoins(flowScope));
    }
    if (instance.triggerElementId() != null && !instance.interruptedByEventSubProcess()) {
      // an interrupting boundary event: it takes the place of the activity it interrupted
      ExecutableElement boundary =
          ctx.process(instance).executable().element(instance.triggerElementId());
      activateChild(flowScope, boundary, instance.triggerVariables());
    }
    processors
        .container(flowScope.type())
        .onChildTerminated(ctx.element(flowScope), flowScope, instance);
  }

  /** A process instance ended: a calling activity (if any) continues. */
  private void afterProcessEnded(ElementInstance processInstance) {
    if (processInstance.parentElementInstanceKey() < 0) {
      return;
    }
    ElementInstance callActivity =
        ctx.state().instances().get(processInstance.parentElementInstanceKey());
    if (callActivity == null) {
      return;
    }
    BpmnContainerProcessor processor = processors.container(ElementType.CALL_ACTIVITY);
    if (processInstance.state() == ElementState.ELEMENT_COMPLETED) {
      processor.onChildCompleted(ctx.element(callActivity), callActivity, processInstance);
    } else {
      processor.onChildTerminated(ctx.element(callActivity), callActivity, processInstance);
    }
  }

  public boolean isGone(ElementInstance instance) {
    return ctx.state().instances().get(instance.key()) != instance;
  }

  /** The instance now runs (a version of) another element: ELEMENT_MIGRATED. */
  public void migrated(ElementInstance instance) {
    write(instance, ProcessInstanceIntent.ELEMENT_MIGRATED);
  }

  private void write(ElementInstance instance) {
    write(instance, instance.state().intent());
  }

  private void write(ElementInstance instance, ProcessInstanceIntent intent) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("bpmnElementType", instance.type().name());
    value.put("elementId", instance.elementId());
    value.put("bpmnProcessId", instance.bpmnProcessId());
    value.put("version", instance.version());
    value.put("processDefinitionKey", instance.processDefinitionKey());
    value.put("processInstanceKey", instance.processInstanceKey());
    value.put("flowScopeKey", instance.flowScopeKey());
    ctx.records().append(instance.key(), intent, value);
  }

  /** Writes the record of a freshly created process instance. */
  public void written(ElementInstance processInstance) {
    write(processInstance);
  }
}
