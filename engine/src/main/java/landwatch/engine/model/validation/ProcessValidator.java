package landwatch.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.util.Collection;
import java.util.List;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;

/**
 * Collects a message for every element or attribute of a model the engine cannot execute, as
 * Zeebe's deployment does. The transformation calls it as it walks the model, element by element
 * and scope by scope, so the problems come in the order of the model; the checks themselves are in
 * one validator per element family.
 */
public final class ProcessValidator {

  private final Problems problems = new Problems();
  private final FlowNodeValidator flowNodes;
  private final EventValidator events;
  private final TaskValidator tasks;
  private final CallActivityValidator callActivities;
  private final MultiInstanceValidator multiInstance;
  private final SequenceFlowValidator sequenceFlows;
  private final ScopeValidator scopes = new ScopeValidator(problems);
  private final LinkValidator links = new LinkValidator(problems);

  public ProcessValidator(FeelEvaluator feel) {
    ExpressionValidator expressions = new ExpressionValidator(feel, problems);
    MessageValidator messages = new MessageValidator(problems, expressions);
    flowNodes = new FlowNodeValidator(problems, expressions);
    events = new EventValidator(problems, expressions, messages);
    tasks = new TaskValidator(problems, expressions, messages);
    callActivities = new CallActivityValidator(problems, expressions);
    multiInstance = new MultiInstanceValidator(problems, expressions);
    sequenceFlows = new SequenceFlowValidator(problems, expressions);
  }

  /** What made the model unacceptable; empty when it is fine. */
  public List<String> problems() {
    return problems.list();
  }

  /** A flow node of a kind the engine has no element type for. */
  public void rejectUnsupported(FlowNode node) {
    flowNodes.rejectKind(node);
  }

  /**
   * A flow node's own attributes, before it becomes an element; {@code eventType} is what its
   * definitions made it.
   */
  public void checkFlowNode(FlowNode node, ElementType type, EventType eventType) {
    flowNodes.checkListenersAndMappings(node);
    events.checkDefinitions(node, type, eventType);
    tasks.check(node, type);
    if (type == ElementType.CALL_ACTIVITY) {
      callActivities.check(node);
    }
  }

  public void checkBoundaryEvent(ExecutableElement boundaryEvent) {
    events.checkBoundaryEvent(boundaryEvent);
  }

  /** A sub-process or event sub-process, once its children are transformed. */
  public void checkSubProcess(ExecutableElement subProcess) {
    scopes.checkStart(subProcess);
  }

  /** What an activity is checked for last, after any children: compensation, its loop. */
  public void checkActivity(Activity activity) {
    flowNodes.checkCompensation(activity);
    if (activity.getLoopCharacteristics() != null) {
      multiInstance.check(activity);
    }
  }

  /** A flow node once it is placed in its scope. */
  public void checkPlacement(ExecutableElement scope, ExecutableElement element) {
    scopes.checkPlacement(scope, element);
  }

  public void checkCondition(SequenceFlow flow) {
    sequenceFlows.checkCondition(flow);
  }

  /** A scope's flow node once the scope's flows are connected. */
  public void checkConnections(ExecutableElement element) {
    sequenceFlows.checkGateway(element);
  }

  /** A whole process, once its links are resolved. */
  public void checkLinks(Collection<ExecutableElement> elements) {
    links.check(elements);
  }

  /**
   * Once every process is transformed: a model without an executable process, and no other problem,
   * is still refused.
   */
  public void checkAnyProcess(List<ExecutableProcess> processes) {
    if (processes.isEmpty() && problems.isEmpty()) {
      problems.addToModel("Must contain at least one executable process");
    }
  }
}
