package landwatch.engine.bpmn.behavior;

import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Expression;
import landwatch.engine.model.UserTaskProperties;
import landwatch.engine.processing.Rejection;
import landwatch.engine.record.intent.UserTaskIntent;
import landwatch.engine.state.DeployedResource;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.Job;
import landwatch.engine.state.UserTask;

/**
 * Creates, ends and describes Zeebe user tasks (Zeebe's BpmnUserTaskBehavior): the attributes are
 * evaluated in the element's scope when it is activated, and a value of the wrong kind stops the
 * activation with Zeebe's incident ({@code EXTRACT_VALUE_ERROR}, {@code FORM_NOT_FOUND}). Every
 * transition (creating, assigning, updating, completing) first runs its task listeners, the task
 * waiting in the transitional state; the last one's completion makes it take effect, with the
 * listeners' corrections, and a denial returns the task to CREATED with nothing applied.
 */
public final class UserTaskBehavior {

  private final BpmnContext ctx;
  private final VariableBehavior variables;
  private final BpmnStateTransitions transitions;
  private final TaskListenerBehavior listeners;
  private final JobBehavior jobs;
  private final TerminationBehavior termination;
  private BiConsumer<UserTask, Rejection> settled = (task, refusal) -> {};

  public UserTaskBehavior(
      BpmnContext ctx,
      VariableBehavior variables,
      BpmnStateTransitions transitions,
      JobBehavior jobs,
      TerminationBehavior termination) {
    this.ctx = ctx;
    this.variables = variables;
    this.transitions = transitions;
    this.jobs = jobs;
    this.termination = termination;
    this.listeners = new TaskListenerBehavior(ctx, variables, jobs);
  }

  /**
   * Told when a transition has taken effect (refusal null) or was denied or ended by the task's
   * cancellation (the refusal its command's caller gets), so the caller can be answered.
   */
  public void onSettled(BiConsumer<UserTask, Rejection> listener) {
    this.settled = listener;
  }

  /** What a task listener's job completion decided: a denial, or corrections (maybe none). */
  public record ListenerResult(boolean denied, String deniedReason, UserTask.Changes corrections) {}

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
    TaskListenerBehavior.Evaluated creating =
        listeners.evaluate(
            element.userTask, UserTaskProperties.ListenerEventType.CREATING, instance);
    if (creating.failure() != null) {
      return creating.failure();
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
    begin(
        task,
        instance,
        new UserTask.Transition(
            UserTask.State.CREATING,
            "",
            creating.types(),
            creating.retries(),
            UserTask.Changes.NONE,
            null));
    return null;
  }

  /**
   * A command's transition (ASSIGNING, UPDATING, COMPLETING) of a CREATED task begins: its
   * listeners run first, or, without listeners, it takes effect in this batch. A listener type that
   * cannot be evaluated refuses the command, which then changed nothing.
   */
  public void transition(
      UserTask task,
      UserTask.State state,
      String action,
      UserTask.Changes changes,
      Map<String, Object> completionVariables) {
    ElementInstance instance = ctx.state().instances().get(task.elementInstanceKey());
    TaskListenerBehavior.Evaluated evaluated =
        listeners.evaluate(
            ctx.element(instance).userTask, TaskListenerBehavior.eventType(state), instance);
    if (evaluated.failure() != null) {
      throw Rejection.invalidState("%s", evaluated.failure().message());
    }
    task.begin(
        new UserTask.Transition(
            state, action, evaluated.types(), evaluated.retries(), changes, completionVariables));
    UserTaskIntent intention =
        switch (state) {
          case ASSIGNING -> UserTaskIntent.ASSIGNING;
          case UPDATING -> UserTaskIntent.UPDATING;
          default -> UserTaskIntent.COMPLETING;
        };
    ctx.records().append(task.key(), intention, value(task));
    begin(task, instance, task.transition());
  }

  private void begin(UserTask task, ElementInstance instance, UserTask.Transition transition) {
    if (task.transition() != transition) {
      task.begin(transition);
    }
    if (transition.listenersDone()) {
      settle(task, instance);
    } else {
      listeners.createJob(task, instance);
    }
  }

  /** A task listener's job was completed: the next listener runs, or the transition settles. */
  public void listenerCompleted(Job job, ListenerResult result) {
    UserTask task = ctx.state().userTasks().get(job.userTaskKey());
    ElementInstance instance = ctx.state().instances().get(job.elementInstanceKey());
    if (task == null || task.transition() == null || instance == null) {
      return;
    }
    instance.setJobKey(-1);
    if (result.denied()) {
      deny(task, result.deniedReason() == null ? "" : result.deniedReason());
      return;
    }
    task.listenerDone(result.corrections());
    if (!result.corrections().isEmpty()) {
      Map<String, Object> corrected = value(task);
      corrected.put("changedAttributes", result.corrections().names());
      ctx.records().append(task.key(), UserTaskIntent.CORRECTED, corrected);
    }
    begin(task, instance, task.transition());
  }

  private void settle(UserTask task, ElementInstance instance) {
    UserTask.Transition transition = task.transition();
    String action = transition.action();
    if (transition.state() == UserTask.State.CANCELING) {
      endCanceled(task);
      termination.terminateLeaf(instance);
      return;
    }
    task.settle(true);
    switch (transition.state()) {
      case CREATING -> ctx.records().append(task.key(), UserTaskIntent.CREATED, value(task));
      case ASSIGNING ->
          ctx.records().append(task.key(), UserTaskIntent.ASSIGNED, acted(task, action));
      case UPDATING ->
          ctx.records().append(task.key(), UserTaskIntent.UPDATED, acted(task, action));
      default -> {
        ctx.state().userTasks().end(task, UserTask.State.COMPLETED, ctx.now());
        ctx.records().append(task.key(), UserTaskIntent.COMPLETED, acted(task, action));
        instance.setTriggerVariables(transition.variables());
        transitions.completeElement(instance);
      }
    }
    settled.accept(task, null);
  }

  /** Zeebe's denials: the task is CREATED again with the attributes it had before. */
  private void deny(UserTask task, String reason) {
    UserTask.Transition transition = task.transition();
    task.settle(false);
    Map<String, Object> value = acted(task, transition.action());
    value.put("deniedReason", reason);
    String what;
    switch (transition.state()) {
      case ASSIGNING -> {
        ctx.records().append(task.key(), UserTaskIntent.ASSIGNMENT_DENIED, value);
        what = "Assignment";
      }
      case UPDATING -> {
        ctx.records().append(task.key(), UserTaskIntent.UPDATE_DENIED, value);
        what = "Update";
      }
      default -> {
        ctx.records().append(task.key(), UserTaskIntent.COMPLETION_DENIED, value);
        what = "Completion";
      }
    }
    settled.accept(
        task,
        Rejection.invalidState(
            "%s of the User Task with key '%d' was denied by Task Listener. Reason to deny: '%s'",
            what, task.key(), reason));
  }

  private static Map<String, Object> acted(UserTask task, String action) {
    Map<String, Object> value = value(task);
    value.put("action", action);
    return value;
  }

  /**
   * The element instance is being terminated: its task is canceled, once its canceling listeners
   * have run (a transition waiting for its own listeners is dropped, its caller refused). Returns
   * true when the termination waits for them; their last completion then ends it.
   */
  public boolean cancelTask(ElementInstance instance) {
    UserTask task = ctx.state().userTasks().of(instance.key());
    if (task == null) {
      return false;
    }
    if (task.transition() != null) {
      jobs.cancelJob(instance);
      task.settle(false);
      settled.accept(
          task,
          Rejection.invalidState(
              "Expected to finish the transition of user task with key '%d', but it was canceled",
              task.key()));
    }
    ctx.records().append(task.key(), UserTaskIntent.CANCELING, value(task));
    TaskListenerBehavior.Evaluated canceling =
        listeners.evaluate(
            ctx.element(instance).userTask,
            UserTaskProperties.ListenerEventType.CANCELING,
            instance);
    if (canceling.failure() != null || canceling.types().isEmpty()) {
      endCanceled(task);
      return false;
    }
    task.begin(
        new UserTask.Transition(
            UserTask.State.CANCELING,
            "",
            canceling.types(),
            canceling.retries(),
            UserTask.Changes.NONE,
            null));
    listeners.createJob(task, instance);
    return true;
  }

  private void endCanceled(UserTask task) {
    ctx.state().userTasks().end(task, UserTask.State.CANCELED, ctx.now());
    ctx.records().append(task.key(), UserTaskIntent.CANCELED, value(task));
  }

  /**
   * The record value of a task: its attributes, as Zeebe's UserTaskRecord carries them; during a
   * transition, as the transition (with the corrections so far) would leave them, which is what its
   * listeners see.
   */
  public static Map<String, Object> value(UserTask task) {
    UserTask.Changes changes =
        task.transition() == null ? UserTask.Changes.NONE : task.transition().changes();
    String assignee = changes.assigneeChanged() ? changes.assignee() : task.assignee();
    String dueDate = changes.dueDate() != null ? changes.dueDate() : task.dueDate();
    String followUpDate =
        changes.followUpDate() != null ? changes.followUpDate() : task.followUpDate();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("userTaskKey", task.key());
    value.put("elementInstanceKey", task.elementInstanceKey());
    value.put("processInstanceKey", task.processInstanceKey());
    value.put("elementId", task.elementId());
    value.put("assignee", assignee == null ? "" : assignee);
    value.put(
        "candidateGroupsList",
        changes.candidateGroups() != null ? changes.candidateGroups() : task.candidateGroups());
    value.put(
        "candidateUsersList",
        changes.candidateUsers() != null ? changes.candidateUsers() : task.candidateUsers());
    value.put("dueDate", dueDate == null ? "" : dueDate);
    value.put("followUpDate", followUpDate == null ? "" : followUpDate);
    value.put("priority", changes.priority() != null ? changes.priority() : task.priority());
    value.put("formKey", task.formKey());
    if (task.transition() != null) {
      value.put("action", task.transition().action());
      value.put("changedAttributes", changes.names());
    }
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
