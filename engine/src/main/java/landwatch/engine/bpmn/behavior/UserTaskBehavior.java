package landwatch.engine.bpmn.behavior;

import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Expression;
import landwatch.engine.model.UserTaskProperties;
import landwatch.engine.record.intent.UserTaskIntent;
import landwatch.engine.state.DeployedResource;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.UserTask;

/**
 * Creates, ends and describes Zeebe user tasks (Zeebe's BpmnUserTaskBehavior): the attributes are
 * evaluated in the element's scope when it is activated, and a value of the wrong kind stops the
 * activation with Zeebe's incident ({@code EXTRACT_VALUE_ERROR}, {@code FORM_NOT_FOUND}).
 */
public final class UserTaskBehavior {

  private final BpmnContext ctx;
  private final VariableBehavior variables;
  private final BpmnStateTransitions transitions;

  public UserTaskBehavior(
      BpmnContext ctx, VariableBehavior variables, BpmnStateTransitions transitions) {
    this.ctx = ctx;
    this.variables = variables;
    this.transitions = transitions;
  }

  /** Why a step failed; thrown within this class only, returned as a {@link Failure}. */
  private static final class Refused extends RuntimeException {
    final Failure failure;

    Refused(String errorType, String message) {
      super(message, null, false, false);
      this.failure = new Failure(errorType, message);
    }
  }

  /** Returns why the task could not be created, or null. */
  public Failure createTask(ExecutableElement element, ElementInstance instance) {
    UserTask.Attributes attributes;
    try {
      attributes = evaluate(element.userTask, instance);
    } catch (Refused refused) {
      return refused.failure;
    }
    UserTask task =
        new UserTask(
            ctx.nextKey(),
            instance,
            element.name == null ? element.id : element.name,
            attributes,
            ctx.now());
    ctx.records().append(task.key(), UserTaskIntent.CREATING, value(task));
    ctx.state().userTasks().put(task);
    ctx.records().append(task.key(), UserTaskIntent.CREATED, value(task));
    return null;
  }

  /** The element instance was terminated: its open task is canceled. */
  public void cancelTask(ElementInstance instance) {
    UserTask task = ctx.state().userTasks().of(instance.key());
    if (task == null) {
      return;
    }
    ctx.records().append(task.key(), UserTaskIntent.CANCELING, value(task));
    ctx.state().userTasks().end(task, UserTask.State.CANCELED, ctx.now());
    ctx.records().append(task.key(), UserTaskIntent.CANCELED, value(task));
  }

  /**
   * The task is completed with these variables: the element completes with them as it would with a
   * job's (its output mappings apply).
   */
  public void completeTask(UserTask task, Map<String, Object> completionVariables, String action) {
    Map<String, Object> value = value(task);
    value.put("action", action);
    ctx.records().append(task.key(), UserTaskIntent.COMPLETING, value);
    ctx.state().userTasks().end(task, UserTask.State.COMPLETED, ctx.now());
    ctx.records().append(task.key(), UserTaskIntent.COMPLETED, value(task));
    ElementInstance instance = ctx.state().instances().get(task.elementInstanceKey());
    if (instance != null) {
      instance.setTriggerVariables(completionVariables);
      transitions.completeElement(instance);
    }
  }

  /** The record value of a task: its attributes, as Zeebe's UserTaskRecord carries them. */
  public static Map<String, Object> value(UserTask task) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("elementInstanceKey", task.elementInstanceKey());
    value.put("processInstanceKey", task.processInstanceKey());
    value.put("elementId", task.elementId());
    value.put("assignee", task.assignee() == null ? "" : task.assignee());
    value.put("candidateGroupsList", task.candidateGroups());
    value.put("candidateUsersList", task.candidateUsers());
    value.put("dueDate", task.dueDate() == null ? "" : task.dueDate());
    value.put("followUpDate", task.followUpDate() == null ? "" : task.followUpDate());
    value.put("priority", task.priority());
    value.put("formKey", task.formKey());
    return value;
  }

  private UserTask.Attributes evaluate(UserTaskProperties task, ElementInstance instance) {
    Map<String, Object> context = variables.visible(instance.key());
    return new UserTask.Attributes(
        text("assignee", task.assignee(), context),
        list("candidateGroups", task.candidateGroups(), context),
        list("candidateUsers", task.candidateUsers(), context),
        dateTime("dueDate", task.dueDate(), context),
        dateTime("followUpDate", task.followUpDate(), context),
        priority(task.priority(), context),
        formKey(task.form(), instance),
        task.form() == null
            ? null
            : text("externalReference", task.form().externalReference(), context),
        task.headers());
  }

  private Object valueOf(String what, Expression expression, Map<String, Object> context) {
    if (!expression.isFeel()) {
      return expression.raw();
    }
    FeelResult result = ctx.evaluate(expression, context);
    if (result.isFailure()) {
      throw new Refused(
          IncidentTypes.EXTRACT_VALUE_ERROR,
          "Expected to evaluate the "
              + what
              + " expression '"
              + expression.feel()
              + "', but it failed: "
              + result.failure());
    }
    return result.value();
  }

  private static Refused wrongKind(String what, Expression expression, String expected, Object v) {
    return new Refused(
        IncidentTypes.EXTRACT_VALUE_ERROR,
        "Expected result of the "
            + what
            + " expression '"
            + expression.raw().trim()
            + "' to be "
            + expected
            + ", but was '"
            + v
            + "'");
  }

  private String text(String what, Expression expression, Map<String, Object> context) {
    if (expression == null) {
      return null;
    }
    Object value = valueOf(what, expression, context);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw wrongKind(what, expression, "a string", value);
    }
    return text.isBlank() ? null : text;
  }

  private List<String> list(String what, Expression expression, Map<String, Object> context) {
    if (expression == null) {
      return List.of();
    }
    Object value = valueOf(what, expression, context);
    if (value == null) {
      return List.of();
    }
    if (!expression.isFeel()) {
      return Arrays.stream(((String) value).split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .toList();
    }
    if (!(value instanceof Collection<?> items)
        || !items.stream().allMatch(item -> item instanceof String)) {
      throw wrongKind(what, expression, "a list of strings", value);
    }
    List<String> strings = new ArrayList<>();
    items.forEach(item -> strings.add((String) item));
    return strings;
  }

  private String dateTime(String what, Expression expression, Map<String, Object> context) {
    if (expression == null) {
      return null;
    }
    Object value = valueOf(what, expression, context);
    if (value == null) {
      return null;
    }
    String normalised = normalisedDateTime(String.valueOf(value));
    if (normalised == null) {
      throw wrongKind(what, expression, "an ISO 8601 date-time with an offset", value);
    }
    return normalised;
  }

  /** The date-time as the API answers it (an offset, no zone id), or null when it is none. */
  public static String normalisedDateTime(String text) {
    try {
      return ZonedDateTime.parse(text.trim()).toOffsetDateTime().toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private int priority(Expression expression, Map<String, Object> context) {
    if (expression == null) {
      return UserTaskProperties.DEFAULT_PRIORITY;
    }
    Object value = valueOf("priority", expression, context);
    Integer priority = null;
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      priority = number.intValue();
    } else if (value instanceof String text && text.trim().matches("\\d{1,3}")) {
      priority = Integer.parseInt(text.trim());
    }
    if (priority == null || priority < 0 || priority > 100) {
      throw wrongKind("priority", expression, "a number between 0 and 100", value);
    }
    return priority;
  }

  /** The deployed form the task links to by id, chosen by its binding; -1 when it links none. */
  private long formKey(UserTaskProperties.Form form, ElementInstance instance) {
    if (form == null || form.formId() == null) {
      return -1;
    }
    DeployedResource found =
        switch (form.binding()) {
          case LATEST -> ctx.state().deployments().latestResource("form", form.formId());
          case DEPLOYMENT ->
              ctx.state()
                  .deployments()
                  .formAsOfDeployment(form.formId(), ctx.process(instance).deploymentKey());
          case VERSION_TAG ->
              ctx.state().deployments().formWithVersionTag(form.formId(), form.versionTag());
        };
    if (found != null) {
      return found.key();
    }
    throw new Refused(
        IncidentTypes.FORM_NOT_FOUND,
        switch (form.binding()) {
          case LATEST ->
              "Expected to find a form with id '"
                  + form.formId()
                  + "', but no form with this id is found, at least a form with this id should be"
                  + " available. To resolve the Incident please deploy a form with the same id";
          case DEPLOYMENT ->
              "Expected to use a form with id '"
                  + form.formId()
                  + "' with binding type 'deployment', but no such form found in the deployment"
                  + " with key "
                  + ctx.process(instance).deploymentKey()
                  + " which contained the current process. To resolve this incident, migrate the"
                  + " process instance to a process definition that is deployed together with the"
                  + " intended form to use.";
          case VERSION_TAG ->
              "Expected to use a form with id '"
                  + form.formId()
                  + "' and version tag '"
                  + form.versionTag()
                  + "', but no such form found. To resolve the incident, deploy a form with the"
                  + " given id and version tag.";
        });
  }
}
