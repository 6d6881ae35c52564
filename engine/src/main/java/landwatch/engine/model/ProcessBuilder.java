package landwatch.engine.model;

import java.util.Collection;

/**
 * Assembles an {@link ExecutableProcess} while its BPMN process is transformed: the only way to add
 * elements to a process and to wire them together. The transformation drops the builder once the
 * process is built, so nothing changes the process afterwards.
 */
public final class ProcessBuilder {

  private final ExecutableProcess process;

  public ProcessBuilder(String bpmnProcessId, String name, String versionTag) {
    ExecutableElement root =
        new ExecutableElement(
            new ExecutableElement.Builder(bpmnProcessId, name, ElementType.PROCESS, null));
    this.process = new ExecutableProcess(bpmnProcessId, root, versionTag);
  }

  public ExecutableElement root() {
    return process.root;
  }

  /** The element of that id added so far, or null. */
  public ExecutableElement element(String id) {
    return process.elements.get(id);
  }

  /** The elements added so far, the process first, in the order they were added. */
  public Collection<ExecutableElement> elements() {
    return process.elements.values();
  }

  /**
   * Makes the element part of the process, of its scope (as a flow node or an event sub-process)
   * and of the activity it is attached to.
   */
  public ExecutableElement add(ExecutableElement.Builder builder) {
    ExecutableElement element = new ExecutableElement(builder);
    process.add(element);
    if (element.type == ElementType.EVENT_SUB_PROCESS) {
      element.flowScope.addEventSubProcess(element);
    } else {
      element.flowScope.addChild(element);
    }
    if (element.attachedTo != null) {
      element.attachedTo.addBoundaryEvent(element);
    }
    return element;
  }

  public void connect(
      String flowId, Expression condition, ExecutableElement source, ExecutableElement target) {
    ExecutableFlow flow = new ExecutableFlow(flowId, condition, source, target);
    source.addOutgoing(flow);
    target.addIncoming(flow);
  }

  /**
   * Makes the gateway's outgoing flow of that id its default flow; a flow it does not have is
   * ignored.
   */
  public void setDefaultFlow(ExecutableElement gateway, String flowId) {
    gateway.outgoing.stream()
        .filter(f -> f.id.equals(flowId))
        .findFirst()
        .ifPresent(gateway::setDefaultFlow);
  }

  public void setNoneStartEvent(ExecutableElement scope, ExecutableElement start) {
    scope.setNoneStartEvent(start);
  }

  public void setEventStart(ExecutableElement eventSubProcess, ExecutableElement start) {
    eventSubProcess.setEventStart(start);
  }

  /** A start event of the process itself with an event definition: the event creates instances. */
  public void addEventStartEvent(ExecutableElement start) {
    process.addEventStartEvent(start);
  }

  public void setLinkTarget(ExecutableElement throwEvent, ExecutableElement catchEvent) {
    throwEvent.setLinkTarget(catchEvent);
  }

  public ExecutableProcess build() {
    return process;
  }
}
