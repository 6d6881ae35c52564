package landwatch.spot;

import static landwatch.spot.SpotMonth.MANAGER;
import static landwatch.spot.SpotMonth.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spot.judgment.Judgment;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A month of 1,000 spots in four counties of 银川市, driven through every path of
 * processes/spot-check.bpmn by scripted users of every role — county officers and contractors, the
 * city's reviewer, the province's manager — in four moments of November 2026: the 3rd (verify,
 * judge, review, return, correct, decline, direct judgment), the 11th (corrections left undone have
 * lapsed), the 21st (past the county's deadline: late reports to the city, returns left open) and
 * the 26th (past the province's: late reports 迟报). The script keeps its own tally of what it did;
 * the batch's progress, as the city reads it, must come to the same figures, and every spot's state
 * and judgments must be what the script made of it.
 */
@ExtendWith({ProcessCoverageFigures.class, ProcessTestApplication.class})
@CamundaProcessTest
class SpotMonthSimulationIT {

  private static final int SPOTS = 1_000;
  private static final List<NingxiaCounty> COUNTIES =
      List.of(
          NingxiaCounty.XINGQING,
          NingxiaCounty.XIXIA,
          NingxiaCounty.JINFENG,
          NingxiaCounty.YONGNING);
  private static final Duration PHASE_LIMIT = Duration.ofMinutes(3);

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;
  private final ExecutorService users = Executors.newFixedThreadPool(8);

  /** The moments of the month at which the scripted users act. */
  enum Moment {
    /** 3 November 09:00. */
    MONTH_START(OffsetDateTime.parse("2026-11-03T09:00:00+08:00")),
    /** 11 November 09:00: corrections returned on the 3rd were due on the 10th. */
    CORRECTIONS_LAPSED(OffsetDateTime.parse("2026-11-11T09:00:00+08:00")),
    /** 21 November 01:00: the county's deadline (the 20th) has passed. */
    PAST_COUNTY_DEADLINE(OffsetDateTime.parse("2026-11-21T01:00:00+08:00")),
    /** 26 November 01:00: the province's deadline (the 25th) has passed too. */
    PAST_PROVINCE_DEADLINE(OffsetDateTime.parse("2026-11-26T01:00:00+08:00"));

    final OffsetDateTime at;

    Moment(OffsetDateTime at) {
      this.at = at;
    }

    boolean reached(Moment other) {
      return compareTo(other) >= 0;
    }

    Moment previous() {
      return values()[ordinal() - 1];
    }
  }

  /**
   * When the county reports a spot, if ever, and when it asks for an extension (to the 27th at the
   * start of the month, else to the 30th). The city endorses every application; the province
   * approves all but those of EXTENSION_REFUSED.
   */
  enum Report {
    NEVER_VERIFIED(null, null),
    NEVER_JUDGED(null, null),
    ON_TIME(Moment.MONTH_START, null),
    LATE_TO_CITY(Moment.PAST_COUNTY_DEADLINE, null),
    LATE(Moment.PAST_PROVINCE_DEADLINE, null),
    EXTENDED(Moment.PAST_COUNTY_DEADLINE, Moment.MONTH_START),
    EXTENSION_REFUSED(Moment.PAST_COUNTY_DEADLINE, Moment.MONTH_START),
    EXTENDED_AFTER_COUNTY_DEADLINE(Moment.PAST_PROVINCE_DEADLINE, Moment.PAST_COUNTY_DEADLINE),
    EXTENDED_AFTER_BOTH_DEADLINES(null, Moment.PAST_PROVINCE_DEADLINE);

    final Moment judgedAt;
    final Moment extensionAppliedAt;

    Report(Moment judgedAt, Moment extensionAppliedAt) {
      this.judgedAt = judgedAt;
      this.extensionAppliedAt = extensionAppliedAt;
    }

    boolean judgedBy(Moment now) {
      return judgedAt != null && now.reached(judgedAt);
    }

    boolean extensionApproved() {
      return extensionAppliedAt != null && this != EXTENSION_REFUSED;
    }

    /** The county due date the spot ends the month with. */
    String countyDue() {
      if (!extensionApproved()) {
        return "2026-11-20";
      }
      return extensionAppliedAt == Moment.MONTH_START ? "2026-11-27" : "2026-11-30";
    }

    /**
     * Whether the deadline's timer flags the spot overdue: not reported by the moment before it,
     * and not extended before it.
     */
    boolean flaggedAt(Moment deadline) {
      return !judgedBy(deadline.previous())
          && !(extensionApproved() && extensionAppliedAt.compareTo(deadline) < 0);
    }
  }

  /** What the reviewers and the county do with a reported spot the city reviews. */
  enum Path {
    NOT_REVIEWED,
    APPROVED,
    RETURNED_CORRECTED,
    RETURNED_DECLINED,
    RETURNED_LAPSED,
    LEFT_UNDER_REVIEW,
    RETURNED_LATE_LEFT_OPEN,
    DIRECT_JUDGMENT_LEFT_OPEN,
    PROVINCE_RETURNED_DECLINED,
    LEFT_UNDER_PROVINCE_REVIEW
  }

  /** One spot's script. */
  record Scripted(
      String code,
      NingxiaCounty county,
      String changeType,
      Judgment countyJudgment,
      Report report,
      Path path,
      boolean userIsContractor) {

    String officer() {
      return "officer-" + county.code();
    }

    String verifier() {
      return (userIsContractor ? "contractor-" : "officer-") + county.code();
    }

    boolean reported() {
      return report.judgedAt != null;
    }

    boolean returnedByCity() {
      return switch (path) {
        case RETURNED_CORRECTED,
            RETURNED_DECLINED,
            RETURNED_LAPSED,
            RETURNED_LATE_LEFT_OPEN,
            DIRECT_JUDGMENT_LEFT_OPEN ->
            true;
        default -> false;
      };
    }

    boolean countyError() {
      return returnedByCity() || path == Path.PROVINCE_RETURNED_DECLINED;
    }

    boolean directlyJudged() {
      return path == Path.RETURNED_DECLINED
          || path == Path.RETURNED_LAPSED
          || path == Path.PROVINCE_RETURNED_DECLINED;
    }

    boolean judgedBy(Moment now) {
      return report.judgedBy(now);
    }

    /** The state the spot comes to once the users have done what they do at the moment. */
    SpotState stateAfter(Moment now) {
      if (report == Report.NEVER_VERIFIED) {
        return SpotState.VERIFICATION;
      }
      if (!judgedBy(now)) {
        return SpotState.JUDGMENT;
      }
      return switch (path) {
        case RETURNED_LAPSED ->
            now.reached(Moment.CORRECTIONS_LAPSED) ? SpotState.CONCLUDED : SpotState.CORRECTION;
        case LEFT_UNDER_REVIEW -> SpotState.CITY_REVIEW;
        case RETURNED_LATE_LEFT_OPEN ->
            now.reached(Moment.PAST_COUNTY_DEADLINE) ? SpotState.CORRECTION : SpotState.CITY_REVIEW;
        case DIRECT_JUDGMENT_LEFT_OPEN -> SpotState.DIRECT_JUDGMENT;
        case LEFT_UNDER_PROVINCE_REVIEW -> SpotState.PROVINCE_REVIEW;
        default -> SpotState.CONCLUDED;
      };
    }

    /** The bases of the judgments recorded on the spot, in order. */
    List<String> judgmentBases() {
      List<String> bases = new ArrayList<>();
      if (!reported()) {
        return bases;
      }
      bases.add("COUNTY");
      switch (path) {
        case RETURNED_CORRECTED -> bases.add("COUNTY_CORRECTION");
        case RETURNED_DECLINED, RETURNED_LAPSED -> bases.add("CITY_DIRECT");
        case PROVINCE_RETURNED_DECLINED -> bases.add("PROVINCE_DIRECT");
        default -> {}
      }
      return bases;
    }
  }

  private SpotMonth month;
  private Map<String, Scripted> script;
  private Map<Long, String> codeByInstance;
  private final Set<Long> handledTasks = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> cityReviews = new ConcurrentHashMap<>();
  private final Map<String, String> categories = new ConcurrentHashMap<>();

  @AfterEach
  void stopTheUsers() {
    users.shutdownNow();
  }

  @Test
  void aMonthOfAThousandSpotsComesToProgressFiguresThatAddUp() throws Exception {
    SpotMonth.deployAndPinTheClock(client, Moment.MONTH_START.at);
    month =
        SpotMonth.issue(
            SpotMonth.Application.inThisJvm(),
            client,
            YearMonth.of(2026, 10),
            SPOTS,
            i -> COUNTIES.get(i % COUNTIES.size()),
            SpotMonthSimulationIT::changeType);
    script = script();
    codeByInstance = awaitInstances();

    for (Moment moment : Moment.values()) {
      if (moment != Moment.MONTH_START) {
        processTestContext.increaseTime(Duration.between(moment.previous().at, moment.at));
      }
      long started = System.nanoTime();
      int tasks = act(moment);
      System.out.printf(
          "month simulation %s: %,d tasks completed in %.1f s%n",
          moment, tasks, (System.nanoTime() - started) / 1e9);
    }

    assertProgressAddsUp();
    assertEverySpotEndedAsScripted();
  }

  /**
   * Spot j of a county: of every 25, one never verified, one never judged, two reported late (to
   * the city, then to the province) and three extended (in 永宁县; in 兴庆区 the first is refused); the
   * city reviews what the draw or a 100% rule sends it and follows the path of j; every seventh
   * spot is 拆除复耕 (always reviewed).
   */
  private static String changeType(int i) {
    return i / COUNTIES.size() % 7 == 3 ? "拆除复耕" : "新增建设";
  }

  private Map<String, Scripted> script() {
    Map<String, Scripted> spots = new LinkedHashMap<>();
    for (int i = 0; i < SPOTS; i++) {
      String code = month.codes.get(i);
      int j = i / COUNTIES.size();
      String changeType = changeType(i);
      Report report =
          switch (j % 25) {
            case 0 -> Report.NEVER_VERIFIED;
            case 1 -> Report.NEVER_JUDGED;
            case 2 -> Report.LATE_TO_CITY;
            case 3 -> Report.LATE;
            case 4 ->
                switch (COUNTIES.get(i % COUNTIES.size())) {
                  case YONGNING -> Report.EXTENDED;
                  case XINGQING -> Report.EXTENSION_REFUSED;
                  default -> Report.ON_TIME;
                };
            case 5 ->
                COUNTIES.get(i % COUNTIES.size()) == NingxiaCounty.YONGNING
                    ? Report.EXTENDED_AFTER_COUNTY_DEADLINE
                    : Report.ON_TIME;
            case 6 ->
                COUNTIES.get(i % COUNTIES.size()) == NingxiaCounty.YONGNING
                    ? Report.EXTENDED_AFTER_BOTH_DEADLINES
                    : Report.ON_TIME;
            default -> Report.ON_TIME;
          };
      Judgment judgment =
          changeType.equals("新增建设") && j % 3 == 0 ? Judgment.ILLEGAL : Judgment.LEGAL;
      boolean reviewed = changeType.equals("拆除复耕") || month.citySamples(code);
      Path path = Path.NOT_REVIEWED;
      if (reviewed && report == Report.ON_TIME) {
        boolean drawn = month.provinceReReviews(code);
        path =
            switch (j * 3 % 20) {
              case 0, 1 -> Path.RETURNED_CORRECTED;
              case 2 -> Path.RETURNED_DECLINED;
              case 3 -> Path.RETURNED_LAPSED;
              case 4 -> Path.LEFT_UNDER_REVIEW;
              case 5 -> Path.RETURNED_LATE_LEFT_OPEN;
              case 6 -> Path.DIRECT_JUDGMENT_LEFT_OPEN;
              case 7 -> drawn ? Path.PROVINCE_RETURNED_DECLINED : Path.APPROVED;
              case 8 -> drawn ? Path.LEFT_UNDER_PROVINCE_REVIEW : Path.APPROVED;
              default -> Path.APPROVED;
            };
      } else if (reviewed) {
        path = Path.APPROVED;
      }
      spots.put(
          code,
          new Scripted(
              code,
              COUNTIES.get(i % COUNTIES.size()),
              changeType,
              judgment,
              report,
              path,
              j % 2 == 1));
    }
    assertThat(spots.values())
        .as("the script takes every path")
        .extracting(Scripted::path)
        .contains(Path.values());
    return spots;
  }

  /**
   * At the moment, the users complete every open task of the batch the script gives them, again and
   * again as the process creates the next ones, until each spot has come to its state.
   */
  private int act(Moment moment) throws Exception {
    if (moment.reached(Moment.PAST_COUNTY_DEADLINE)) {
      awaitOverdueFlags(moment);
    }
    applyForExtensions(moment);
    Map<String, SpotState> expected =
        script.values().stream()
            .collect(Collectors.toMap(Scripted::code, s -> s.stateAfter(moment)));
    AtomicInteger completed = new AtomicInteger();
    Awaitility.await("the users' work at " + moment)
        .atMost(PHASE_LIMIT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              List<Future<?>> done = new ArrayList<>();
              for (UserTask task : openTasks()) {
                Runnable work = work(task, moment);
                if (work != null && handledTasks.add(task.getUserTaskKey())) {
                  done.add(users.submit(work));
                }
              }
              for (Future<?> each : done) {
                each.get();
              }
              completed.addAndGet(done.size());
              return done.isEmpty() && states().equals(expected);
            });
    return completed.get();
  }

  /** The deadline timers fire on their own: the users act once they have been recorded. */
  private void awaitOverdueFlags(Moment moment) {
    String flag =
        moment.reached(Moment.PAST_PROVINCE_DEADLINE) ? "province_overdue" : "county_overdue";
    long unreported = script.values().stream().filter(s -> s.report().flaggedAt(moment)).count();
    Awaitility.await(flag + " at " + moment)
        .atMost(PHASE_LIMIT)
        .until(
            () ->
                jdbc()
                    .queryForObject(
                        "SELECT count(*) FROM spot s JOIN spot_progress p ON p.spot_id = s.id"
                            + " WHERE s.batch_id = ? AND p."
                            + flag,
                        Long.class,
                        month.batchId),
            flagged -> flagged == unreported);
  }

  /**
   * Each county's officer applies, with the written application, for the spots the script extends
   * at the moment; the city's reviewer endorses, the province's manager decides; the users go on
   * once the spots' timers have moved (or the refusal is recorded).
   */
  private void applyForExtensions(Moment moment) {
    Map<NingxiaCounty, Map<Report, List<String>>> applications = new LinkedHashMap<>();
    script.values().stream()
        .filter(s -> s.report().extensionAppliedAt == moment)
        .forEach(
            s ->
                applications
                    .computeIfAbsent(s.county(), county -> new LinkedHashMap<>())
                    .computeIfAbsent(s.report(), report -> new ArrayList<>())
                    .add(s.code()));
    applications.forEach(
        (county, byReport) ->
            byReport.forEach(
                (report, codes) -> {
                  boolean approved = report.extensionApproved();
                  String requested = approved ? report.countyDue() : "2026-11-27";
                  String officer = "officer-" + county.code();
                  var applied =
                      SpotMonth.applyForExtension(
                          officer,
                          codes,
                          requested,
                          "暴雨致道路中断，无法现场核实",
                          "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                          "延期申请.pdf");
                  assertThat(applied.getStatusCode().value())
                      .as("%s", applied.getBody())
                      .isEqualTo(201);
                  long id = applied.getBody().get("id").asLong();
                  done(
                      month.complete(
                          SpotMonth.awaitExtensionTask(client, "endorse-extension", id),
                          REVIEWER,
                          SpotMonth.extensionDecision("APPROVE", "情况属实", null)),
                      "endorse-extension of extension " + id);
                  done(
                      month.complete(
                          SpotMonth.awaitExtensionTask(client, "approve-extension", id),
                          MANAGER,
                          approved
                              ? SpotMonth.extensionDecision("APPROVE", "同意延期", requested)
                              : SpotMonth.extensionDecision("REFUSE", "不予延期", null)),
                      "approve-extension of extension " + id);
                  Awaitility.await("extension " + id + " decided")
                      .atMost(PHASE_LIMIT)
                      .until(
                          () ->
                              SpotMonth.api(officer)
                                  .getForObject("/api/extensions/" + id, JsonNode.class),
                          view ->
                              approved
                                  ? view.hasNonNull("extendedAt")
                                      && view.get("spots").findValues("timersMoved").stream()
                                          .allMatch(JsonNode::asBoolean)
                                  : "REFUSED".equals(view.get("status").asText()));
                }));
  }

  private JdbcTemplate jdbc() {
    return month.application.jdbc();
  }

  private List<UserTask> openTasks() {
    return client
        .newUserTaskSearchRequest()
        .filter(
            f ->
                f.state(UserTaskState.CREATED)
                    .processInstanceVariables(Map.of("batchId", String.valueOf(month.batchId))))
        .page(p -> p.limit(SPOTS * 2))
        .send()
        .join()
        .items();
  }

  /** What the script has a user do with the task now, or null to leave it open. */
  private Runnable work(UserTask task, Moment moment) {
    Scripted spot = script.get(codeByInstance.get(task.getProcessInstanceKey()));
    return switch (task.getElementId()) {
      case "verify" ->
          spot.report() == Report.NEVER_VERIFIED
              ? null
              : () -> done(month.complete(task, spot.verifier(), month.verification()), task);
      case "judge" -> spot.judgedBy(moment) ? () -> judge(task, spot) : null;
      case "city-review" -> cityReview(task, spot, moment);
      case "province-review" ->
          switch (spot.path()) {
            case LEFT_UNDER_PROVINCE_REVIEW -> null;
            case PROVINCE_RETURNED_DECLINED -> () -> review(task, MANAGER, "RETURN", "复核发现未批先建");
            default -> () -> review(task, MANAGER, "APPROVE", null);
          };
      case "correct" ->
          switch (spot.path()) {
            case RETURNED_CORRECTED -> () -> correct(task, spot);
            case RETURNED_DECLINED, DIRECT_JUDGMENT_LEFT_OPEN, PROVINCE_RETURNED_DECLINED ->
                () ->
                    done(
                        month.complete(
                            task,
                            spot.officer(),
                            Map.of("action", "DECLINE", "declineReason", "已提交批准文件，判定无误")),
                        task);
            default -> null;
          };
      case "direct-judgment" ->
          spot.path() == Path.DIRECT_JUDGMENT_LEFT_OPEN ? null : () -> judgeDirectly(task);
      default ->
          throw new AssertionError("a task the script does not know: " + task.getElementId());
    };
  }

  private Runnable cityReview(UserTask task, Scripted spot, Moment moment) {
    boolean first = !cityReviews.containsKey(spot.code());
    return switch (spot.path()) {
      case LEFT_UNDER_REVIEW -> null;
      case RETURNED_LATE_LEFT_OPEN ->
          moment.reached(Moment.PAST_COUNTY_DEADLINE)
              ? () -> cityReviewed(task, spot, "RETURN", "照片与图斑位置不符")
              : null;
      case RETURNED_CORRECTED, RETURNED_DECLINED, RETURNED_LAPSED, DIRECT_JUDGMENT_LEFT_OPEN ->
          first
              ? () -> cityReviewed(task, spot, "RETURN", "审批文号与批准用地不符")
              : () -> cityReviewed(task, spot, "APPROVE", null);
      default -> () -> cityReviewed(task, spot, "APPROVE", null);
    };
  }

  private void cityReviewed(UserTask task, Scripted spot, String decision, String reasons) {
    review(task, REVIEWER, decision, reasons);
    cityReviews.merge(spot.code(), 1, Integer::sum);
  }

  private void review(UserTask task, String user, String decision, String reasons) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    submitted.put("decision", decision);
    submitted.put("reasons", reasons);
    submitted.put("fieldCheck", false);
    done(month.complete(task, user, submitted), task);
  }

  private void judge(UserTask task, Scripted spot) {
    Map<String, Object> submitted = judgment(task, spot.countyJudgment(), "经核实，符合判定标准");
    String suggested =
        (String)
            ((Map<?, ?>) month.variable(task.getProcessInstanceKey(), "suggestion"))
                .get("judgment");
    if (!spot.countyJudgment().name().equals(suggested)) {
      submitted.put("contradictionReason", "现场情况与判定建议不符");
    }
    done(month.complete(task, spot.officer(), submitted), task);
  }

  private void correct(UserTask task, Scripted spot) {
    Judgment other = spot.countyJudgment() == Judgment.LEGAL ? Judgment.ILLEGAL : Judgment.LEGAL;
    Map<String, Object> submitted = judgment(task, other, "按审核意见纠正");
    submitted.put("action", "CORRECT");
    submitted.put("contradictionReason", "按审核意见纠正");
    done(month.complete(task, spot.officer(), submitted), task);
  }

  private void judgeDirectly(UserTask task) {
    String user =
        task.getCandidateGroups().contains("province:640000:manager") ? MANAGER : REVIEWER;
    Map<String, Object> submitted = judgment(task, Judgment.ILLEGAL, "审核认定未批先建");
    submitted.put("contradictionReason", "审核认定");
    done(month.complete(task, user, submitted), task);
  }

  /** A judgment with the first category of its kind the spot's change type offers this year. */
  private Map<String, Object> judgment(UserTask task, Judgment kind, String reasons) {
    Scripted spot = script.get(codeByInstance.get(task.getProcessInstanceKey()));
    String category =
        categories.computeIfAbsent(
            spot.changeType() + " " + kind,
            key -> month.firstCategory(task.getProcessInstanceKey(), kind));
    Map<String, Object> submitted = new LinkedHashMap<>();
    submitted.put("judgment", kind.name());
    submitted.put("category", category);
    submitted.put("reasons", reasons);
    submitted.put("approvalDocumentNumber", "宁自然资建字〔2026〕18号");
    if (kind == Judgment.ILLEGAL) {
      submitted.put("ruralHousing", false);
    }
    return submitted;
  }

  private static void done(String denial, UserTask task) {
    done(denial, task.getElementId() + " of instance " + task.getProcessInstanceKey());
  }

  private static void done(String denial, String task) {
    assertThat(denial).as("%s was denied", task).isNull();
  }

  private Map<Long, String> awaitInstances() {
    return Awaitility.await("the batch's instances")
        .atMost(PHASE_LIMIT)
        .until(
            () ->
                jdbc()
                    .query(
                        "SELECT s.monitoring_code, p.process_instance_key FROM spot s"
                            + " JOIN spot_progress p ON p.spot_id = s.id"
                            + " WHERE s.batch_id = ? AND p.process_instance_key IS NOT NULL",
                        (rs, row) -> Map.entry(rs.getLong("process_instance_key"), rs.getString(1)),
                        month.batchId)
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
            started -> started.size() == SPOTS);
  }

  private Map<String, SpotState> states() {
    return jdbc()
        .query(
            "SELECT s.monitoring_code, p.state FROM spot s JOIN spot_progress p ON p.spot_id = s.id"
                + " WHERE s.batch_id = ?",
            (rs, row) -> Map.entry(rs.getString(1), SpotState.valueOf(rs.getString(2))),
            month.batchId)
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * The city's reviewer reads the batch's progress; each county's figures are the script's own
   * tally, and its spots, by state, add up to the spots issued to it.
   */
  private void assertProgressAddsUp() {
    JsonNode progress =
        SpotMonth.api(REVIEWER)
            .getForObject("/api/batches/" + month.batchId + "/progress", JsonNode.class);
    assertThat(progress).hasSize(COUNTIES.size());
    for (JsonNode county : progress) {
      List<Scripted> spots =
          script.values().stream()
              .filter(s -> s.county().code().equals(county.get("regionCode").asText()))
              .toList();
      Map<String, Long> tally = new LinkedHashMap<>();
      tally.put("issued", (long) spots.size());
      tally.put("verified", count(spots, s -> s.report() != Report.NEVER_VERIFIED));
      tally.put("reported", count(spots, Scripted::reported));
      tally.put(
          "underReview",
          count(
              spots,
              s ->
                  s.stateAfter(Moment.PAST_PROVINCE_DEADLINE) == SpotState.CITY_REVIEW
                      || s.stateAfter(Moment.PAST_PROVINCE_DEADLINE) == SpotState.PROVINCE_REVIEW));
      tally.put("returned", count(spots, s -> s.path() == Path.RETURNED_LATE_LEFT_OPEN));
      tally.put(
          "awaitingDirectJudgment", count(spots, s -> s.path() == Path.DIRECT_JUDGMENT_LEFT_OPEN));
      tally.put("corrected", count(spots, s -> s.path() == Path.RETURNED_CORRECTED));
      tally.put("directlyJudged", count(spots, Scripted::directlyJudged));
      tally.put(
          "concluded",
          count(spots, s -> s.stateAfter(Moment.PAST_PROVINCE_DEADLINE) == SpotState.CONCLUDED));
      tally.put("overdue", count(spots, s -> !s.reported() && !s.report().extensionApproved()));
      tally.put("late", count(spots, s -> s.report() == Report.LATE));
      tally.put("countyErrors", count(spots, Scripted::countyError));
      Map<String, Long> figures = new LinkedHashMap<>();
      tally.keySet().forEach(name -> figures.put(name, county.get(name).asLong()));

      System.out.println(
          "month simulation progress " + county.get("regionCode").asText() + " " + figures);
      assertThat(figures).as("progress of %s", county.get("regionCode")).isEqualTo(tally);
      assertThat(
              figures.get("issued")
                  - figures.get("verified")
                  + figures.get("verified")
                  - figures.get("reported")
                  + figures.get("underReview")
                  + figures.get("returned")
                  + figures.get("awaitingDirectJudgment")
                  + figures.get("concluded"))
          .as("the spots of %s by state", county.get("regionCode"))
          .isEqualTo(figures.get("issued"));
      assertThat(county.get("daysToProvinceDeadline").asLong()).isNegative();
    }
    JsonNode ownCounty =
        SpotMonth.api("officer-640105")
            .getForObject("/api/batches/" + month.batchId + "/progress", JsonNode.class);
    assertThat(ownCounty.findValuesAsText("regionCode")).containsExactly("640105");
  }

  /**
   * Every spot is in the state its script led to, with every judgment anyone made on it kept in
   * order, and none the script made falls outside review where a 100% rule applies.
   */
  private void assertEverySpotEndedAsScripted() {
    assertThat(states())
        .isEqualTo(
            script.values().stream()
                .collect(
                    Collectors.toMap(
                        Scripted::code, s -> s.stateAfter(Moment.PAST_PROVINCE_DEADLINE))));
    Map<String, String> countyDue = new LinkedHashMap<>();
    jdbc()
        .query(
            "SELECT s.monitoring_code, p.county_due FROM spot s JOIN spot_progress p ON p.spot_id = s.id"
                + " WHERE s.batch_id = ?",
            rs -> {
              countyDue.put(rs.getString(1), rs.getString(2));
            },
            month.batchId);
    assertThat(countyDue)
        .as("due dates moved by approved extensions only")
        .isEqualTo(
            script.values().stream()
                .collect(Collectors.toMap(Scripted::code, s -> s.report().countyDue())));
    Map<String, List<String>> bases = new LinkedHashMap<>();
    jdbc()
        .query(
            "SELECT s.monitoring_code, j.basis FROM spot_judgment j JOIN spot s ON s.id = j.spot_id"
                + " WHERE s.batch_id = ? ORDER BY j.id",
            rs -> {
              bases
                  .computeIfAbsent(rs.getString(1), code -> new ArrayList<>())
                  .add(rs.getString(2));
            },
            month.batchId);
    Map<String, List<String>> scripted = new LinkedHashMap<>();
    script.values().stream()
        .filter(Scripted::reported)
        .forEach(s -> scripted.put(s.code(), s.judgmentBases()));
    assertThat(bases).isEqualTo(scripted);

    List<String> demolishedUnreviewed =
        jdbc()
            .queryForList(
                "SELECT s.monitoring_code FROM spot s JOIN spot_progress p ON p.spot_id = s.id"
                    + " WHERE s.batch_id = ? AND p.reported_at IS NOT NULL AND s.change_type = '拆除复耕'"
                    + " AND NOT (p.mandatory_review AND EXISTS (SELECT 1 FROM spot_event e"
                    + " WHERE e.spot_id = s.id AND e.step = 'CITY_REVIEWED')"
                    + " OR p.state = 'CITY_REVIEW')",
                String.class,
                month.batchId);
    assertThat(demolishedUnreviewed).as("拆除复耕 spots concluded without review").isEmpty();
  }

  private static long count(List<Scripted> spots, java.util.function.Predicate<Scripted> which) {
    return spots.stream().filter(which).count();
  }
}
