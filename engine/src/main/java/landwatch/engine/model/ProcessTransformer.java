package landwatch.engine.model;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import landwatch.engine.feel.FeelEvaluator;

/**
 * Turns a validated BPMN model into {@link ExecutableProcess}es, collecting a message for every
 * element or attribute the engine cannot execute, as Zeebe's deployment does.
 */
public final class ProcessTransformer {

  private final FeelEvaluator feel;
  private final List<String> problems = new ArrayList<>();

  public ProcessTransformer(FeelEvaluator feel) {
    this.feel = feel;
  }

  /** The executable processes; {@link #problems()} lists what made the model unacceptable. */
  public List<ExecutableProcess> transform(BpmnModelInstance model) {
    List<ExecutableProcess> processes = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      ExecutableElement root = new ExecutableElement(process.getId(), process.getName(), ElementType.PROCESS);
      ExecutableProcess executable = new ExecutableProcess(process.getId(), root);
      ZeebeVersionTag versionTag = process.getSingleExtensionElement(ZeebeVersionTag.class);
      executable.versionTag = versionTag == null ? null : versionTag.getValue();
      executable.elements.put(root.id, root);
      transformScope(executable, root, process.getFlowElements());
      resolveLinks(executable);
      processes.add(executable);
    }
    if (processes.isEmpty() && problems.isEmpty()) {
      problems.add("Must contain at least one executable process");
    }
    return processes;
  }

  public List<String> problems() {
    return problems;
  }

  private void transformScope(ExecutableProcess process, ExecutableElement scope, Collection<FlowElement> flowElements) {
    List<SequenceFlow> flows = new ArrayList<>();
    for (FlowElement flowElement : flowElements) {
      if (flowElement instanceof SequenceFlow flow) {
        flows.add(flow);
      } else if (flowElement instanceof FlowNode node) {
        ExecutableElement element = transformNode(process, node);
        if (element != null) {
          element.flowScope = scope;
          placeInScope(scope, element, node);
        }
      }
    }
    for (SequenceFlow flow : flows) {
      ExecutableFlow executable = new ExecutableFlow(flow.getId(), conditionOf(flow));
      executable.source = process.elements.get(flow.getSource().getId());
      executable.target = process.elements.get(flow.getTarget().getId());
      if (executable.source != null && executable.target != null) {
        executable.source.outgoing.add(executable);
        executable.target.incoming.add(executable);
      }
    }
    for (FlowElement flowElement : flowElements) {
      if (flowElement instanceof ExclusiveGateway gateway && gateway.getDefault() != null) {
        setDefault(process, gateway.getId(), gateway.getDefault().getId());
      } else if (flowElement instanceof InclusiveGateway gateway && gateway.getDefault() != null) {
        setDefault(process, gateway.getId(), gateway.getDefault().getId());
      }
    }
    for (ExecutableElement child : scope.children) {
      checkGatewayShape(child);
    }
  }

  private void placeInScope(ExecutableElement scope, ExecutableElement element, FlowNode node) {
    if (element.type == ElementType.EVENT_SUB_PROCESS) {
      scope.eventSubProcesses.add(element);
      return;
    }
    scope.children.add(element);
    if (element.type == ElementType.START_EVENT) {
      if (element.eventType == EventType.NONE) {
        scope.noneStartEvent = element;
      } else if (scope.type == ElementType.EVENT_SUB_PROCESS) {
        scope.eventStart = element;
        scope.interrupting = ((StartEvent) node).isInterrupting();
        element.interrupting = scope.interrupting;
      } else if (scope.type == ElementType.PROCESS) {
        if (element.eventType != EventType.MESSAGE && element.eventType != EventType.TIMER
            && element.eventType != EventType.SIGNAL) {
          problem(element.id, "a start event of a process must be a none, message, timer or signal start event");
        }
      } else {
        problem(element.id, "a start event inside an embedded sub-process must be a none start event");
      }
    }
  }

  private ExecutableElement transformNode(ExecutableProcess process, FlowNode node) {
    ElementType type = typeOf(node);
    if (type == null) {
      problem(node.getId(), "the element '" + node.getElementType().getTypeName() + "' is not supported");
      return null;
    }
    ExecutableElement element = new ExecutableElement(node.getId(), node.getName(), type);
    process.elements.put(element.id, element);
    if (node.getSingleExtensionElement(ZeebeExecutionListeners.class) != null) {
      problem(node.getId(), "execution listeners are not supported");
    }
    readIoMapping(node, element);
    readEventDefinition(node, element);
    readTask(node, element);
    if (node instanceof BoundaryEvent boundary) {
      element.interrupting = boundary.cancelActivity();
      ExecutableElement attachedTo = process.elements.get(boundary.getAttachedTo().getId());
      if (attachedTo == null) {
        problem(node.getId(), "the boundary event must be declared after the activity it is attached to");
      } else {
        element.attachedTo = attachedTo;
        attachedTo.boundaryEvents.add(element);
      }
      if (element.eventType == EventType.NONE) {
        problem(node.getId(), "a boundary event needs an event definition");
      }
    }
    if (node instanceof SubProcess subProcess) {
      transformScope(process, element, subProcess.getFlowElements());
      if (type == ElementType.SUB_PROCESS && element.noneStartEvent == null) {
        problem(node.getId(), "an embedded sub-process must have exactly one none start event");
      }
      if (type == ElementType.EVENT_SUB_PROCESS && element.eventStart == null) {
        problem(node.getId(), "an event sub-process must have one start event with an event definition");
      }
    }
    if (type == ElementType.START_EVENT && element.eventType != EventType.NONE
        && node.getParentElement() instanceof Process) {
      process.eventStartEvents.add(element);
    }
    if (node instanceof Activity activity && activity.isForCompensation()) {
      problem(node.getId(), "compensation activities are not supported");
    }
    if (node instanceof Activity activity && activity.getLoopCharacteristics() != null) {
      readLoop(activity, element);
    }
    return element;
  }

  private ElementType typeOf(FlowNode node) {
    if (node instanceof StartEvent) return ElementType.START_EVENT;
    if (node instanceof EndEvent) return ElementType.END_EVENT;
    if (node instanceof BoundaryEvent) return ElementType.BOUNDARY_EVENT;
    if (node instanceof IntermediateCatchEvent) return ElementType.INTERMEDIATE_CATCH_EVENT;
    if (node instanceof IntermediateThrowEvent) return ElementType.INTERMEDIATE_THROW_EVENT;
    if (node instanceof ServiceTask) return ElementType.SERVICE_TASK;
    if (node instanceof SendTask) return ElementType.SEND_TASK;
    if (node instanceof ScriptTask) return ElementType.SCRIPT_TASK;
    if (node instanceof UserTask) return ElementType.USER_TASK;
    if (node instanceof BusinessRuleTask) return ElementType.BUSINESS_RULE_TASK;
    if (node instanceof ReceiveTask) return ElementType.RECEIVE_TASK;
    if (node instanceof ManualTask) return ElementType.MANUAL_TASK;
    if (node instanceof ExclusiveGateway) return ElementType.EXCLUSIVE_GATEWAY;
    if (node instanceof ParallelGateway) return ElementType.PARALLEL_GATEWAY;
    if (node instanceof InclusiveGateway) return ElementType.INCLUSIVE_GATEWAY;
    if (node instanceof EventBasedGateway) return ElementType.EVENT_BASED_GATEWAY;
    if (node instanceof CallActivity) return ElementType.CALL_ACTIVITY;
    if (node instanceof SubProcess sub) {
      String typeName = sub.getElementType().getTypeName();
      if (!typeName.equals("subProcess")) {
        return null;
      }
      return sub.triggeredByEvent() ? ElementType.EVENT_SUB_PROCESS : ElementType.SUB_PROCESS;
    }
    if (node instanceof Task && node.getElementType().getTypeName().equals("task")) return ElementType.TASK;
    return null;
  }

  private void readTask(FlowNode node, ExecutableElement element) {
    ZeebeTaskDefinition task = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (task != null) {
      element.jobType = expression(node.getId(), "job type", task.getType());
      element.jobRetries = expression(node.getId(), "job retries", task.getRetries() == null ? "3" : task.getRetries());
      ZeebeTaskHeaders headers = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
      if (headers != null) {
        headers.getHeaders().forEach(h -> element.taskHeaders.put(h.getKey(), h.getValue()));
      }
    }
    switch (element.type) {
      case SERVICE_TASK, SEND_TASK -> {
        if (task == null) {
          problem(node.getId(), "a " + node.getElementType().getTypeName() + " must have a zeebe:taskDefinition with a type");
        }
      }
      case SCRIPT_TASK -> readScript(node, element, task);
      case USER_TASK -> {
        element.zeebeUserTask = node.getSingleExtensionElement(ZeebeUserTask.class) != null;
        if (!element.zeebeUserTask) {
          element.jobType = Expression.of("io.camunda.zeebe:userTask");
          element.jobRetries = Expression.of("1");
        }
      }
      case CALL_ACTIVITY -> {
        ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
        if (called == null || called.getProcessId() == null) {
          problem(node.getId(), "a call activity must have a zeebe:calledElement with a processId");
        } else {
          element.calledProcessId = expression(node.getId(), "called process id", called.getProcessId());
          element.propagateAllChildVariables = called.isPropagateAllChildVariablesEnabled();
          element.propagateAllParentVariables = called.isPropagateAllParentVariablesEnabled();
          if (called.getBindingType() != null) {
            element.calledBinding = called.getBindingType().name();
            element.calledVersionTag = called.getVersionTag();
          }
          if ("versionTag".equals(element.calledBinding) && (element.calledVersionTag == null || element.calledVersionTag.isBlank())) {
            problem(node.getId(), "a call activity with binding type 'versionTag' needs a versionTag");
          }
        }
      }
      case RECEIVE_TASK -> {
        element.eventType = EventType.MESSAGE;
        if (element.messageName == null) {
          readMessage(node, element, ((ReceiveTask) node).getMessage());
        }
      }
      default -> { }
    }
  }

  private void readScript(FlowNode node, ExecutableElement element, ZeebeTaskDefinition task) {
    ZeebeScript script = node.getSingleExtensionElement(ZeebeScript.class);
    if (script != null) {
      element.script = Expression.feel(script.getExpression());
      parseCheck(node.getId(), "script", element.script);
      element.resultVariable = script.getResultVariable();
    } else if (task == null) {
      problem(node.getId(), "a script task must have a zeebe:script or a zeebe:taskDefinition");
    }
  }

  private void readIoMapping(FlowNode node, ExecutableElement element) {
    ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
    if (io == null) {
      return;
    }
    io.getInputs().forEach(m -> element.inputs.add(mapping(node.getId(), m.getSource(), m.getTarget())));
    io.getOutputs().forEach(m -> element.outputs.add(mapping(node.getId(), m.getSource(), m.getTarget())));
  }

  private Mapping mapping(String elementId, String source, String target) {
    Expression expression = Expression.feel(source == null ? "null" : source);
    parseCheck(elementId, "mapping source", expression);
    return new Mapping(expression, target);
  }

  private void readEventDefinition(FlowNode node, ExecutableElement element) {
    Collection<EventDefinition> definitions = List.of();
    if (node instanceof CatchEvent catchEvent) {
      definitions = catchEvent.getEventDefinitions();
    } else if (node instanceof io.camunda.zeebe.model.bpmn.instance.ThrowEvent throwEvent) {
      definitions = throwEvent.getEventDefinitions();
    }
    if (definitions.size() > 1) {
      problem(node.getId(), "multiple event definitions are not supported");
      return;
    }
    for (EventDefinition definition : definitions) {
      if (definition instanceof MessageEventDefinition message) {
        element.eventType = EventType.MESSAGE;
        if (node instanceof CatchEvent) {
          readMessage(node, element, message.getMessage());
        }
      } else if (definition instanceof TimerEventDefinition timer) {
        element.eventType = EventType.TIMER;
        readTimer(node, element, timer);
      } else if (definition instanceof ErrorEventDefinition error) {
        element.eventType = EventType.ERROR;
        if (error.getError() != null && error.getError().getErrorCode() != null) {
          element.errorCode = expression(node.getId(), "error code", error.getError().getErrorCode());
        } else if (node instanceof EndEvent) {
          problem(node.getId(), "an error end event must reference an error with an error code");
        }
      } else if (definition instanceof EscalationEventDefinition escalation) {
        element.eventType = EventType.ESCALATION;
        if (escalation.getEscalation() != null && escalation.getEscalation().getEscalationCode() != null) {
          element.escalationCode = expression(node.getId(), "escalation code", escalation.getEscalation().getEscalationCode());
        } else if (!(node instanceof CatchEvent)) {
          problem(node.getId(), "a throwing escalation event must reference an escalation with a code");
        }
      } else if (definition instanceof SignalEventDefinition signal) {
        element.eventType = EventType.SIGNAL;
        if (signal.getSignal() == null || signal.getSignal().getName() == null) {
          problem(node.getId(), "a signal event must reference a signal with a name");
        } else {
          element.signalName = expression(node.getId(), "signal name", signal.getSignal().getName());
        }
      } else if (definition instanceof TerminateEventDefinition) {
        element.eventType = EventType.TERMINATE;
      } else if (definition instanceof LinkEventDefinition link) {
        element.eventType = EventType.LINK;
        element.linkName = link.getName();
      } else {
        problem(node.getId(), "the event definition '" + definition.getElementType().getTypeName() + "' is not supported");
      }
    }
    checkEventPlacement(node, element);
  }

  private void checkEventPlacement(FlowNode node, ExecutableElement element) {
    EventType event = element.eventType;
    String where = node.getElementType().getTypeName();
    boolean supported = switch (element.type) {
      case START_EVENT -> event != EventType.TERMINATE && event != EventType.LINK;
      case END_EVENT -> event == EventType.NONE || event == EventType.ERROR || event == EventType.TERMINATE
          || event == EventType.ESCALATION || event == EventType.SIGNAL || event == EventType.MESSAGE;
      case INTERMEDIATE_CATCH_EVENT -> event == EventType.MESSAGE || event == EventType.TIMER
          || event == EventType.SIGNAL || event == EventType.LINK;
      case INTERMEDIATE_THROW_EVENT -> event == EventType.NONE || event == EventType.ESCALATION
          || event == EventType.SIGNAL || event == EventType.LINK || event == EventType.MESSAGE;
      case BOUNDARY_EVENT -> event == EventType.TIMER || event == EventType.MESSAGE || event == EventType.ERROR
          || event == EventType.ESCALATION || event == EventType.SIGNAL || event == EventType.NONE;
      default -> true;
    };
    if (!supported) {
      problem(node.getId(), "a " + where + " with a " + event.name().toLowerCase() + " event definition is not supported");
    }
    if ((element.type == ElementType.END_EVENT || element.type == ElementType.INTERMEDIATE_THROW_EVENT)
        && event == EventType.MESSAGE && node.getSingleExtensionElement(ZeebeTaskDefinition.class) == null) {
      problem(node.getId(), "a message throw event must have a zeebe:taskDefinition (it is job-based)");
    }
  }

  private void readMessage(FlowNode node, ExecutableElement element, io.camunda.zeebe.model.bpmn.instance.Message message) {
    if (message == null || message.getName() == null) {
      problem(node.getId(), "must reference a message with a name");
      return;
    }
    element.messageName = expression(node.getId(), "message name", message.getName());
    ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    boolean processStart = node instanceof StartEvent && node.getParentElement() instanceof Process;
    if (subscription != null && subscription.getCorrelationKey() != null) {
      element.correlationKey = expression(node.getId(), "correlation key", subscription.getCorrelationKey());
    } else if (!processStart) {
      problem(node.getId(), "a message catch needs a zeebe:subscription with a correlationKey");
    }
  }

  private void readTimer(FlowNode node, ExecutableElement element, TimerEventDefinition timer) {
    if (timer.getTimeDate() != null) {
      element.timeDate = expression(node.getId(), "timeDate", timer.getTimeDate().getTextContent());
    } else if (timer.getTimeDuration() != null) {
      element.timeDuration = expression(node.getId(), "timeDuration", timer.getTimeDuration().getTextContent());
    } else if (timer.getTimeCycle() != null) {
      element.timeCycle = expression(node.getId(), "timeCycle", timer.getTimeCycle().getTextContent());
    } else {
      problem(node.getId(), "a timer needs a timeDate, timeDuration or timeCycle");
    }
  }

  private void readLoop(Activity activity, ExecutableElement element) {
    if (!(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi)) {
      problem(activity.getId(), "standard loops are not supported");
      return;
    }
    ZeebeLoopCharacteristics zeebe = mi.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    if (zeebe == null || zeebe.getInputCollection() == null) {
      problem(activity.getId(), "a multi-instance activity needs zeebe:loopCharacteristics with an inputCollection");
      return;
    }
    Expression inputCollection = Expression.feel(zeebe.getInputCollection());
    parseCheck(activity.getId(), "inputCollection", inputCollection);
    Expression outputElement = Expression.feel(zeebe.getOutputElement());
    parseCheck(activity.getId(), "outputElement", outputElement);
    Expression completion = mi.getCompletionCondition() == null ? null
        : Expression.feel(mi.getCompletionCondition().getTextContent());
    parseCheck(activity.getId(), "completionCondition", completion);
    element.loop = new LoopCharacteristics(mi.isSequential(), inputCollection, zeebe.getInputElement(),
        zeebe.getOutputCollection(), outputElement, completion);
  }

  private Expression conditionOf(SequenceFlow flow) {
    if (flow.getConditionExpression() == null) {
      return null;
    }
    Expression condition = Expression.feel(flow.getConditionExpression().getTextContent());
    parseCheck(flow.getId(), "condition", condition);
    return condition;
  }

  private void setDefault(ExecutableProcess process, String gatewayId, String flowId) {
    ExecutableElement gateway = process.elements.get(gatewayId);
    gateway.outgoing.stream().filter(f -> f.id.equals(flowId)).findFirst().ifPresent(f -> gateway.defaultFlow = f);
  }

  private void checkGatewayShape(ExecutableElement element) {
    if (element.type == ElementType.EVENT_BASED_GATEWAY) {
      for (ExecutableFlow flow : element.outgoing) {
        ExecutableElement target = flow.target;
        boolean catchEvent = target.type == ElementType.INTERMEDIATE_CATCH_EVENT
            && target.eventType != EventType.LINK || target.type == ElementType.RECEIVE_TASK;
        if (!catchEvent) {
          problem(element.id, "an event-based gateway may only lead to intermediate catch events or receive tasks");
        }
      }
      if (element.outgoing.size() < 2) {
        problem(element.id, "an event-based gateway needs at least two outgoing flows");
      }
    }
  }

  private void resolveLinks(ExecutableProcess process) {
    Map<String, ExecutableElement> catches = new HashMap<>();
    for (ExecutableElement element : process.elements.values()) {
      if (element.eventType == EventType.LINK && element.type == ElementType.INTERMEDIATE_CATCH_EVENT) {
        if (catches.put(element.flowScope.id + "/" + element.linkName, element) != null) {
          problem(element.id, "more than one link catch event named '" + element.linkName + "' in the same scope");
        }
      }
    }
    for (ExecutableElement element : process.elements.values()) {
      if (element.eventType == EventType.LINK && element.type == ElementType.INTERMEDIATE_THROW_EVENT) {
        element.linkTarget = catches.get(element.flowScope.id + "/" + element.linkName);
        if (element.linkTarget == null) {
          problem(element.id, "no link catch event named '" + element.linkName + "' in the same scope");
        }
      }
    }
  }

  private Expression expression(String elementId, String what, String raw) {
    Expression expression = Expression.of(raw);
    if (expression == null) {
      problem(elementId, "the " + what + " must not be empty");
    }
    parseCheck(elementId, what, expression);
    return expression;
  }

  private void parseCheck(String elementId, String what, Expression expression) {
    if (expression != null && expression.isFeel()) {
      String error = feel.parseError(expression.feel());
      if (error != null) {
        problem(elementId, "the " + what + " expression '" + expression.feel() + "' is not valid FEEL: " + error);
      }
    }
  }

  private void problem(String elementId, String reason) {
    problems.add("Element: " + elementId + " - " + reason);
  }
}
