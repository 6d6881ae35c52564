package landwatch.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.deadline.CorrectionDeadlines;
import landwatch.deadline.Deadline;
import landwatch.deadline.Notice;
import landwatch.spot.JobVariables;
import landwatch.spot.JudgmentEntries;
import landwatch.spot.JudgmentEntry;
import landwatch.spot.LifecycleSpot;
import landwatch.spot.ProgressChange;
import landwatch.spot.SpotGroups;
import landwatch.spot.SpotState;
import landwatch.spot.SpotSteps;
import landwatch.spot.StepOutcome;
import landwatch.user.ListenerVerdict;
import org.springframework.stereotype.Component;

/**
 * The spot-check model's report and review steps (§三(三)): the county's report with the city's
 * review selection, and each review's outcome — approval (with the province's re-review draw) or a
 * return with its correction deadline.
 */
@Component
public class ReviewStepWorkers {

  private final SpotSteps steps;
  private final ReviewPolicy policy;
  private final CorrectionDeadlines corrections;

  ReviewStepWorkers(SpotSteps steps, ReviewPolicy policy, CorrectionDeadlines corrections) {
    this.steps = steps;
    this.policy = policy;
    this.corrections = corrections;
  }

  /**
   * The county's report 填报: its judgment kept as made, marked late when after a deadline, and the
   * city's decision whether to review it — every 100% rule named, else the reproducible draw.
   */
  @JobWorker(type = "landwatch.record-report", autoComplete = false)
  public void report(JobClient client, ActivatedJob job) {
    steps.complete(
        client,
        job,
        "REPORTED",
        in -> {
          JobVariables variables = in.variables();
          Map<String, Object> submitted = variables.map("countyJudgment");
          String by = JobVariables.optionalText(submitted, "by");
          OffsetDateTime at = in.at();
          boolean lateToCity = !at.isBefore(variables.dateTime("countyOverdueAt"));
          boolean late = !at.isBefore(variables.dateTime("provinceOverdueAt"));
          JudgmentEntry judgment = JudgmentEntries.of("COUNTY", submitted, by, at, late);
          ReviewSelection selection =
              policy.cityReview(seed(in.spot()), subject(in.spot(), judgment, variables));
          boolean mandatory = selection instanceof ReviewSelection.Mandatory;
          Map<String, Object> cityReview = new LinkedHashMap<>();
          cityReview.put("required", selection.selected());
          cityReview.put("mandatory", mandatory);
          cityReview.put("sampled", selection instanceof ReviewSelection.Sampled);
          cityReview.put("reasons", selection.reasons());
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("late", late);
          detail.put("lateToCity", lateToCity);
          detail.put("cityReview", cityReview);
          return new StepOutcome(
              by,
              detail,
              Map.of("cityReview", cityReview),
              new ProgressChange()
                  .state(selection.selected() ? SpotState.CITY_REVIEW : SpotState.JUDGMENT)
                  .set("reported_at", at)
                  .set("reported_by", by)
                  .set("late", late)
                  .set("late_to_city", lateToCity)
                  .set("mandatory_review", mandatory)
                  .set("sampled", selection instanceof ReviewSelection.Sampled)
                  .set("review_reasons", selection.reasons()),
              judgment,
              null);
        });
  }

  /**
   * A review's outcome. A return counts as the county's error (差错, §二(二)) and sets the correction
   * deadline in working days from the return.
   */
  @JobWorker(type = "landwatch.record-review", autoComplete = false)
  public void review(JobClient client, ActivatedJob job) {
    String level = job.getCustomHeaders().get("level");
    steps.complete(client, job, level + "_REVIEWED", in -> reviewed(in, level));
  }

  private StepOutcome reviewed(SpotSteps.StepInput in, String level) {
    boolean city = "CITY".equals(level);
    Map<String, Object> result =
        in.variables().map(city ? "cityReviewResult" : "provinceReviewResult");
    String by = JobVariables.optionalText(result, "by");
    boolean fieldCheck = Boolean.TRUE.equals(result.get("fieldCheck"));
    Map<String, Object> detail = new LinkedHashMap<>(result);
    detail.put("level", level);
    if ("RETURN".equals(result.get("decision"))) {
      Deadline due = corrections.forReturnAt(in.at().toInstant());
      List<String> reasons = JobVariables.texts(result.get("reasons"));
      Map<String, Object> outputs = new LinkedHashMap<>();
      outputs.put("returnedBy", level);
      outputs.put("returnReasons", reasons);
      outputs.put("correctionDueDate", due.lastDay().toString());
      outputs.put("correctionOverdueAt", due.overdueAtText());
      detail.putAll(outputs);
      ProgressChange change =
          new ProgressChange()
              .state(SpotState.CORRECTION)
              .increment("returned_count")
              .set("county_error", true)
              .set("correction_due", due.lastDay());
      if (fieldCheck) {
        change.set("field_check", true);
      }
      return new StepOutcome(
          by,
          detail,
          outputs,
          change,
          null,
          List.of(
              new Notice(
                  SpotGroups.countyOfficers(in.spot().regionCode()),
                  "RETURNED",
                  "图斑 "
                      + in.spot().monitoringCode()
                      + " 被"
                      + (city ? "市级" : "自治区")
                      + "退回，请于 "
                      + due.lastDay()
                      + " 前纠正："
                      + String.join("；", reasons),
                  in.spot().id())));
    }
    Map<String, Object> outputs = new LinkedHashMap<>();
    ProgressChange change = new ProgressChange();
    if (fieldCheck) {
      change.set("field_check", true);
    }
    if (city) {
      ReviewSelection reReview =
          policy.provinceReReview(seed(in.spot()), in.spot().monitoringCode());
      outputs.put(
          "provinceReReview",
          Map.of("required", reReview.selected(), "reasons", reReview.reasons()));
      change
          .set("province_re_review", reReview.selected())
          .state(reReview.selected() ? SpotState.PROVINCE_REVIEW : SpotState.CITY_REVIEW);
    }
    detail.putAll(outputs);
    return new StepOutcome(by, detail, outputs, change, null, null);
  }

  /** A return must say why: denied in Chinese otherwise. */
  @JobWorker(type = "landwatch.review-check", autoComplete = false)
  public void reviewCheck(JobClient client, ActivatedJob job) {
    Map<String, Object> submitted = job.getVariablesAsMap();
    List<String> problems = new ArrayList<>();
    Object decision = submitted.get("decision");
    if (!"APPROVE".equals(decision) && !"RETURN".equals(decision)) {
      problems.add("请选择审核结论：通过或退回");
    } else if ("RETURN".equals(decision)
        && JobVariables.texts(submitted.get("reasons")).isEmpty()) {
      problems.add("退回须填写退回理由");
    }
    ListenerVerdict.completeOrDeny(client, job, problems);
  }

  private static SamplingSeed seed(LifecycleSpot spot) {
    if (spot.samplingSeed() == null) {
      throw new IllegalStateException(
          "batch " + spot.batchId() + " has no sampling seed: its review sample cannot be drawn");
    }
    return SamplingSeed.fromHex(spot.samplingSeed().trim());
  }

  /**
   * The 100% rules the suggestion decision found (its audit names them); a decision that demands
   * review without a reason still sends the spot to review.
   */
  private static ReviewSubject subject(
      LifecycleSpot spot, JudgmentEntry judgment, JobVariables variables) {
    Map<String, Object> suggestion = variables.map("suggestion");
    List<String> reasons =
        new ArrayList<>(JobVariables.texts(suggestion.get("mandatoryReviewReasons")));
    if (Boolean.TRUE.equals(suggestion.get("mandatoryReview")) && reasons.isEmpty()) {
      reasons.add("空间核查要求100%审核（规则表 " + suggestion.get("ruleTableVersion") + "）");
    }
    return new ReviewSubject(
        spot.monitoringCode(),
        spot.changeType() == null ? null : spot.changeType().trim(),
        judgment.judgment(),
        reasons);
  }
}
