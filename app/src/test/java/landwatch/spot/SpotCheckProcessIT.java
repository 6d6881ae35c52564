package landwatch.spot;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static landwatch.spot.SpotMonth.CONTRACTOR;
import static landwatch.spot.SpotMonth.MANAGER;
import static landwatch.spot.SpotMonth.OFFICER;
import static landwatch.spot.SpotMonth.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.ProcessInstanceSelector;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.spot.judgment.Judgment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The monthly lifecycle of a spot (processes/spot-check.bpmn) end to end, one test per path: the
 * whole application runs (its workers, listeners and database), Camunda Process Test drives and
 * asserts through the engine's API, scripted demo users complete the tasks. The engine's clock is
 * pinned to 3 November 2026, 09:00 in Ningxia, for a batch issued in October: the county's deadline
 * is 20 November, the province's 25 November.
 */
@ExtendWith({ProcessCoverageFigures.class, ProcessTestApplication.class})
@CamundaProcessTest
class SpotCheckProcessIT {

  private static final OffsetDateTime MONTH_START =
      OffsetDateTime.parse("2026-11-03T09:00:00+08:00");

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @BeforeEach
  void deployAndPinTheClock() throws IOException {
    SpotMonth.deployAndPinTheClock(client, MONTH_START);
  }

  private static ProcessInstanceSelector instance(long key) {
    return ProcessInstanceSelectors.byKey(key);
  }

  @Test
  void aLegalSpotTheCityDoesNotSampleIsConcludedOnTheCountysJudgment() {
    SpotMonth month = SpotMonth.issue(client, 20, i -> "新增建设");
    String code = month.firstWhere(c -> !month.citySamples(c));
    long instance = month.instanceOf(code);

    month.verify(code, CONTRACTOR);
    month.judge(code, Judgment.LEGAL);

    assertThat(instance(instance))
        .isCompleted()
        .hasCompletedElementsInOrder(
            "spot-issued",
            "check-spatial",
            "suggest-judgment",
            "record-suggestion",
            "county-report",
            "record-report",
            "city-review-needed",
            "conclude",
            "record-outcome",
            "confirmed-illegal",
            "concluded")
        .hasNotActivatedElements("city-review", "province-review", "correct", "direct-judgment");
    assertThat(instance(instance))
        .hasCompletedElementsInOrder("record-verification", "list-categories", "judge");
    Map<String, Object> progress = month.awaitState(code, SpotState.CONCLUDED);
    assertThat(progress)
        .containsEntry("final_judgment", "LEGAL")
        .containsEntry("final_basis", "COUNTY")
        .containsEntry("reported_by", OFFICER)
        .containsEntry("sampled", false)
        .containsEntry("late", false)
        .containsEntry("county_error", false);
  }

  @Test
  void aSampledSpotIsApprovedByTheCity() {
    SpotMonth month = SpotMonth.issue(client, 20, i -> "新增建设");
    String code = month.firstWhere(c -> month.citySamples(c) && !month.provinceReReviews(c));
    long instance = month.instanceOf(code);
    month.verify(code, OFFICER);
    month.judge(code, Judgment.LEGAL);

    assertThat(instance(instance)).hasActiveElements("city-review");
    assertThat(month.awaitState(code, SpotState.CITY_REVIEW)).containsEntry("sampled", true);
    month.review("city-review", code, REVIEWER, "APPROVE", null);

    assertThat(instance(instance))
        .isCompleted()
        .hasCompletedElements(
            "city-review", "record-city-review", "city-review-outcome", "concluded")
        .hasNotActivatedElements("province-review", "correct");
    assertThat(month.awaitState(code, SpotState.CONCLUDED)).containsEntry("final_basis", "COUNTY");
  }

  @Test
  void aDemolishAndRestoreSpotIsReviewedWhateverTheDraw() {
    SpotMonth month = SpotMonth.issue(client, 20, i -> "拆除复耕");
    String code = month.firstWhere(c -> !month.citySamples(c));
    long instance = month.instanceOf(code);
    month.verify(code, OFFICER);
    month.judge(code, Judgment.OTHER);

    assertThat(instance(instance)).hasActiveElements("city-review");
    assertThat(month.awaitState(code, SpotState.CITY_REVIEW))
        .containsEntry("mandatory_review", true)
        .containsEntry("sampled", false);
    assertThat(month.progress(code).get("review_reasons").toString()).contains("拆除复耕");
    JsonNode reasons =
        SpotMonth.api(OFFICER)
            .getForObject("/api/spots/" + code, JsonNode.class)
            .get("progress")
            .get("reviewReasons");
    assertThat(reasons.isArray()).as("reviewReasons as JSON: %s", reasons).isTrue();
    assertThat(reasons.toString()).contains("拆除复耕");
  }

  @Test
  void aReturnedSpotIsCorrectedAndThenApproved() {
    SpotMonth month = SpotMonth.issue(client, 20, i -> "新增建设");
    String code = month.firstWhere(c -> month.citySamples(c) && !month.provinceReReviews(c));
    long instance = month.instanceOf(code);
    month.verify(code, OFFICER);
    month.judge(code, Judgment.LEGAL);
    month.review("city-review", code, REVIEWER, "RETURN", "审批文号与批准用地不符");

    assertThat(month.awaitState(code, SpotState.CORRECTION))
        .containsEntry("returned_count", 1)
        .containsEntry("county_error", true);
    assertThat(month.notifications(code)).contains("county:640104:officer RETURNED");
    Map<String, Object> correction = month.judgment(instance, Judgment.ILLEGAL, "确属未批先建");
    correction.put("action", "CORRECT");
    correction.put("contradictionReason", "现场核实确认违法");
    assertThat(month.complete(month.awaitTask("correct", code), OFFICER, correction)).isNull();
    month.review("city-review", code, REVIEWER, "APPROVE", null);

    assertThat(instance(instance))
        .isCompleted()
        .hasCompletedElements(
            "correct", "record-correction", "correction-outcome", "awaiting-case-filing");
    assertThat(month.awaitState(code, SpotState.CONCLUDED))
        .containsEntry("final_judgment", "ILLEGAL")
        .containsEntry("final_basis", "COUNTY")
        .containsEntry("corrected_count", 1)
        .containsEntry("awaiting_case_filing", true);
    assertThat(month.judgments(code))
        .extracting(j -> j.get("basis") + " " + j.get("judgment"))
        .containsExactly("COUNTY LEGAL", "COUNTY_CORRECTION ILLEGAL");

    TestRestTemplate officer = SpotMonth.api(OFFICER);
    JsonNode page = officer.getForObject("/api/spots/" + code, JsonNode.class);
    assertThat(page.get("monitoringCode").asText()).isEqualTo(code);
    assertThat(page.get("progress").get("state").asText()).isEqualTo("CONCLUDED");
    assertThat(page.get("judgments")).hasSize(2);
    assertThat(page.get("history").findValuesAsText("step"))
        .containsSubsequence(
            "SUGGESTED",
            "VERIFIED",
            "REPORTED",
            "CITY_REVIEWED",
            "CORRECTION",
            "CITY_REVIEWED",
            "CONCLUDED");
    JsonNode concluded =
        officer.getForObject(
            "/api/spots?batch=" + month.batchId + "&state=CONCLUDED", JsonNode.class);
    assertThat(concluded.get("total").asLong()).isEqualTo(1);
    assertThat(concluded.get("items").get(0).get("monitoringCode").asText()).isEqualTo(code);
    JsonNode progress =
        SpotMonth.api(REVIEWER)
            .getForObject("/api/batches/" + month.batchId + "/progress", JsonNode.class);
    assertThat(progress).hasSize(1);
    assertThat(progress.get(0).get("issued").asInt()).isEqualTo(20);
    assertThat(progress.get(0).get("reported").asInt()).isEqualTo(1);
    assertThat(progress.get(0).get("corrected").asInt()).isEqualTo(1);
    assertThat(progress.get(0).get("concluded").asInt()).isEqualTo(1);
    assertThat(progress.get(0).get("countyErrors").asInt()).isEqualTo(1);
    assertThat(
            SpotMonth.api("reviewer-640200")
                .getForEntity("/api/spots/" + code, JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  @Test
  void aCountyThatDeclinesToCorrectIsJudgedDirectlyByTheCity() {
    SpotMonth month = SpotMonth.issue(client, 20, i -> "新增建设");
    String code = month.firstWhere(c -> month.citySamples(c) && !month.provinceReReviews(c));
    long instance = month.instanceOf(code);
    month.verify(code, OFFICER);
    month.judge(code, Judgment.LEGAL);
    month.review("city-review", code, REVIEWER, "RETURN", "未提供批准文件");
    assertThat(
            month.complete(
                month.awaitTask("correct", code),
                OFFICER,
                Map.of("action", "DECLINE", "declineReason", "已提交批准文件，判定无误")))
        .isNull();

    var task = month.awaitTask("direct-judgment", code);
    assertThat(task.getCandidateGroups()).containsExactly("city:640100:reviewer");
    Map<String, Object> direct = month.judgment(instance, Judgment.ILLEGAL, "批准文件与现场不符");
    direct.put("contradictionReason", "市级审核认定违法");
    assertThat(month.complete(task, REVIEWER, direct)).isNull();

    assertThat(instance(instance)).isCompleted().hasCompletedElements("direct-judgment");
    assertThat(month.awaitState(code, SpotState.CONCLUDED))
        .containsEntry("final_judgment", "ILLEGAL")
        .containsEntry("final_basis", "CITY_DIRECT")
        .containsEntry("directly_judged", true);
    assertThat(month.judgments(code))
        .extracting(j -> j.get("basis") + " " + j.get("judgment") + " " + j.get("judged_by"))
        .containsExactly("COUNTY LEGAL " + OFFICER, "CITY_DIRECT ILLEGAL " + REVIEWER);
  }

  @Test
  void aCorrectionDeadlineThatPassesLeavesTheJudgmentToTheCity() {
    SpotMonth month = SpotMonth.issue(client, 20, i -> "新增建设");
    String code = month.firstWhere(c -> month.citySamples(c) && !month.provinceReReviews(c));
    long instance = month.instanceOf(code);
    month.verify(code, OFFICER);
    month.judge(code, Judgment.LEGAL);
    month.review("city-review", code, REVIEWER, "RETURN", "照片与图斑位置不符");
    Map<String, Object> returned = month.awaitState(code, SpotState.CORRECTION);
    // returned on Tuesday 3 November: five working days later is Tuesday 10 November
    assertThat(returned.get("correction_due").toString()).isEqualTo("2026-11-10");

    processTestContext.increaseTime(Duration.ofDays(8));

    assertThat(instance(instance))
        .hasTerminatedElements("correct")
        .hasCompletedElements("correction-deadline-passed", "record-correction-overdue")
        .hasActiveElements("direct-judgment");
    assertThat(month.awaitState(code, SpotState.DIRECT_JUDGMENT)).isNotNull();
    assertThat(month.notifications(code)).contains("city:640100:reviewer CORRECTION_OVERDUE");
  }

  @Test
  void aContractorMayVerifyButNeverJudge() {
    SpotMonth month = SpotMonth.issue(client, 3, i -> "新增建设");
    String code = month.codes.get(0);
    long instance = month.instanceOf(code);
    month.verify(code, CONTRACTOR);

    String denied =
        month.complete(
            month.awaitTask("judge", code),
            CONTRACTOR,
            month.judgment(instance, Judgment.LEGAL, "合法"));

    assertThat(denied).contains("第三方核查人员不能进行合法性判定");
    assertThat(instance(instance)).hasActiveElements("judge");
  }

  /**
   * The judge task's completing listener denies each rule's omission on its own, in Chinese, and
   * leaves the task open; the submission that mends the last one completes it. Each attempt breaks
   * one rule only, and none gives a field a later attempt leaves out, so a denial is never
   * explained by another rule or by what an earlier attempt sent.
   */
  @Test
  void eachJudgmentRuleDeniesItsOwnOmissionAndTheMendedSubmissionCompletes() {
    SpotMonth month = SpotMonth.issue(client, 3, i -> "新增非农建设类");
    String code = month.codes.get(0);
    long instance = month.instanceOf(code);
    month.verify(code, OFFICER);
    var judge = month.awaitTask("judge", code);
    Judgment suggested =
        Judgment.valueOf(
            (String) ((Map<?, ?>) month.variable(instance, "suggestion")).get("judgment"));
    List<Map<String, Object>> categories = categories(month, instance);

    Judgment contradicting = suggested == Judgment.LEGAL ? Judgment.ILLEGAL : Judgment.LEGAL;
    Map<String, Object> unexplained =
        submission(
            contradicting,
            category(
                categories,
                contradicting,
                c ->
                    !Boolean.TRUE.equals(c.get("needsApprovalDocument"))
                        && !Boolean.TRUE.equals(c.get("needsRuralHousingAnswer"))));
    assertThat(month.complete(judge, OFFICER, unexplained))
        .endsWith(
            denial(
                "提交被拒绝：判定结果（"
                    + contradicting.chineseName()
                    + "）与判定建议（"
                    + suggested.chineseName()
                    + "）不一致，须填写不一致的理由"));
    assertThat(instance(instance)).hasActiveElements("judge");

    Map<String, Object> approved =
        category(categories, Judgment.LEGAL, c -> "APPROVED_CONSTRUCTION".equals(c.get("value")));
    assertThat(approved).containsEntry("needsApprovalDocument", true);
    Map<String, Object> legalWithoutNumber =
        explained(submission(Judgment.LEGAL, approved), suggested);
    assertThat(month.complete(judge, OFFICER, legalWithoutNumber))
        .endsWith(denial("提交被拒绝：判定类别「依法批准建设用地」须填写批准文号"));
    assertThat(instance(instance)).hasActiveElements("judge");

    Map<String, Object> cultivated =
        category(
            categories, Judgment.ILLEGAL, c -> "ILLEGAL_CULTIVATED_LAND".equals(c.get("value")));
    assertThat(cultivated).containsEntry("needsRuralHousingAnswer", true);
    Map<String, Object> unanswered = explained(submission(Judgment.ILLEGAL, cultivated), suggested);
    assertThat(month.complete(judge, OFFICER, unanswered))
        .endsWith(denial("提交被拒绝：请回答是否属于新增农村乱占耕地建房问题"));
    assertThat(instance(instance)).hasActiveElements("judge");

    Map<String, Object> other = category(categories, Judgment.OTHER, c -> true);
    Map<String, Object> unjustified = explained(submission(Judgment.OTHER, other), suggested);
    assertThat(month.complete(judge, OFFICER, unjustified))
        .endsWith(denial("提交被拒绝：「新增非农建设类」图斑一般不得判定为其他类，判定为其他须上传佐证材料（§三(一)2）"));
    assertThat(instance(instance)).hasActiveElements("judge");

    Map<String, Object> justified = new LinkedHashMap<>(unjustified);
    justified.put(
        "justification",
        List.of(
            month.document(
                "%PDF-1.4\n% 设施农业用地备案说明\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "佐证材料.pdf",
                "application/pdf")));
    assertThat(month.complete(judge, OFFICER, justified)).isNull();

    assertThat(instance(instance)).hasCompletedElements("judge").hasActiveElements("city-review");
    assertThat(month.awaitState(code, SpotState.CITY_REVIEW))
        .containsEntry("mandatory_review", true)
        .containsEntry("reported_by", OFFICER);
    assertThat(month.judgments(code))
        .singleElement()
        .satisfies(
            j -> assertThat(j).containsEntry("basis", "COUNTY").containsEntry("judgment", "OTHER"));
  }

  /** How the engine words a completion its task listener denied, around the listener's reason. */
  private static String denial(String reason) {
    return "Reason to deny: '" + reason + "'";
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> categories(SpotMonth month, long instance) {
    return (List<Map<String, Object>>) month.variable(instance, "judgmentCategories");
  }

  private static Map<String, Object> category(
      List<Map<String, Object>> categories,
      Judgment kind,
      java.util.function.Predicate<Map<String, Object>> condition) {
    return categories.stream()
        .filter(c -> kind.name().equals(c.get("kind")))
        .filter(condition)
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("the year's table has no such " + kind + " category"));
  }

  /** A submission complete but for what its category asks beyond the judgment and the reasons. */
  private static Map<String, Object> submission(Judgment kind, Map<String, Object> category) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    submitted.put("judgment", kind.name());
    submitted.put("category", category.get("value"));
    submitted.put("reasons", "经核实，符合判定标准");
    return submitted;
  }

  /** With the reason a judgment other than the suggestion needs. */
  private static Map<String, Object> explained(Map<String, Object> submitted, Judgment suggested) {
    if (!suggested.name().equals(submitted.get("judgment"))) {
      submitted.put("contradictionReason", "现场情况与判定建议不符");
    }
    return submitted;
  }

  @Test
  void aTaskIsCompletedOnlyByItsAssigneeNamingThemself() {
    SpotMonth month = SpotMonth.issue(client, 3, i -> "新增建设");
    String code = month.codes.get(0);
    var verify = month.awaitTask("verify", code);
    client.newAssignUserTaskCommand(verify.getUserTaskKey()).assignee(OFFICER).send().join();
    Map<String, Object> submitted = new LinkedHashMap<>(month.verification());
    submitted.put("completedBy", REVIEWER);

    var problem =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                client
                    .newCompleteUserTaskCommand(verify.getUserTaskKey())
                    .variables(submitted)
                    .send()
                    .join());

    assertThat(problem.details().getDetail()).contains("不是任务办理人");
  }

  @Test
  void unreportedSpotsAreFlaggedAtTheTwentiethAndTheTwentyFifthAndALateReportIsMarkedLate() {
    SpotMonth month = SpotMonth.issue(client, 3, i -> "新增建设");
    String code = month.codes.get(0);
    long instance = month.instanceOf(code);
    month.verify(code, OFFICER);

    // 3 November 09:00 + 17 days 16 hours = 21 November 01:00: the 20th has passed
    processTestContext.increaseTime(Duration.ofDays(17).plusHours(16));
    assertThat(instance(instance))
        .hasCompletedElements("county-deadline-passed", "record-county-overdue");
    assertThat(month.progress(code)).containsEntry("county_overdue", true);
    assertThat(month.notifications(code))
        .contains("county:640104:officer COUNTY_OVERDUE", "city:640100:reviewer COUNTY_OVERDUE");

    processTestContext.increaseTime(Duration.ofDays(5));
    assertThat(instance(instance))
        .hasCompletedElements("province-deadline-passed", "record-province-overdue")
        .hasActiveElements("judge", "extended-after-deadline");
    assertThat(month.progress(code)).containsEntry("province_overdue", true);

    month.judge(code, Judgment.LEGAL);
    assertThat(instance(instance)).hasTerminatedElements("extended-after-deadline");
    awaitReported(month, code);
    assertThat(month.progress(code))
        .containsEntry("late", true)
        .containsEntry("late_to_city", true);
    assertThat(month.judgments(code))
        .singleElement()
        .satisfies(j -> assertThat(j).containsEntry("late", true));
  }

  private static void awaitReported(SpotMonth month, String code) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> month.progress(code).get("reported_at") != null);
  }

  @Test
  void theProvinceReReviewsADrawnSpotAndJudgesItDirectlyWhenTheCountyDeclines() {
    SpotMonth month = SpotMonth.issue(client, 30, i -> "新增建设");
    String code = month.firstWhere(c -> month.citySamples(c) && month.provinceReReviews(c));
    long instance = month.instanceOf(code);
    month.verify(code, OFFICER);
    month.judge(code, Judgment.LEGAL);
    month.review("city-review", code, REVIEWER, "APPROVE", null);

    assertThat(month.awaitTask("province-review", code).getCandidateGroups())
        .containsExactly("province:640000:manager");
    month.review("province-review", code, MANAGER, "RETURN", "复核发现未批先建");
    assertThat(
            month.complete(
                month.awaitTask("correct", code),
                OFFICER,
                Map.of("action", "DECLINE", "declineReason", "坚持原判定")))
        .isNull();
    var direct = month.awaitTask("direct-judgment", code);
    assertThat(direct.getCandidateGroups()).containsExactly("province:640000:manager");
    Map<String, Object> judged = month.judgment(instance, Judgment.ILLEGAL, "自治区复核认定违法");
    judged.put("contradictionReason", "复核认定");
    assertThat(month.complete(direct, MANAGER, judged)).isNull();

    assertThat(instance(instance)).isCompleted().hasCompletedElements("awaiting-case-filing");
    assertThat(month.awaitState(code, SpotState.CONCLUDED))
        .containsEntry("final_basis", "PROVINCE_DIRECT")
        .containsEntry("province_re_review", true);
  }

  @Test
  void aReturnWithoutReasonsIsRefused() {
    SpotMonth month = SpotMonth.issue(client, 20, i -> "新增建设");
    String code = month.firstWhere(month::citySamples);
    month.verify(code, OFFICER);
    month.judge(code, Judgment.LEGAL);

    String denied =
        month.complete(
            month.awaitTask("city-review", code),
            REVIEWER,
            Map.of("decision", "RETURN", "fieldCheck", true));

    assertThat(denied).contains("退回须填写退回理由");
  }

  @Test
  void theProvinceApprovesADrawnSpotTheCityApproved() {
    SpotMonth month = SpotMonth.issue(client, 30, i -> "新增建设");
    String code = month.firstWhere(c -> month.citySamples(c) && month.provinceReReviews(c));
    long instance = month.instanceOf(code);
    month.verify(code, OFFICER);
    month.judge(code, Judgment.LEGAL);
    month.review("city-review", code, REVIEWER, "APPROVE", null);
    month.review("province-review", code, MANAGER, "APPROVE", null);

    assertThat(instance(instance))
        .isCompleted()
        .hasCompletedElements("province-review", "record-province-review", "concluded");
    assertThat(month.awaitState(code, SpotState.CONCLUDED))
        .containsEntry("final_basis", "COUNTY")
        .containsEntry("county_error", false);
  }

  /**
   * An approved extension moves the spot's deadlines: the new dates arrive with message {@code
   * spot-deadline-extended} (correlation key: the monitoring code), and the deadline timers are set
   * again from them — before the county's deadline, before the province's, and after both.
   */
  @Test
  void anExtensionMovesTheDeadlineTimersWhereverTheWatchIs() {
    SpotMonth month = SpotMonth.issue(client, 3, i -> "新增建设");
    String code = month.codes.get(0);
    long instance = month.instanceOf(code);

    extend(code, "2026-11-27", "2026-11-30");
    // 21 November 01:00: the old county deadline has passed, the new one has not
    processTestContext.increaseTime(Duration.ofDays(17).plusHours(16));
    assertThat(instance(instance))
        .hasCompletedElements("extended-before-county-deadline")
        .hasActiveElements("watch-county-deadline");
    assertThat(month.progress(code)).containsEntry("county_overdue", false);

    // 28 November 01:00: the new county deadline has passed
    processTestContext.increaseTime(Duration.ofDays(7));
    assertThat(instance(instance)).hasCompletedElements("record-county-overdue");
    extend(code, "2026-11-27", "2026-12-04");
    // 1 December 01:00: past the first province date, not the second
    processTestContext.increaseTime(Duration.ofDays(3));
    assertThat(instance(instance))
        .hasCompletedElements("extended-before-province-deadline")
        .hasNotActivatedElements("record-province-overdue");

    processTestContext.increaseTime(Duration.ofDays(4));
    assertThat(instance(instance)).hasCompletedElements("record-province-overdue");
    extend(code, "2026-12-10", "2026-12-15");
    assertThat(instance(instance))
        .hasCompletedElements("extended-after-deadline")
        .hasActiveElements("watch-county-deadline");
  }

  private void extend(String code, String countyDue, String provinceDue) {
    client
        .newCorrelateMessageCommand()
        .messageName("spot-deadline-extended")
        .correlationKey(code)
        .variables(
            Map.of(
                "countyDueDate",
                countyDue,
                "provinceDueDate",
                provinceDue,
                "countyOverdueAt",
                nextDay(countyDue),
                "provinceOverdueAt",
                nextDay(provinceDue)))
        .send()
        .join();
  }

  private static String nextDay(String lastDay) {
    return java.time.LocalDate.parse(lastDay).plusDays(1) + "T00:00+08:00";
  }
}
