package landwatch.engine.job;

import java.util.Map;
import landwatch.engine.bpmn.BpmnEngine;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.EventTriggerBehavior;
import landwatch.engine.bpmn.behavior.IncidentTypes;
import landwatch.engine.bpmn.behavior.UserTaskBehavior;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.Rejection;
import landwatch.engine.record.intent.JobIntent;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.Job;
import landwatch.engine.state.UserTask;

/** What a job worker can do with a job: complete it, fail it, throw a BPMN error, update it. */
public final class JobCommands {

  private final BpmnEngine bpmn;
  private final JobDeadlines deadlines;

  public JobCommands(BpmnEngine bpmn, JobDeadlines deadlines) {
    this.bpmn = bpmn;
    this.deadlines = deadlines;
  }

  private Job job(Batch batch, long key, String action) {
    Job job = batch.state.jobs().get(key);
    if (job == null) {
      throw Rejection.notFound(
          "Expected to %s job with key '%d', but no such job was found", action, key);
    }
    return job;
  }

  /**
   * A job that timed out may still be completed by the worker that was late: Zeebe allows it. A
   * task listener's job continues its user task's transition with its result instead of completing
   * the element; {@code listenerResult} is null when the worker sent none.
   */
  public void complete(
      Batch batch,
      long key,
      Map<String, Object> variables,
      UserTaskBehavior.ListenerResult listenerResult) {
    Job job = job(batch, key, "complete");
    if (job.state() != Job.State.ACTIVATED && job.state() != Job.State.ACTIVATABLE) {
      throw Rejection.invalidState(
          "Expected to complete job with key '%d', but it is in state '%s'", key, job.state());
    }
    if (job.kind() == Job.Kind.TASK_LISTENER) {
      UserTaskBehavior.ListenerResult result =
          listenerResult == null
              ? new UserTaskBehavior.ListenerResult(false, null, UserTask.Changes.NONE)
              : listenerResult;
      TaskListenerCompletion.check(
          job, variables, result, batch.state.userTasks().get(job.userTaskKey()));
      batch.state.jobs().remove(job);
      batch.records.append(
          key,
          JobIntent.COMPLETED,
          Map.of(
              "type",
              job.type(),
              "elementInstanceKey",
              job.elementInstanceKey(),
              "jobKind",
              job.kind().name(),
              "denied",
              result.denied()));
      bpmn.userTasks.listenerCompleted(job, result);
      return;
    }
    ElementInstance instance = batch.state.instances().get(job.elementInstanceKey());
    batch.state.jobs().remove(job);
    batch.records.append(
        key,
        JobIntent.COMPLETED,
        Map.of("type", job.type(), "elementInstanceKey", job.elementInstanceKey()));
    if (instance != null) {
      instance.setJobKey(-1);
      instance.setTriggerVariables(variables);
      bpmn.behaviors.transitions().completeElement(instance);
    }
  }

  public void fail(
      Batch batch,
      long key,
      int retries,
      String errorMessage,
      long retryBackOff,
      Map<String, Object> variables) {
    Job job = job(batch, key, "fail");
    if (job.state() != Job.State.ACTIVATED) {
      throw Rejection.invalidState(
          "Expected to fail job with key '%d', but it is in state '%s'", key, job.state());
    }
    ElementInstance instance = batch.state.instances().get(job.elementInstanceKey());
    job.fail(retries, errorMessage == null ? "" : errorMessage);
    batch.records.append(
        key, JobIntent.FAILED, Map.of("retries", retries, "errorMessage", job.errorMessage()));
    if (instance != null && variables != null && !variables.isEmpty()) {
      bpmn.behaviors.variables().setLocalDocument(instance, variables);
    }
    if (retries > 0 && retryBackOff > 0) {
      job.backOff(batch.now + retryBackOff);
      deadlines.noteDeadline(job.retryBackoffUntil());
    } else if (retries > 0) {
      job.retry();
      bpmn.behaviors.jobs().notifyAvailable(job.type());
    } else {
      job.stop();
      if (instance != null) {
        String message =
            job.errorMessage().isEmpty() ? "No more retries left." : job.errorMessage();
        String type =
            job.kind() == Job.Kind.TASK_LISTENER
                ? IncidentTypes.TASK_LISTENER_NO_RETRIES
                : IncidentTypes.JOB_NO_RETRIES;
        bpmn.behaviors.incidents().createJobIncident(new Failure(type, message), instance, key);
      }
    }
  }

  public void throwError(
      Batch batch, long key, String errorCode, String errorMessage, Map<String, Object> variables) {
    Job job = job(batch, key, "throw an error for");
    if (job.state() != Job.State.ACTIVATED && job.state() != Job.State.ACTIVATABLE) {
      throw Rejection.invalidState(
          "Expected to throw an error for job with key '%d', but it is in state '%s'",
          key, job.state());
    }
    if (job.kind() == Job.Kind.TASK_LISTENER) {
      throw Rejection.invalidState(
          "Expected to throw an error for job with key '%d', but it is a task listener's job: a"
              + " listener completes (or denies) or fails",
          key);
    }
    if (errorCode == null || errorCode.isBlank()) {
      throw Rejection.invalidArgument("Expected to throw an error with a non-empty error code");
    }
    ElementInstance instance = batch.state.instances().get(job.elementInstanceKey());
    batch.records.append(key, JobIntent.ERROR_THROWN, Map.of("errorCode", errorCode));
    EventTriggerBehavior.Outcome outcome =
        instance == null
            ? EventTriggerBehavior.Outcome.UNCAUGHT
            : bpmn.behaviors
                .events()
                .throwError(
                    instance, errorCode, errorMessage == null ? "" : errorMessage, variables);
    if (outcome != EventTriggerBehavior.Outcome.UNCAUGHT) {
      batch.state.jobs().remove(job);
      instance.setJobKey(-1);
      return;
    }
    job.errorThrown(errorMessage == null ? "" : errorMessage);
    if (instance != null) {
      Failure uncaught =
          new Failure(
              IncidentTypes.UNHANDLED_ERROR_EVENT,
              "Expected to throw an error event with the code '"
                  + errorCode
                  + "'"
                  + (errorMessage == null || errorMessage.isEmpty()
                      ? ""
                      : " with message '" + errorMessage + "'")
                  + ", but it was not caught. No error events are available in the scope.");
      bpmn.behaviors.incidents().createJobIncident(uncaught, instance, key);
    }
  }

  public void update(Batch batch, long key, Integer retries, Long timeout) {
    Job job = job(batch, key, "update");
    if (retries != null && retries < 1) {
      throw Rejection.invalidArgument(
          "Expected to update retries for job with key '%d' with a positive amount of retries, "
              + "but the amount given was '%d'",
          key, retries);
    }
    if (timeout != null && job.state() != Job.State.ACTIVATED) {
      throw Rejection.invalidState(
          "Expected to update the timeout of job with key '%d', but it is not activated", key);
    }
    if (retries != null) {
      job.setRetries(retries);
      batch.records.append(key, JobIntent.RETRIES_UPDATED, Map.of("retries", retries));
    }
    if (timeout != null) {
      job.setDeadline(batch.now + timeout);
      deadlines.noteDeadline(job.deadline());
      batch.records.append(key, JobIntent.TIMEOUT_UPDATED, Map.of("deadline", job.deadline()));
    }
  }
}
