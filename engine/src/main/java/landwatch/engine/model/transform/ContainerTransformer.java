package landwatch.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ProcessBuilder;

/**
 * Containers (process, embedded sub-process, event sub-process): where an activation of the
 * container starts. A none start event starts any container; a start event with an event definition
 * starts an event sub-process, or, in the process itself, creates instances.
 */
final class ContainerTransformer {

  private final EventTransformer events;

  ContainerTransformer(EventTransformer events) {
    this.events = events;
  }

  /**
   * An event sub-process interrupts its scope when its start event does; the last start event with
   * a definition counts.
   */
  boolean interrupting(SubProcess eventSubProcess) {
    boolean interrupting = true;
    for (FlowElement child : eventSubProcess.getFlowElements()) {
      if (child instanceof StartEvent start && events.eventTypeOf(start) != EventType.NONE) {
        interrupting = start.isInterrupting();
      }
    }
    return interrupting;
  }

  void place(ProcessBuilder process, ExecutableElement scope, ExecutableElement element) {
    if (element.type != ElementType.START_EVENT) {
      return;
    }
    if (element.eventType == EventType.NONE) {
      process.setNoneStartEvent(scope, element);
    } else if (scope.type == ElementType.EVENT_SUB_PROCESS) {
      process.setEventStart(scope, element);
    } else if (scope.type == ElementType.PROCESS) {
      process.addEventStartEvent(element);
    }
  }
}
