package landwatch.engine.bpmn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.ElementState;

/**
 * Moves element instances through Zeebe's lifecycle, writing a PROCESS_INSTANCE record for each
 * step. Steps that Zeebe performs as follow-up commands are queued as follow-up work of the batch,
 * so deep processes never recurse deeply and every step sees the effects of the previous one.
 * A step that returns a {@link Failure} becomes an incident here, and only here.
 */
public final class BpmnStateTransitions {

  private final BpmnContext ctx;
  private final BpmnProcessors processors;
  private final IncidentBehavior incidents;
  private final List<ProcessInstanceListener> listeners;

  public BpmnStateTransitions(BpmnContext ctx, BpmnProcessors processors, IncidentBehavior incidents,
      List<ProcessInstanceListener> listeners) {
    this.ctx = ctx;
    this.processors = processors;
    this.incidents = incidents;
    this.listeners = listeners;
  }

  // ---- activation

  /** Creates a child of the flow scope in ACTIVATING and queues its activation. */
  public ElementInstance activateChild(ElementInstance flowScope, ExecutableElement element, Map<String, Object> triggerVariables) {
    boolean body = element.isMultiInstance()
        && !(flowScope.type == ElementType.MULTI_INSTANCE_BODY && flowScope.elementId.equals(element.id));
    ElementInstance child = newInstance(flowScope, element.id, body ? ElementType.MULTI_INSTANCE_BODY : element.type);
    child.triggerVariables = triggerVariables;
    flowScope.activeChildren++;
    ctx.state().touch(flowScope);
    ctx.state().putInstance(child);
    write(child);
    ctx.batch().followUp(() -> activate(child));
    return child;
  }

  private ElementInstance newInstance(ElementInstance flowScope, String elementId, ElementType type) {
    ElementInstance child = new ElementInstance();
    child.key = ctx.nextKey();
    child.processInstanceKey = flowScope.processInstanceKey;
    child.processDefinitionKey = flowScope.processDefinitionKey;
    child.bpmnProcessId = flowScope.bpmnProcessId;
    child.version = flowScope.version;
    child.elementId = elementId;
    child.type = type;
    child.state = ElementState.ELEMENT_ACTIVATING;
    child.flowScopeKey = flowScope.key;
    child.startDate = ctx.now();
    return child;
  }

  /** Runs (or re-runs, after an incident) the activation of an instance still ACTIVATING. */
  public void activate(ElementInstance instance) {
    if (isGone(instance) || instance.state != ElementState.ELEMENT_ACTIVATING) {
      return;
    }
    Failure failure = processors.of(instance.type).onActivate(ctx.element(instance), instance);
    stopOnFailure(failure, instance, IncidentBehavior.STEP_ACTIVATE);
  }

  public void transitionToActivated(ElementInstance instance) {
    instance.state = ElementState.ELEMENT_ACTIVATED;
    instance.failedStep = null;
    ctx.state().touch(instance);
    write(instance);
  }

  // ---- completion

  public void completeElement(ElementInstance instance) {
    ctx.batch().followUp(() -> {
      if (isGone(instance) || instance.state != ElementState.ELEMENT_ACTIVATED) {
        return;
      }
      instance.state = ElementState.ELEMENT_COMPLETING;
      ctx.state().touch(instance);
      write(instance);
      runCompletion(instance);
    });
  }

  /** Re-runs the completion of an instance an incident stopped while COMPLETING. */
  public void retryCompletion(ElementInstance instance) {
    if (!isGone(instance) && instance.state == ElementState.ELEMENT_COMPLETING) {
      runCompletion(instance);
    }
  }

  private void runCompletion(ElementInstance instance) {
    Failure failure = processors.of(instance.type).onComplete(ctx.element(instance), instance);
    stopOnFailure(failure, instance, IncidentBehavior.STEP_COMPLETE);
  }

  /** A failed step leaves the instance where it is, with an incident whose resolution re-runs the step. */
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
        ? null : processors.container(flowScope.type).beforeChildCompleted(ctx.element(flowScope), flowScope, instance);
  }

  /**
   * Ends the instance as completed; returns its flow scope (null for a process instance). An
   * activity must have passed {@link #beforeCompleted} first.
   */
  public ElementInstance transitionToCompleted(ElementInstance instance) {
    ElementInstance flowScope = ctx.flowScope(instance);
    if (flowScope == null) {
      listeners.forEach(l -> l.onCompleted(instance));
      ElementInstance caller = instance.parentElementInstanceKey < 0 ? null : ctx.state().instance(instance.parentElementInstanceKey);
      if (caller != null) {
        processors.container(ElementType.CALL_ACTIVITY).beforeChildCompleted(ctx.element(caller), caller, instance);
      }
    }
    instance.state = ElementState.ELEMENT_COMPLETED;
    instance.endDate = ctx.now();
    instance.failedStep = null;
    write(instance);
    ctx.state().removeInstance(instance);
    if (flowScope != null) {
      flowScope.activeChildren--;
      ctx.state().touch(flowScope);
      if (!flowScope.joinTokens.isEmpty()) {
        ctx.batch().followUp(() -> inclusiveJoins(flowScope));
      }
    }
    return flowScope;
  }

  /** The usual end of a completion: take every outgoing flow, or end the execution path. */
  public void takeOutgoingFlows(ExecutableElement element, ElementInstance completed, ElementInstance flowScope) {
    if (flowScope == null) {
      afterProcessEnded(completed);
      return;
    }
    List<ExecutableFlow> outgoing = completed.type == ElementType.MULTI_INSTANCE_BODY || !element.isMultiInstance()
        ? element.outgoing : List.of();
    if (outgoing.isEmpty()) {
      pathEnded(flowScope, completed);
      return;
    }
    for (ExecutableFlow flow : outgoing) {
      takeFlow(flow, flowScope);
    }
  }

  public void pathEnded(ElementInstance flowScope, ElementInstance completed) {
    processors.container(flowScope.type).onChildCompleted(ctx.element(flowScope), flowScope, completed);
  }

  public void takeFlow(ExecutableFlow flow, ElementInstance flowScope) {
    takeFlow(flow, flowScope, null);
  }

  /** Takes the flow; the variables are handed to the target (an event-based gateway's caught event). */
  public void takeFlow(ExecutableFlow flow, ElementInstance flowScope, Map<String, Object> triggerVariables) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("elementId", flow.id);
    value.put("bpmnElementType", "SEQUENCE_FLOW");
    value.put("processInstanceKey", flowScope.processInstanceKey);
    value.put("flowScopeKey", flowScope.key);
    ctx.record(ctx.nextKey(), "PROCESS_INSTANCE", "SEQUENCE_FLOW_TAKEN", value);
    ExecutableElement target = flow.target;
    if (target.type == ElementType.PARALLEL_GATEWAY && target.incoming.size() > 1) {
      join(flow, target, flowScope);
    } else if (target.type == ElementType.INCLUSIVE_GATEWAY && target.incoming.size() > 1) {
      flowScope.joinTokens.merge(target.id + "/" + flow.id, 1, Integer::sum);
      ctx.state().touch(flowScope);
      ctx.batch().followUp(() -> inclusiveJoins(flowScope));
    } else {
      activateChild(flowScope, target, triggerVariables);
    }
  }

  /** A parallel join activates once a token waits on every incoming flow, consuming one each. */
  private void join(ExecutableFlow taken, ExecutableElement gateway, ElementInstance flowScope) {
    flowScope.joinTokens.merge(gateway.id + "/" + taken.id, 1, Integer::sum);
    for (ExecutableFlow incoming : gateway.incoming) {
      if (flowScope.joinTokens.getOrDefault(gateway.id + "/" + incoming.id, 0) == 0) {
        ctx.state().touch(flowScope);
        return;
      }
    }
    for (ExecutableFlow incoming : gateway.incoming) {
      String token = gateway.id + "/" + incoming.id;
      int left = flowScope.joinTokens.get(token) - 1;
      if (left == 0) {
        flowScope.joinTokens.remove(token);
      } else {
        flowScope.joinTokens.put(token, left);
      }
    }
    activateChild(flowScope, gateway, null);
  }

  /**
   * Inclusive joins of the scope with waiting tokens activate once no incoming flow without a token
   * can still be reached from anything running (or waiting) in the scope, consuming one token per
   * flow that has one. Re-checked whenever a child of the scope ends.
   */
  private void inclusiveJoins(ElementInstance flowScope) {
    if (isGone(flowScope) || flowScope.joinTokens.isEmpty() || flowScope.state != ElementState.ELEMENT_ACTIVATED) {
      return;
    }
    ExecutableProcess process = ctx.process(flowScope).executable();
    for (String gatewayId : waitingGateways(flowScope)) {
      ExecutableElement gateway = process.element(gatewayId);
      if (gateway.type == ElementType.INCLUSIVE_GATEWAY && !mayStillCome(flowScope, gateway, process)) {
        for (ExecutableFlow incoming : gateway.incoming) {
          String token = gateway.id + "/" + incoming.id;
          Integer count = flowScope.joinTokens.get(token);
          if (count != null) {
            if (count == 1) {
              flowScope.joinTokens.remove(token);
            } else {
              flowScope.joinTokens.put(token, count - 1);
            }
          }
        }
        activateChild(flowScope, gateway, null);
      }
    }
  }

  private static Set<String> waitingGateways(ElementInstance flowScope) {
    Set<String> gateways = new LinkedHashSet<>();
    flowScope.joinTokens.keySet().forEach(token -> gateways.add(token.substring(0, token.indexOf('/'))));
    return gateways;
  }

  private boolean mayStillCome(ElementInstance flowScope, ExecutableElement gateway, ExecutableProcess process) {
    List<ExecutableElement> sources = gateway.incoming.stream()
        .filter(f -> !flowScope.joinTokens.containsKey(gateway.id + "/" + f.id)).map(f -> f.source).toList();
    if (sources.isEmpty()) {
      return false;
    }
    List<ExecutableElement> running = new ArrayList<>();
    ctx.state().children(flowScope.key).forEach(child -> running.add(process.element(child.elementId)));
    waitingGateways(flowScope).stream().filter(id -> !id.equals(gateway.id)).forEach(id -> running.add(process.element(id)));
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
    return container.activeChildren == 0 && container.joinTokens.isEmpty()
        && container.state == ElementState.ELEMENT_ACTIVATED;
  }

  // ---- termination

  public void terminateElement(ElementInstance instance) {
    ctx.batch().followUp(() -> {
      if (isGone(instance) || instance.state == ElementState.ELEMENT_TERMINATING) {
        return;
      }
      instance.state = ElementState.ELEMENT_TERMINATING;
      ctx.state().touch(instance);
      write(instance);
      processors.of(instance.type).onTerminate(ctx.element(instance), instance);
    });
  }

  /** Terminates every child; returns false when there was none. */
  public boolean terminateChildren(ElementInstance container) {
    List<ElementInstance> children = ctx.state().children(container.key);
    children.forEach(this::terminateElement);
    return !children.isEmpty();
  }

  public void transitionToTerminated(ElementInstance instance) {
    ElementInstance flowScope = ctx.flowScope(instance);
    instance.state = ElementState.ELEMENT_TERMINATED;
    instance.endDate = ctx.now();
    write(instance);
    ctx.state().removeInstance(instance);
    if (flowScope == null) {
      listeners.forEach(l -> l.onTerminated(instance));
      afterProcessEnded(instance);
      return;
    }
    flowScope.activeChildren--;
    ctx.state().touch(flowScope);
    if (!flowScope.joinTokens.isEmpty()) {
      ctx.batch().followUp(() -> inclusiveJoins(flowScope));
    }
    if (instance.triggerElementId != null && !instance.interruptedByEventSubProcess) {
      // an interrupting boundary event: it takes the place of the activity it interrupted
      ExecutableElement boundary = ctx.process(instance).executable().element(instance.triggerElementId);
      activateChild(flowScope, boundary, instance.triggerVariables);
    }
    processors.container(flowScope.type).onChildTerminated(ctx.element(flowScope), flowScope, instance);
  }

  /** A process instance ended: a calling activity (if any) continues. */
  private void afterProcessEnded(ElementInstance processInstance) {
    if (processInstance.parentElementInstanceKey < 0) {
      return;
    }
    ElementInstance callActivity = ctx.state().instance(processInstance.parentElementInstanceKey);
    if (callActivity == null) {
      return;
    }
    BpmnContainerProcessor processor = processors.container(ElementType.CALL_ACTIVITY);
    if (processInstance.state == ElementState.ELEMENT_COMPLETED) {
      processor.onChildCompleted(ctx.element(callActivity), callActivity, processInstance);
    } else {
      processor.onChildTerminated(ctx.element(callActivity), callActivity, processInstance);
    }
  }

  public boolean isGone(ElementInstance instance) {
    return ctx.state().instance(instance.key) != instance;
  }

  private void write(ElementInstance instance) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("bpmnElementType", instance.type.name());
    value.put("elementId", instance.elementId);
    value.put("bpmnProcessId", instance.bpmnProcessId);
    value.put("version", instance.version);
    value.put("processDefinitionKey", instance.processDefinitionKey);
    value.put("processInstanceKey", instance.processInstanceKey);
    value.put("flowScopeKey", instance.flowScopeKey);
    ctx.record(instance.key, "PROCESS_INSTANCE", instance.state.name(), value);
  }

  /** Writes the record of a freshly created process instance. */
  public void written(ElementInstance processInstance) {
    write(processInstance);
  }
}
