package landwatch.spot;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import landwatch.deadline.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records one lifecycle step of a job exactly once: with the spot's progress row locked, a job
 * whose event exists answers that event's outputs again and changes nothing (a redelivery after a
 * crash or a timeout), else the step's change, event, judgment and notices are written in one
 * transaction. The job is completed after the commit; a crash in between redelivers it, which the
 * first rule makes harmless.
 */
@Component
public class SpotSteps {

  private static final Logger LOG = LoggerFactory.getLogger(SpotSteps.class);

  private final SpotLifecycle lifecycle;
  private final TransactionTemplate transaction;
  private final Notifications notifications;

  SpotSteps(SpotLifecycle lifecycle, TransactionTemplate transaction, Notifications notifications) {
    this.lifecycle = lifecycle;
    this.transaction = transaction;
    this.notifications = notifications;
  }

  /** The input of a step: the spot, the job's variables and the engine's time of the step. */
  public record StepInput(
      LifecycleSpot spot, JobVariables variables, OffsetDateTime at, ActivatedJob job) {}

  /**
   * Records the step and completes the job. A job the engine no longer has was left by its element
   * meanwhile — an officer reporting as the deadline timer fired ends the deadline watch — and what
   * was recorded stays true (the deadline did pass first), so that is no failure.
   */
  public void complete(
      JobClient client, ActivatedJob job, String step, Function<StepInput, StepOutcome> body) {
    Map<String, Object> outputs = record(job, step, body);
    try {
      client.newCompleteCommand(job.getKey()).variables(outputs).send().join();
    } catch (ProblemException e) {
      if (e.code() != HttpStatus.NOT_FOUND.value()) {
        throw e;
      }
      LOG.info(
          "{} of spot {}: job {} was left by its element ({}) before it completed",
          step,
          job.getVariable("spotId"),
          job.getKey(),
          job.getElementId());
    }
  }

  public Map<String, Object> record(
      ActivatedJob job, String step, Function<StepInput, StepOutcome> body) {
    return transaction.execute(
        status -> {
          JobVariables variables = new JobVariables(job.getVariablesAsMap());
          String code = variables.text("spotId");
          LifecycleSpot spot =
              lifecycle
                  .lock(code)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "图斑 " + code + " 不存在 (no spot " + code + ")"));
          var recorded = lifecycle.outputsOf(job.getKey());
          if (recorded.isPresent()) {
            return recorded.get();
          }
          OffsetDateTime at = variables.recordedAt();
          StepOutcome outcome = body.apply(new StepInput(spot, variables, at, job));
          Map<String, Object> detail = new LinkedHashMap<>(outcome.detail());
          detail.put("elementId", job.getElementId());
          detail.put("processInstanceKey", job.getProcessInstanceKey());
          detail.put("outputs", outcome.outputs());
          long eventId =
              lifecycle.appendEvent(spot.id(), step, at, outcome.actor(), detail, job.getKey());
          lifecycle.apply(spot.id(), outcome.change());
          if (outcome.judgment() != null) {
            lifecycle.appendJudgment(spot.id(), eventId, outcome.judgment());
          }
          notifications.send(outcome.notices());
          return outcome.outputs();
        });
  }
}
