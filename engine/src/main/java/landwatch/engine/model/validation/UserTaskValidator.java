package landwatch.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;
import landwatch.engine.model.Expression;

/**
 * A Zeebe user task's attributes, as Zeebe checks them at deployment: FEEL that parses, a static
 * priority from 0 to 100, static dates in ISO 8601, one form reference, and a version tag for the
 * {@code versionTag} binding.
 */
final class UserTaskValidator {

  private final Problems problems;
  private final ExpressionValidator expressions;

  UserTaskValidator(Problems problems, ExpressionValidator expressions) {
    this.problems = problems;
    this.expressions = expressions;
  }

  void check(FlowNode node) {
    if (node.getSingleExtensionElement(ZeebeUserTask.class) == null) {
      return;
    }
    String id = node.getId();
    ZeebeAssignmentDefinition assignment =
        node.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    if (assignment != null) {
      expressions.checkFeel(id, "assignee", Expression.of(assignment.getAssignee()));
      expressions.checkFeel(id, "candidateGroups", Expression.of(assignment.getCandidateGroups()));
      expressions.checkFeel(id, "candidateUsers", Expression.of(assignment.getCandidateUsers()));
    }
    ZeebeTaskSchedule schedule = node.getSingleExtensionElement(ZeebeTaskSchedule.class);
    if (schedule != null) {
      checkDate(id, "dueDate", Expression.of(schedule.getDueDate()));
      checkDate(id, "followUpDate", Expression.of(schedule.getFollowUpDate()));
    }
    ZeebePriorityDefinition priority =
        node.getSingleExtensionElement(ZeebePriorityDefinition.class);
    if (priority != null) {
      checkPriority(id, Expression.of(priority.getPriority()));
    }
    ZeebeFormDefinition form = node.getSingleExtensionElement(ZeebeFormDefinition.class);
    if (form != null) {
      checkForm(id, form);
    }
    ZeebeTaskListeners listeners = node.getSingleExtensionElement(ZeebeTaskListeners.class);
    if (listeners != null) {
      listeners.getTaskListeners().forEach(listener -> checkListener(id, listener));
    }
  }

  /** Zeebe's checks: an event type, a non-empty type, FEEL that parses. */
  private void checkListener(String id, ZeebeTaskListener listener) {
    if (listener.getEventType() == null) {
      problems.add(id, "a zeebe:taskListener must have an eventType");
    }
    if (listener.getType() == null || listener.getType().isBlank()) {
      problems.add(id, "a zeebe:taskListener must have a non-empty type");
    } else {
      expressions.checkFeel(id, "task listener type", Expression.of(listener.getType()));
    }
    expressions.checkFeel(id, "task listener retries", Expression.of(listener.getRetries()));
  }

  private void checkDate(String id, String what, Expression date) {
    if (date == null || date.isFeel()) {
      expressions.checkFeel(id, what, date);
      return;
    }
    try {
      ZonedDateTime.parse(date.raw().trim());
    } catch (DateTimeParseException e) {
      problems.add(
          id,
          "the "
              + what
              + " '"
              + date.raw()
              + "' is not an ISO 8601 date-time with an offset, e.g. 2025-04-01T08:30:00+08:00");
    }
  }

  private void checkPriority(String id, Expression priority) {
    if (priority == null || priority.isFeel()) {
      expressions.checkFeel(id, "priority", priority);
      return;
    }
    try {
      int value = Integer.parseInt(priority.raw().trim());
      if (value >= 0 && value <= 100) {
        return;
      }
    } catch (NumberFormatException notAnInteger) {
      // refused below
    }
    problems.add(
        id, "the priority must be an integer from 0 to 100, but it was '" + priority.raw() + "'");
  }

  private void checkForm(String id, ZeebeFormDefinition form) {
    long references =
        Stream.of(form.getFormId(), form.getFormKey(), form.getExternalReference())
            .filter(r -> r != null && !r.isBlank())
            .count();
    if (references != 1) {
      problems.add(
          id,
          "a zeebe:formDefinition must have exactly one of formId, formKey and externalReference");
    }
    expressions.checkFeel(id, "externalReference", Expression.of(form.getExternalReference()));
    if (form.getBindingType() == ZeebeBindingType.versionTag
        && (form.getVersionTag() == null || form.getVersionTag().isBlank())) {
      problems.add(id, "a form bound by versionTag must name the versionTag");
    }
  }
}
