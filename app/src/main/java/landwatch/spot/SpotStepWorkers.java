package landwatch.spot;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.deadline.Notice;
import landwatch.spot.judgment.Judgment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The spot-check model's recording steps that belong to the spot itself: the suggestion, the
 * verification, the county's correction, a direct judgment, deadlines passing and the outcome.
 * Review steps are the review feature's ({@code ReviewStepWorkers}).
 */
@Component
public class SpotStepWorkers {

  private final SpotSteps steps;
  private final SpotLifecycle lifecycle;
  private final SpotGroups groups;
  private final CamundaClient camunda;
  private final Duration confirmedIllegalTimeToLive;

  SpotStepWorkers(
      SpotSteps steps,
      SpotLifecycle lifecycle,
      SpotGroups groups,
      CamundaClient camunda,
      @Value("${landwatch.lifecycle.confirmed-illegal-time-to-live:P60D}")
          Duration confirmedIllegalTimeToLive) {
    this.steps = steps;
    this.lifecycle = lifecycle;
    this.groups = groups;
    this.camunda = camunda;
    this.confirmedIllegalTimeToLive = confirmedIllegalTimeToLive;
  }

  // only what the step reads: the instance also holds the year's judgment categories and the
  // spatial facts, which every one of a batch's thousands of activations would carry otherwise
  @JobWorker(
      type = "landwatch.record-suggestion",
      autoComplete = false,
      fetchVariables = {"spotId", "recordedAt", "suggestion"})
  public void suggestion(JobClient client, ActivatedJob job) {
    steps.complete(
        client,
        job,
        "SUGGESTED",
        in ->
            new StepOutcome(
                null,
                Map.of("suggestion", in.variables().map("suggestion")),
                null,
                new ProgressChange()
                    .state(SpotState.VERIFICATION)
                    .set("process_instance_key", job.getProcessInstanceKey()),
                null,
                null));
  }

  @JobWorker(type = "landwatch.record-verification", autoComplete = false)
  public void verification(JobClient client, ActivatedJob job) {
    steps.complete(
        client,
        job,
        "VERIFIED",
        in -> {
          Map<String, Object> verification = in.variables().map("verification");
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("verification", verification);
          detail.put("photoFindings", in.variables().get("photoFindings"));
          return new StepOutcome(
              JobVariables.optionalText(verification, "by"),
              detail,
              null,
              new ProgressChange().state(SpotState.JUDGMENT).set("verified_at", in.at()),
              null,
              null);
        });
  }

  @JobWorker(type = "landwatch.record-correction", autoComplete = false)
  public void correction(JobClient client, ActivatedJob job) {
    steps.complete(
        client,
        job,
        "CORRECTION",
        in -> {
          Map<String, Object> correction = in.variables().map("correction");
          String by = JobVariables.optionalText(correction, "by");
          if ("CORRECT".equals(correction.get("action"))) {
            JudgmentEntry corrected =
                JudgmentEntries.of("COUNTY_CORRECTION", correction, by, in.at(), false);
            return new StepOutcome(
                by,
                Map.of("action", "CORRECT", "correction", correction),
                null,
                new ProgressChange().state(SpotState.CITY_REVIEW).increment("corrected_count"),
                corrected,
                null);
          }
          return new StepOutcome(
              by,
              Map.of(
                  "action",
                  "DECLINE",
                  "declineReason",
                  String.valueOf(correction.get("declineReason"))),
              null,
              new ProgressChange().state(SpotState.DIRECT_JUDGMENT),
              null,
              List.of(
                  new Notice(
                      reviewerGroup(in),
                      "CORRECTION_DECLINED",
                      "图斑 " + in.spot().monitoringCode() + " 县级不予纠正，请直接判定",
                      in.spot().id())));
        });
  }

  @JobWorker(type = "landwatch.record-direct-judgment", autoComplete = false)
  public void directJudgment(JobClient client, ActivatedJob job) {
    steps.complete(
        client,
        job,
        "DIRECT_JUDGMENT",
        in -> {
          Map<String, Object> judged = in.variables().map("directJudgment");
          String by = JobVariables.optionalText(judged, "by");
          String basis =
              "PROVINCE".equals(in.variables().get("returnedBy"))
                  ? "PROVINCE_DIRECT"
                  : "CITY_DIRECT";
          JudgmentEntry entry = JudgmentEntries.of(basis, judged, by, in.at(), false);
          boolean overturned =
              lifecycle
                  .latestJudgment(in.spot().id(), List.of("COUNTY", "COUNTY_CORRECTION"))
                  .map(county -> county.judgment() != entry.judgment())
                  .orElse(true);
          return new StepOutcome(
              by,
              Map.of("basis", basis, "overturned", overturned),
              null,
              new ProgressChange()
                  .set("directly_judged", true)
                  .set("county_error", true)
                  .state(SpotState.DIRECT_JUDGMENT),
              entry,
              null);
        });
  }

  @JobWorker(type = "landwatch.record-overdue", autoComplete = false)
  public void overdue(JobClient client, ActivatedJob job) {
    String deadline = job.getCustomHeaders().get("deadline");
    steps.complete(client, job, deadline + "_OVERDUE", in -> overdue(in, deadline));
  }

  private StepOutcome overdue(SpotSteps.StepInput in, String deadline) {
    String code = in.spot().monitoringCode();
    return switch (deadline) {
      case "COUNTY" ->
          missed(
              in,
              "county_overdue",
              "COUNTY_OVERDUE",
              in.variables().get("countyDueDate"),
              "图斑 %s 已过县级填报期限（%s）仍未填报",
              "图斑 %s 县级逾期未填报（期限 %s）");
      case "PROVINCE" ->
          missed(
              in,
              "province_overdue",
              "PROVINCE_OVERDUE",
              in.variables().get("provinceDueDate"),
              "图斑 %s 已过月清期限（%s），逾期填报将记为迟报",
              "图斑 %s 已过月清期限（%s）仍未填报");
      case "CORRECTION" ->
          new StepOutcome(
              null,
              Map.of("deadline", String.valueOf(in.variables().get("correctionDueDate"))),
              null,
              new ProgressChange().state(SpotState.DIRECT_JUDGMENT),
              null,
              List.of(
                  new Notice(
                      reviewerGroup(in),
                      "CORRECTION_OVERDUE",
                      "图斑 " + code + " 纠正期限已过，请直接判定",
                      in.spot().id())));
      default -> throw new IllegalArgumentException("unknown deadline header " + deadline);
    };
  }

  /**
   * A report deadline passed with the spot unreported: flagged, and the county and its city told
   * (each message formatted with the monitoring code and the due date).
   */
  private StepOutcome missed(
      SpotSteps.StepInput in,
      String flag,
      String kind,
      Object dueDate,
      String countyMessage,
      String cityMessage) {
    String code = in.spot().monitoringCode();
    return new StepOutcome(
        null,
        Map.of("deadline", dueDate),
        null,
        new ProgressChange().set(flag, true),
        null,
        List.of(
            new Notice(
                SpotGroups.countyOfficers(in.spot().regionCode()),
                kind,
                countyMessage.formatted(code, dueDate),
                in.spot().id()),
            new Notice(
                SpotGroups.cityReviewers(groups.cityOf(in.spot().regionCode())),
                kind,
                cityMessage.formatted(code, dueDate),
                in.spot().id())));
  }

  /** Who judges directly: whoever returned the spot last. */
  private String reviewerGroup(SpotSteps.StepInput in) {
    return "PROVINCE".equals(in.variables().get("returnedBy"))
        ? SpotGroups.PROVINCE_MANAGERS
        : SpotGroups.cityReviewers(groups.cityOf(in.spot().regionCode()));
  }

  @JobWorker(type = "landwatch.record-outcome", autoComplete = false)
  public void outcome(JobClient client, ActivatedJob job) {
    steps.complete(
        client,
        job,
        "CONCLUDED",
        in -> {
          SpotLifecycle.RecordedJudgment last =
              lifecycle
                  .latestJudgment(in.spot().id(), List.of("CITY_DIRECT", "PROVINCE_DIRECT"))
                  .or(
                      () ->
                          lifecycle.latestJudgment(
                              in.spot().id(), List.of("COUNTY", "COUNTY_CORRECTION")))
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "spot " + in.spot().monitoringCode() + " has no judgment"));
          String basis = last.basis().startsWith("COUNTY") ? "COUNTY" : last.basis();
          Map<String, Object> finalJudgment = new LinkedHashMap<>();
          finalJudgment.put("judgment", last.judgment().name());
          finalJudgment.put("category", last.category());
          finalJudgment.put("basis", basis);
          finalJudgment.put("by", last.judgedBy());
          finalJudgment.put("at", last.judgedAt().toString());
          boolean illegal = last.judgment() == Judgment.ILLEGAL;
          return new StepOutcome(
              null,
              Map.of("finalJudgment", finalJudgment),
              Map.of("finalJudgment", finalJudgment),
              new ProgressChange()
                  .state(SpotState.CONCLUDED)
                  .set("final_judgment", last.judgment())
                  .set("final_basis", basis)
                  .set("concluded_at", in.at())
                  .set("awaiting_case_filing", illegal),
              null,
              null);
        });
  }

  /**
   * The message end event of an illegal spot: {@code spot-confirmed-illegal} for the case process,
   * kept by the engine for its time to live so a case process deployed later still receives it. The
   * message id makes a redelivered job's publication a duplicate the engine refuses.
   */
  @JobWorker(type = "landwatch.spot-confirmed-illegal", autoComplete = false)
  public void confirmedIllegal(JobClient client, ActivatedJob job) {
    JobVariables variables = new JobVariables(job.getVariablesAsMap());
    String code = variables.text("spotId");
    String message = job.getCustomHeaders().getOrDefault("messageName", "spot-confirmed-illegal");
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("spotId", code);
    payload.put("countyCode", variables.get("countyCode"));
    payload.put("batchId", variables.get("batchId"));
    payload.put("finalJudgment", variables.get("finalJudgment"));
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(message)
          .correlationKey(code)
          .messageId(message + "-" + code)
          .timeToLive(confirmedIllegalTimeToLive)
          .variables(payload)
          .send()
          .join();
    } catch (ProblemException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
    client.newCompleteCommand(job.getKey()).send().join();
  }
}
