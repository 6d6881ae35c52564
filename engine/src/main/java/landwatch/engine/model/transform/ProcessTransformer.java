package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.JobWorkerProperties;
import landwatch.engine.model.ProcessBuilder;
import landwatch.engine.model.validation.ProcessValidator;

/**
 * Turns a validated BPMN model into {@link ExecutableProcess}es, collecting a message for every
 * element or attribute the engine cannot execute, as Zeebe's deployment does. It walks each process
 * scope by scope, hands every flow node to the transformers of its element family and has the
 * {@link ProcessValidator} check it on the way, so that problems come in model order.
 */
public final class ProcessTransformer {

  private final ProcessValidator validator;
  private final IoMappingTransformer ioMappings = new IoMappingTransformer();
  private final EventTransformer events = new EventTransformer();
  private final JobWorkerTransformer jobWorkers = new JobWorkerTransformer();
  private final UserTaskTransformer userTasks = new UserTaskTransformer();
  private final ScriptTaskTransformer scriptTasks = new ScriptTaskTransformer();
  private final CallActivityTransformer callActivities = new CallActivityTransformer();
  private final CalledDecisionTransformer calledDecisions = new CalledDecisionTransformer();
  private final MultiInstanceTransformer multiInstance = new MultiInstanceTransformer();
  private final ContainerTransformer containers = new ContainerTransformer(events);
  private final SequenceFlowTransformer sequenceFlows = new SequenceFlowTransformer();
  private final LinkTransformer links = new LinkTransformer();

  public ProcessTransformer(FeelEvaluator feel) {
    this.validator = new ProcessValidator(feel);
  }

  /** The executable processes; {@link #problems()} lists what made the model unacceptable. */
  public List<ExecutableProcess> transform(BpmnModelInstance model) {
    List<ExecutableProcess> processes = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      ZeebeVersionTag versionTag = process.getSingleExtensionElement(ZeebeVersionTag.class);
      ProcessBuilder builder =
          new ProcessBuilder(
              process.getId(),
              process.getName(),
              versionTag == null ? null : versionTag.getValue());
      transformScope(builder, builder.root(), process.getFlowElements());
      links.resolve(builder);
      validator.checkLinks(builder.elements());
      processes.add(builder.build());
    }
    validator.checkAnyProcess(processes);
    return processes;
  }

  public List<String> problems() {
    return validator.problems();
  }

  private void transformScope(
      ProcessBuilder process, ExecutableElement scope, Collection<FlowElement> flowElements) {
    List<SequenceFlow> flows = new ArrayList<>();
    for (FlowElement flowElement : flowElements) {
      if (flowElement instanceof SequenceFlow flow) {
        flows.add(flow);
      } else if (flowElement instanceof FlowNode node) {
        ExecutableElement element = transformNode(process, scope, node);
        if (element != null) {
          containers.place(process, scope, element);
          validator.checkPlacement(scope, element);
        }
      }
    }
    for (SequenceFlow flow : flows) {
      validator.checkCondition(flow);
      sequenceFlows.connect(process, flow);
    }
    sequenceFlows.setDefaultFlows(process, flowElements);
    scope.children.forEach(validator::checkConnections);
  }

  private ExecutableElement transformNode(
      ProcessBuilder process, ExecutableElement scope, FlowNode node) {
    ElementType type = ElementTypes.of(node);
    if (type == null) {
      validator.rejectUnsupported(node);
      return null;
    }
    EventType eventType = events.eventTypeOf(node);
    validator.checkFlowNode(node, type, eventType);
    ExecutableElement.Builder builder =
        new ExecutableElement.Builder(node.getId(), node.getName(), type, scope);
    ioMappings.transform(node, builder);
    events.transform(node, eventType, builder, process);
    JobWorkerProperties job = jobWorkers.transform(node);
    builder.job(job);
    switch (type) {
      case USER_TASK -> userTasks.transform(node, job, builder);
      case START_EVENT -> builder.form(UserTaskTransformer.form(node));
      case SCRIPT_TASK -> builder.script(scriptTasks.transform(node));
      case RECEIVE_TASK ->
          builder
              .eventType(EventType.MESSAGE)
              .message(events.message(((ReceiveTask) node).getMessage()));
      case CALL_ACTIVITY -> builder.calledElement(callActivities.transform(node));
      case BUSINESS_RULE_TASK -> builder.calledDecision(calledDecisions.transform(node));
      case EVENT_SUB_PROCESS -> builder.interrupting(containers.interrupting((SubProcess) node));
      default -> {}
    }
    if (node instanceof Activity activity) {
      builder.loop(multiInstance.transform(activity));
    }
    ExecutableElement element = process.add(builder);
    if (node instanceof BoundaryEvent) {
      validator.checkBoundaryEvent(element);
    }
    if (node instanceof SubProcess subProcess) {
      transformScope(process, element, subProcess.getFlowElements());
      validator.checkSubProcess(element);
    }
    if (node instanceof Activity activity) {
      validator.checkActivity(activity);
    }
    return element;
  }
}
