package landwatch.engine.model.validation;

import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;

/**
 * How scopes start: a process by none, message, timer or signal start events, an embedded
 * sub-process by its none start event, an event sub-process by the event of its start event.
 */
final class ScopeValidator {

  private final Problems problems;

  ScopeValidator(Problems problems) {
    this.problems = problems;
  }

  /** Each flow node once it is placed in its scope. */
  void checkPlacement(ExecutableElement scope, ExecutableElement element) {
    if (element.type != ElementType.START_EVENT
        || element.eventType == EventType.NONE
        || scope.type == ElementType.EVENT_SUB_PROCESS) {
      return;
    }
    if (scope.type == ElementType.PROCESS) {
      if (element.eventType != EventType.MESSAGE
          && element.eventType != EventType.TIMER
          && element.eventType != EventType.SIGNAL) {
        problems.add(
            element.id,
            "a start event of a process must be a none, message, timer or signal start event");
      }
    } else {
      problems.add(
          element.id, "a start event inside an embedded sub-process must be a none start event");
    }
  }

  /** A sub-process or event sub-process once its children are transformed. */
  void checkStart(ExecutableElement subProcess) {
    if (subProcess.type == ElementType.SUB_PROCESS && subProcess.noneStartEvent() == null) {
      problems.add(subProcess.id, "an embedded sub-process must have exactly one none start event");
    }
    if (subProcess.type == ElementType.EVENT_SUB_PROCESS && subProcess.eventStart() == null) {
      problems.add(
          subProcess.id, "an event sub-process must have one start event with an event definition");
    }
  }
}
