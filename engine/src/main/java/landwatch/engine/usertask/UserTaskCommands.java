package landwatch.engine.usertask;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.BpmnEngine;
import landwatch.engine.bpmn.behavior.UserTaskBehavior;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.Rejection;
import landwatch.engine.record.intent.UserTaskIntent;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.UserTask;

/**
 * What a tasklist can do with an open user task: assign, unassign, update, complete. Each command
 * checks everything before it changes anything, so a refused command changes nothing; a task that
 * is no longer open (completed, canceled) or was never created is refused as Zeebe refuses it (404:
 * the open tasks are the only ones commands find, as in Zeebe's state), a task in a transition
 * waiting for its task listeners with 409, as Zeebe refuses it.
 *
 * <p>A command's answer is its transition's outcome, as Zeebe's: each returns a future completed
 * after the commit of the batch in which the transition took effect (at once without listeners), or
 * failed with the denial. The futures are not state: a caller does not outlive a restart.
 */
public final class UserTaskCommands {

  private final BpmnEngine bpmn;
  private final BpmnContext ctx;
  private final Map<Long, CompletableFuture<Void>> waiting = new HashMap<>();

  public UserTaskCommands(BpmnEngine bpmn, BpmnContext ctx) {
    this.bpmn = bpmn;
    this.ctx = ctx;
    bpmn.userTasks.onSettled(this::settled);
  }

  private void settled(UserTask task, Rejection refusal) {
    CompletableFuture<Void> caller = waiting.remove(task.key());
    if (caller == null) {
      return;
    }
    Runnable answer =
        refusal == null ? () -> caller.complete(null) : () -> caller.completeExceptionally(refusal);
    ctx.batch().afterCommit(answer);
  }

  /** The caller's answer: now if the transition already took effect, else when it settles. */
  private CompletableFuture<Void> outcome(UserTask task) {
    if (task.transition() == null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> caller = new CompletableFuture<>();
    waiting.put(task.key(), caller);
    return caller;
  }

  private static UserTask task(Batch batch, long key, String action) {
    UserTask task = batch.state.userTasks().get(key);
    if (task == null) {
      throw Rejection.notFound(
          "Expected to %s user task with key '%d', but no such user task was found", action, key);
    }
    if (task.state() != UserTask.State.CREATED) {
      throw Rejection.invalidState(
          "Expected to %s user task with key '%d', but it is in state '%s'",
          action, key, task.state());
    }
    return task;
  }

  /**
   * Zeebe refuses to assign a task assigned to someone else unless overriding is allowed; a null or
   * empty assignee is refused here (unassigning has its own command).
   */
  public CompletableFuture<Void> assign(
      Batch batch, long key, String assignee, boolean allowOverride, String action) {
    UserTask task = task(batch, key, "assign");
    if (assignee == null || assignee.isBlank()) {
      throw Rejection.invalidArgument(
          "Expected to assign user task with key '%d' to an assignee, but none given", key);
    }
    if (!allowOverride && task.assignee() != null && !task.assignee().equals(assignee)) {
      throw Rejection.invalidState(
          "Expected to assign user task with key '%d', but it is already assigned to '%s'",
          key, task.assignee());
    }
    return transition(
        task,
        UserTask.State.ASSIGNING,
        action(action, "assign"),
        UserTask.Changes.assignee(assignee));
  }

  public CompletableFuture<Void> unassign(Batch batch, long key) {
    UserTask task = task(batch, key, "unassign");
    return transition(task, UserTask.State.ASSIGNING, "unassign", UserTask.Changes.assignee(null));
  }

  /** The changeset's null attributes stay as they are. */
  public CompletableFuture<Void> update(
      Batch batch,
      long key,
      String dueDate,
      String followUpDate,
      List<String> candidateGroups,
      List<String> candidateUsers,
      Integer priority,
      String action) {
    UserTask task = task(batch, key, "update");
    String due = dateTime(key, "dueDate", dueDate);
    String followUp = dateTime(key, "followUpDate", followUpDate);
    if (priority != null && (priority < 0 || priority > 100)) {
      throw Rejection.invalidArgument(
          "Expected to update user task with key '%d' with a priority from 0 to 100, but it was %d",
          key, priority);
    }
    return transition(
        task,
        UserTask.State.UPDATING,
        action(action, "update"),
        new UserTask.Changes(
            null, false, due, followUp, candidateGroups, candidateUsers, priority));
  }

  public CompletableFuture<Void> complete(
      Batch batch, long key, Map<String, Object> variables, String action) {
    UserTask task = task(batch, key, "complete");
    bpmn.userTasks.transition(
        task,
        UserTask.State.COMPLETING,
        action(action, "complete"),
        UserTask.Changes.NONE,
        variables);
    return outcome(task);
  }

  private CompletableFuture<Void> transition(
      UserTask task, UserTask.State state, String action, UserTask.Changes changes) {
    bpmn.userTasks.transition(task, state, action, changes, null);
    return outcome(task);
  }

  /**
   * A process instance migration moved the task's element instance to the target version: the open
   * task follows it (record {@code USER_TASK MIGRATED}, as Zeebe's).
   */
  public void migrated(BpmnContext ctx, ElementInstance instance, DeployedProcess target) {
    UserTask task = ctx.state().userTasks().of(instance.key());
    if (task == null) {
      return;
    }
    task.migrateTo(target.key(), target.bpmnProcessId(), target.version(), instance.elementId());
    ctx.records().append(task.key(), UserTaskIntent.MIGRATED, UserTaskBehavior.value(task));
  }

  private static String action(String given, String otherwise) {
    return given == null || given.isBlank() ? otherwise : given;
  }

  /** Empty text clears a date, as Zeebe's changeset does. */
  private static String dateTime(long key, String name, String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    String normalised = UserTaskBehavior.normalisedDateTime(value);
    if (normalised == null) {
      throw Rejection.invalidArgument(
          "Expected to update user task with key '%d' with '%s' as an ISO 8601 date-time with an"
              + " offset, but it was '%s'",
          key, name, value);
    }
    return normalised;
  }
}
