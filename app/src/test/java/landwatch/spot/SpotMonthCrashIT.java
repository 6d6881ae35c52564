package landwatch.spot;

import static landwatch.spot.SpotMonth.CONTRACTOR;
import static landwatch.spot.SpotMonth.OFFICER;
import static landwatch.spot.SpotMonth.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spot.judgment.Judgment;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A crash mid-month: the application runs in a JVM of its own on a data directory of its own,
 * scripted users drive a batch's spots to different points of their month, the application is
 * killed with SIGKILL right after the last completion — a burst of county reports whose recording
 * jobs have barely started — and restarted on the same directory. Then, through the Camunda client
 * and the application's database: every spot has one instance and one state, the state its instance
 * is at; no judgment recorded before the crash is lost and every completed step is recorded exactly
 * once; the demolish-and-restore spots (a 100% class) all reach the city's review; and every spot
 * finishes its path.
 *
 * <p>The city samples nothing here (rate 0), so a spot reaches review only by a 100% rule. A killed
 * worker's activated jobs come back when their timeout passes: the workers' timeout is 20 seconds
 * instead of 5 minutes.
 */
class SpotMonthCrashIT {

  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final String DEMOLISH = "拆除复耕";
  private static final String BUILT = "新增建设";

  /** Before the crash: concluded on the county's judgment (no review). */
  private static final List<Integer> CONCLUDED = List.of(0, 1);

  /** Before the crash: reported, waiting for the city's review (100% class). */
  private static final List<Integer> UNDER_REVIEW = List.of(2, 3);

  /** Before the crash: returned by the city. */
  private static final int RETURNED = 4;

  private static final int VERIFIED = 5;
  private static final int UNTOUCHED = 6;

  /** Reported all at once just before the kill: three demolish-and-restore, three not. */
  private static final List<Integer> BURST = List.of(7, 8, 9, 10, 11, 12);

  private static final int SPOTS = 13;

  private ChildApplication application;

  @BeforeEach
  void start() throws Exception {
    Path root =
        Path.of(
            System.getProperty("landwatch.test-data-root", System.getProperty("java.io.tmpdir")));
    Path work = Files.createDirectories(root.resolve("crash-" + UUID.randomUUID()));
    application =
        new ChildApplication(
            work, "1g", 0, 0, List.of("--camunda.client.worker.defaults.timeout=PT20S"));
    application.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    application.close();
  }

  private static String changeType(int i) {
    return i == RETURNED
            || UNDER_REVIEW.contains(i)
            || BURST.indexOf(i) >= 0 && BURST.indexOf(i) < 3
        ? DEMOLISH
        : BUILT;
  }

  @Test
  void aCrashMidMonthLosesNothingDuplicatesNothingAndEverySpotFinishesItsPath() throws Exception {
    SpotMonth month;
    List<Map<String, Object>> judgmentsAtCrash;
    List<Map<String, Object>> eventsAtCrash;
    try (CamundaClient client = application.client()) {
      month =
          SpotMonth.issue(
              application.application(),
              client,
              YearMonth.now(ZoneId.of("Asia/Shanghai")),
              SPOTS,
              i -> NingxiaCounty.XINGQING,
              SpotMonthCrashIT::changeType);
      for (int i : CONCLUDED) {
        month.verify(code(month, i), CONTRACTOR);
        month.judge(code(month, i), Judgment.LEGAL);
      }
      for (int i : UNDER_REVIEW) {
        month.verify(code(month, i), OFFICER);
        month.judge(code(month, i), Judgment.OTHER);
      }
      String returned = code(month, RETURNED);
      month.verify(returned, OFFICER);
      month.judge(returned, Judgment.OTHER);
      month.review("city-review", returned, REVIEWER, "RETURN", "拆除复耕照片未反映复耕现状");
      month.verify(code(month, VERIFIED), CONTRACTOR);
      for (int i : BURST) {
        month.verify(code(month, i), OFFICER);
      }
      reportAtOnce(client, month);
      application.kill();
      // PostgreSQL survives its application (it runs under pg_ctl): what was recorded, as it was
      judgmentsAtCrash = judgments(month);
      eventsAtCrash = events(month);
    }
    long reportsAtCrash =
        eventsAtCrash.stream()
            .filter(e -> "REPORTED".equals(e.get("step")))
            .filter(e -> BURST.contains(indexOf(month, (String) e.get("code"))))
            .count();
    System.out.printf(
        "crash: killed after %d reports at once, %d of them recorded by then;"
            + " %d events and %d judgments recorded before the kill%n",
        BURST.size(), reportsAtCrash, eventsAtCrash.size(), judgmentsAtCrash.size());

    application.start();
    try (CamundaClient client = application.client()) {
      SpotMonth restarted = month.through(client);
      Map<String, String> expected = new TreeMap<>();
      for (int i = 0; i < SPOTS; i++) {
        expected.put(code(month, i), expectedAfterRestart(i));
      }
      awaitEverySpot("the records catch up after the restart", client, restarted, expected);
      assertOneInstancePerSpot(client, restarted);
      assertThat(judgments(restarted)).containsAll(judgmentsAtCrash);
      assertThat(events(restarted)).containsAll(eventsAtCrash);
      assertEachCompletedStepRecordedOnce(client, restarted);
      for (int i = 0; i < SPOTS; i++) {
        if (changeType(i).equals(DEMOLISH)) {
          assertThat(restarted.progress(code(month, i)))
              .as("spot %d (%s)", i, DEMOLISH)
              .containsEntry("mandatory_review", true)
              .containsEntry("sampled", false);
        }
      }
      assertThat(countyJudgmentsPerSpot(restarted))
          .as("one county judgment per report, the burst's included")
          .allSatisfy((code, count) -> assertThat(count).as(code).isEqualTo(1))
          .hasSize(SPOTS - 2);

      finishTheMonth(restarted, month);

      Map<String, String> concluded = new TreeMap<>();
      month.codes.forEach(code -> concluded.put(code, "CONCLUDED/COMPLETED"));
      awaitEverySpot("every spot concluded", client, restarted, concluded);
      assertOneInstancePerSpot(client, restarted);
      assertEachCompletedStepRecordedOnce(client, restarted);
      assertThat(judgments(restarted)).containsAll(judgmentsAtCrash);
      Map<String, List<String>> steps = stepsPerSpot(restarted);
      for (int i = 0; i < SPOTS; i++) {
        assertThat(steps.get(code(month, i))).as("steps of spot %d", i).isEqualTo(finalSteps(i));
      }
      assertThat(restarted.judgments(code(month, RETURNED)))
          .extracting(j -> j.get("basis") + " " + j.get("judgment"))
          .containsExactly("COUNTY OTHER", "COUNTY_CORRECTION ILLEGAL");
      System.out.printf(
          "after the restart: %d spots concluded, %d events, %d judgments, started %d times%n",
          SPOTS, events(restarted).size(), judgments(restarted).size(), application.starts());
    }
  }

  /** The burst: every judge task claimed, then all completions sent before any answer is read. */
  private static void reportAtOnce(CamundaClient client, SpotMonth month) {
    Map<UserTask, Map<String, Object>> submissions = new LinkedHashMap<>();
    for (int i : BURST) {
      String code = code(month, i);
      Map<String, Object> judged =
          month.countyJudgment(
              code, changeType(i).equals(DEMOLISH) ? Judgment.OTHER : Judgment.LEGAL);
      judged.put("completedBy", OFFICER);
      UserTask task = month.awaitTask("judge", code);
      client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee(OFFICER).send().join();
      submissions.put(task, judged);
    }
    List<CamundaFuture<?>> sent = new ArrayList<>();
    submissions.forEach(
        (task, judged) ->
            sent.add(
                client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(judged).send()));
    sent.forEach(CamundaFuture::join);
  }

  /** After the restart and before anyone acts again: where each spot must be. */
  private static String expectedAfterRestart(int i) {
    if (CONCLUDED.contains(i) || BURST.contains(i) && changeType(i).equals(BUILT)) {
      return "CONCLUDED/COMPLETED";
    }
    if (UNDER_REVIEW.contains(i) || BURST.contains(i)) {
      return "CITY_REVIEW/city-review";
    }
    return switch (i) {
      case RETURNED -> "CORRECTION/correct";
      case VERIFIED -> "JUDGMENT/judge";
      case UNTOUCHED -> "VERIFICATION/verify";
      default -> throw new IllegalArgumentException("spot " + i);
    };
  }

  /** Every spot finishes its path: reviews approved, the return corrected, the rest reported. */
  private static void finishTheMonth(SpotMonth restarted, SpotMonth month) {
    for (int i = 0; i < SPOTS; i++) {
      if (expectedAfterRestart(i).equals("CITY_REVIEW/city-review")) {
        restarted.review("city-review", code(month, i), REVIEWER, "APPROVE", null);
      }
    }
    String returned = code(month, RETURNED);
    Map<String, Object> correction = restarted.countyJudgment(returned, Judgment.ILLEGAL);
    correction.put("action", "CORRECT");
    assertThat(restarted.complete(restarted.awaitTask("correct", returned), OFFICER, correction))
        .isNull();
    restarted.review("city-review", returned, REVIEWER, "APPROVE", null);
    restarted.judge(code(month, VERIFIED), Judgment.LEGAL);
    restarted.verify(code(month, UNTOUCHED), CONTRACTOR);
    restarted.judge(code(month, UNTOUCHED), Judgment.LEGAL);
  }

  private static List<String> finalSteps(int i) {
    List<String> steps = new ArrayList<>(List.of("SUGGESTED", "VERIFIED", "REPORTED"));
    if (changeType(i).equals(DEMOLISH)) {
      steps.add("CITY_REVIEWED");
    }
    if (i == RETURNED) {
      steps.addAll(List.of("CORRECTION", "CITY_REVIEWED"));
    }
    steps.add("CONCLUDED");
    return steps;
  }

  /**
   * Per spot, its state in spot_progress and where its instance is: the open user task's element,
   * or the instance's state when none is open. A spot between a completion and its record shows the
   * old state beside no task, which never equals what is expected.
   */
  /** Waits until every spot is where expected (its progress state and its instance's state). */
  private static void awaitEverySpot(
      String what, CamundaClient client, SpotMonth month, Map<String, String> expected) {
    Awaitility.await(what)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> whereEachSpotIs(client, month), expected::equals);
  }

  private static Map<String, String> whereEachSpotIs(CamundaClient client, SpotMonth month) {
    Map<Long, String> openTasks = new LinkedHashMap<>();
    for (UserTask task :
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.state(UserTaskState.CREATED))
            .page(p -> p.limit(1000))
            .send()
            .join()
            .items()) {
      String other = openTasks.put(task.getProcessInstanceKey(), task.getElementId());
      assertThat(other).as("two open tasks in instance %s", task.getProcessInstanceKey()).isNull();
    }
    Map<Long, ProcessInstanceState> instances =
        instances(client).stream()
            .collect(
                Collectors.toMap(
                    ProcessInstance::getProcessInstanceKey, ProcessInstance::getState));
    Map<String, String> where = new TreeMap<>();
    for (Map<String, Object> row : progressRows(month)) {
      Long key = (Long) row.get("process_instance_key");
      String engine =
          key == null
              ? "no instance"
              : openTasks.containsKey(key)
                  ? openTasks.get(key)
                  : String.valueOf(instances.get(key));
      where.put((String) row.get("monitoring_code"), row.get("state") + "/" + engine);
    }
    return where;
  }

  private static List<ProcessInstance> instances(CamundaClient client) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("spot-check"))
        .page(p -> p.limit(1000))
        .send()
        .join()
        .items();
  }

  /** The engine holds one spot-check instance per spot, the one its progress row names. */
  private static void assertOneInstancePerSpot(CamundaClient client, SpotMonth month) {
    List<Long> engine =
        instances(client).stream().map(ProcessInstance::getProcessInstanceKey).toList();
    List<Long> recorded =
        progressRows(month).stream().map(row -> (Long) row.get("process_instance_key")).toList();
    assertThat(engine).hasSize(SPOTS).doesNotHaveDuplicates();
    assertThat(recorded).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(engine);
  }

  /**
   * Each record-* task the engine completed in a spot's instance has one event, and there is no
   * event without one: a job redelivered after the crash found its event instead of adding one.
   */
  private static void assertEachCompletedStepRecordedOnce(CamundaClient client, SpotMonth month) {
    for (Map<String, Object> row : progressRows(month)) {
      long key = (Long) row.get("process_instance_key");
      String code = (String) row.get("monitoring_code");
      List<String> completedRecords =
          client
              .newElementInstanceSearchRequest()
              .filter(f -> f.processInstanceKey(key).state(ElementInstanceState.COMPLETED))
              .page(p -> p.limit(1000))
              .send()
              .join()
              .items()
              .stream()
              .map(ElementInstance::getElementId)
              .filter(id -> id.startsWith("record-"))
              .sorted()
              .toList();
      List<String> eventElements =
          month
              .application
              .jdbc()
              .queryForList(
                  "SELECT e.detail ->> 'elementId' FROM spot_event e JOIN spot s ON s.id = e.spot_id"
                      + " WHERE s.monitoring_code = ? ORDER BY 1",
                  String.class,
                  code);
      assertThat(eventElements).as("events of %s", code).isEqualTo(completedRecords);
    }
  }

  private static List<Map<String, Object>> progressRows(SpotMonth month) {
    return month
        .application
        .jdbc()
        .queryForList(
            "SELECT s.monitoring_code, p.state, p.process_instance_key FROM spot_progress p"
                + " JOIN spot s ON s.id = p.spot_id WHERE s.batch_id = ? ORDER BY s.id",
            month.batchId);
  }

  private static List<Map<String, Object>> judgments(SpotMonth month) {
    return month
        .application
        .jdbc()
        .queryForList(
            "SELECT j.id, s.monitoring_code AS code, j.basis, j.judgment, j.judged_by, j.event_id"
                + " FROM spot_judgment j JOIN spot s ON s.id = j.spot_id WHERE s.batch_id = ?"
                + " ORDER BY j.id",
            month.batchId);
  }

  private static List<Map<String, Object>> events(SpotMonth month) {
    return month
        .application
        .jdbc()
        .queryForList(
            "SELECT e.id, s.monitoring_code AS code, e.step, e.job_key FROM spot_event e"
                + " JOIN spot s ON s.id = e.spot_id WHERE s.batch_id = ? ORDER BY e.id",
            month.batchId);
  }

  private static Map<String, List<String>> stepsPerSpot(SpotMonth month) {
    Map<String, List<String>> steps = new TreeMap<>();
    for (Map<String, Object> event : events(month)) {
      steps
          .computeIfAbsent((String) event.get("code"), code -> new ArrayList<>())
          .add((String) event.get("step"));
    }
    return steps;
  }

  private static Map<String, Long> countyJudgmentsPerSpot(SpotMonth month) {
    return judgments(month).stream()
        .filter(j -> "COUNTY".equals(j.get("basis")))
        .collect(
            Collectors.groupingBy(
                j -> (String) j.get("code"), TreeMap::new, Collectors.counting()));
  }

  private static String code(SpotMonth month, int i) {
    return month.codes.get(i);
  }

  private static int indexOf(SpotMonth month, String code) {
    return month.codes.indexOf(code);
  }
}
