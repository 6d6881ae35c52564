package landwatch.spot;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static landwatch.spot.SpotMonth.CONTRACTOR;
import static landwatch.spot.SpotMonth.MANAGER;
import static landwatch.spot.SpotMonth.OFFICER;
import static landwatch.spot.SpotMonth.REVIEWER;
import static landwatch.spot.SpotMonth.applyForExtension;
import static landwatch.spot.SpotMonth.awaitExtensionTask;
import static landwatch.spot.SpotMonth.extensionDecision;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import landwatch.spot.judgment.Judgment;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Extension applications 延期申请 end to end (processes/spot-extension.bpmn): a county officer applies
 * through the application's API with the written application, the city endorses and the province
 * decides as scripted demo users, and the spots' deadline timers in their spot-check instances move
 * — or, refused, do not. The clock is pinned as in {@link SpotCheckProcessIT}: 3 November 2026 for
 * a batch issued in October, due 20 and 25 November.
 */
@ExtendWith({ProcessCoverageFigures.class, ProcessTestApplication.class})
@CamundaProcessTest
class SpotExtensionProcessIT {

  private static final OffsetDateTime MONTH_START =
      OffsetDateTime.parse("2026-11-03T09:00:00+08:00");
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final Duration WAIT = Duration.ofSeconds(60);

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @BeforeEach
  void deployAndPinTheClock() throws IOException {
    SpotMonth.deployAndPinTheClock(client, MONTH_START);
  }

  @Test
  void anApprovedExtensionMovesTheSpotsDueDatesAndTheirDeadlineTimers() {
    SpotMonth month = SpotMonth.issue(client, 3, i -> "新增建设");
    String extended = month.codes.get(0);
    String alsoExtended = month.codes.get(1);
    String notExtended = month.codes.get(2);
    month.codes.forEach(month::instanceOf);

    JsonNode applied =
        applyForExtension(
                OFFICER,
                List.of(extended, alsoExtended),
                "2026-11-27",
                "暴雨致道路中断，无法现场核实",
                PDF,
                "延期申请.pdf")
            .getBody();
    long id = applied.get("id").asLong();
    assertThat(applied.get("status").asText()).isEqualTo("APPLIED");
    assertThat(applied.get("approvalChain")).hasSize(2);
    UserTask endorsement = awaitExtensionTask(client, "endorse-extension", id);
    long instance = endorsement.getProcessInstanceKey();
    assertThat(month.complete(endorsement, REVIEWER, extensionDecision("APPROVE", "情况属实", null)))
        .isNull();
    UserTask approval = awaitExtensionTask(client, "approve-extension", id);
    assertThat(month.complete(approval, MANAGER, extensionDecision("APPROVE", null, "2026-11-30")))
        .contains("不得晚于申请（或上一级同意）的日期 2026-11-27");
    assertThat(
            month.complete(approval, MANAGER, extensionDecision("APPROVE", "同意延期", "2026-11-26")))
        .isNull();
    assertThat(ProcessInstanceSelectors.byKey(instance)).isCompleted();
    assertThat(ProcessInstanceSelectors.byKey(instance))
        .hasCompletedElements(
            "endorse-extension", "approve-extension", "apply-extension", "extended");

    JsonNode view = awaitExtended(id);
    assertThat(view.get("status").asText()).isEqualTo("APPROVED");
    assertThat(view.get("grantedDueDate").asText()).isEqualTo("2026-11-26");
    assertThat(view.get("decisions"))
        .extracting(d -> d.get("level").asText() + " " + d.get("decidedBy").asText())
        .containsExactly("CITY " + REVIEWER, "PROVINCE " + MANAGER);
    for (JsonNode spot : view.get("spots")) {
      assertThat(spot.get("countyDueBefore").asText()).isEqualTo("2026-11-20");
      assertThat(spot.get("countyDueAfter").asText()).isEqualTo("2026-11-26");
      assertThat(spot.get("provinceDueAfter").asText()).isEqualTo("2026-12-01");
      assertThat(spot.get("timersMoved").asBoolean()).isTrue();
    }
    assertThat(month.progress(extended))
        .containsEntry("county_due", java.sql.Date.valueOf("2026-11-26"))
        .containsEntry("province_due", java.sql.Date.valueOf("2026-12-01"));
    assertThat(month.progress(notExtended))
        .containsEntry("county_due", java.sql.Date.valueOf("2026-11-20"));
    assertThat(
            jdbc()
                .queryForList(
                    "SELECT kind FROM notification WHERE recipient_group = 'county:640104:officer'"
                        + " AND message LIKE ?",
                    String.class,
                    "延期申请 " + id + " %"))
        .contains("EXTENSION_APPROVED");

    // 21 November 01:00: the old county deadline has passed — for the spot not extended only
    processTestContext.increaseTime(Duration.ofDays(17).plusHours(16));
    assertThat(ProcessInstanceSelectors.byKey(month.instanceOf(notExtended)))
        .hasCompletedElements("record-county-overdue");
    assertThat(ProcessInstanceSelectors.byKey(month.instanceOf(extended)))
        .hasNotActivatedElements("record-county-overdue")
        .hasActiveElements("watch-county-deadline");
    assertThat(month.progress(extended)).containsEntry("county_overdue", false);

    // 27 November 01:00: the granted date has passed too
    processTestContext.increaseTime(Duration.ofDays(6));
    assertThat(ProcessInstanceSelectors.byKey(month.instanceOf(extended)))
        .hasCompletedElements("record-county-overdue");
    month.awaitState(extended, SpotState.VERIFICATION);
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> (Boolean) month.progress(alsoExtended).get("county_overdue"));
  }

  @Test
  void aRefusedExtensionChangesNothingAndItsTimersFireAsBefore() {
    SpotMonth month = SpotMonth.issue(client, 1, i -> "新增建设");
    String code = month.codes.get(0);
    month.instanceOf(code);
    long id =
        applyForExtension(OFFICER, List.of(code), "2026-11-24", "人员不足", PDF, "申请.pdf")
            .getBody()
            .get("id")
            .asLong();
    UserTask endorsement = awaitExtensionTask(client, "endorse-extension", id);
    long instance = endorsement.getProcessInstanceKey();
    assertThat(month.complete(endorsement, REVIEWER, extensionDecision("REFUSE", " ", null)))
        .contains("不同意延期须填写理由");
    assertThat(month.complete(endorsement, REVIEWER, extensionDecision(null, null, null)))
        .contains("请选择意见");
    assertThat(
            month.complete(endorsement, REVIEWER, extensionDecision("REFUSE", "理由不充分，应按期完成", null)))
        .isNull();
    assertThat(ProcessInstanceSelectors.byKey(instance))
        .isCompleted()
        .hasCompletedElements("refused-by-city")
        .hasNotActivatedElements("approve-extension", "apply-extension");

    Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> "REFUSED".equals(read(OFFICER, "/api/extensions/" + id).get("status").asText()));
    JsonNode view = read(OFFICER, "/api/extensions/" + id);
    assertThat(view.get("spots").get(0).get("countyDueAfter").isNull()).isTrue();
    assertThat(view.get("decisions").get(0).get("opinion").asText()).isEqualTo("理由不充分，应按期完成");
    assertThat(month.progress(code))
        .containsEntry("county_due", java.sql.Date.valueOf("2026-11-20"));
    assertThat(
            jdbc()
                .queryForObject(
                    "SELECT count(*) FROM spot_event e JOIN spot s ON s.id = e.spot_id"
                        + " WHERE s.monitoring_code = ? AND e.step = 'EXTENDED'",
                    Long.class,
                    code))
        .isZero();

    processTestContext.increaseTime(Duration.ofDays(17).plusHours(16));
    assertThat(ProcessInstanceSelectors.byKey(month.instanceOf(code)))
        .hasCompletedElements("record-county-overdue");
    // refused, the spot may be applied for again
    assertThat(
            applyForExtension(OFFICER, List.of(code), "2026-11-28", "再次申请", PDF, "申请2.pdf")
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aCountysOwnChainMaySkipTheCityOrEndAtIt() {
    SpotMonth xixia = SpotMonth.issue(client, 1, i -> "新增建设", "640105");
    String toProvince = xixia.codes.get(0);
    xixia.instanceOf(toProvince);
    long provinceOnly =
        applyForExtension(
                "officer-640105", List.of(toProvince), "2026-11-25", "核查设备故障", PDF, "a.pdf")
            .getBody()
            .get("id")
            .asLong();
    UserTask approval = awaitExtensionTask(client, "approve-extension", provinceOnly);
    long first = approval.getProcessInstanceKey();
    assertThat(xixia.complete(approval, MANAGER, extensionDecision("REFUSE", "不予延期", null)))
        .isNull();
    assertThat(ProcessInstanceSelectors.byKey(first))
        .isCompleted()
        .hasCompletedElements("refused-by-province")
        .hasNotActivatedElements("endorse-extension");

    SpotMonth jinfeng = SpotMonth.issue(client, 1, i -> "新增建设", "640106");
    String cityAlone = jinfeng.codes.get(0);
    jinfeng.instanceOf(cityAlone);
    long cityOnly =
        applyForExtension(
                "officer-640106", List.of(cityAlone), "2026-11-23", "核查设备故障", PDF, "b.pdf")
            .getBody()
            .get("id")
            .asLong();
    UserTask endorsement = awaitExtensionTask(client, "endorse-extension", cityOnly);
    long second = endorsement.getProcessInstanceKey();
    assertThat(jinfeng.complete(endorsement, REVIEWER, extensionDecision("APPROVE", null, null)))
        .isNull();
    assertThat(ProcessInstanceSelectors.byKey(second))
        .isCompleted()
        .hasCompletedElements("apply-extension", "extended")
        .hasNotActivatedElements("approve-extension");
    assertThat(awaitExtended("officer-640106", cityOnly).get("grantedDueDate").asText())
        .isEqualTo("2026-11-23");
    assertThat(jinfeng.progress(cityAlone))
        .containsEntry("county_due", java.sql.Date.valueOf("2026-11-23"));
  }

  @Test
  void badApplicationsAreRefusedWithAReasonAndLeaveNothingBehind() {
    SpotMonth month = SpotMonth.issue(client, 2, i -> "新增建设");
    String open = month.codes.get(0);
    String reported = month.codes.get(1);
    month.instanceOf(open);
    month.verify(reported, OFFICER);
    month.judge(reported, Judgment.LEGAL);
    Awaitility.await("report of " + reported)
        .atMost(WAIT)
        .until(() -> month.progress(reported).get("reported_at") != null);
    SpotMonth elsewhere = SpotMonth.issue(client, 1, i -> "新增建设", "640105");
    long before = applications();

    assertRefused(
        applyForExtension(OFFICER, List.of(open), "2026-11-27", "理由", null, null),
        400,
        "application");
    assertRefused(
        applyForExtension(OFFICER, List.of(open), "2026-11-27", "  ", PDF, "a.pdf"), 422, "延期理由");
    assertRefused(
        applyForExtension(
            OFFICER,
            List.of(open),
            "2026-11-27",
            "理由",
            "请延期".getBytes(StandardCharsets.UTF_8),
            "a.pdf"),
        422,
        "书面申请须为");
    assertRefused(
        applyForExtension(OFFICER, List.of(open), "2026-11-20", "理由", PDF, "a.pdf"), 422, "须晚于");
    assertRefused(
        applyForExtension(OFFICER, List.of(open), "2026-12-21", "理由", PDF, "a.pdf"),
        422,
        "一次最多延期 30 天");
    assertRefused(
        applyForExtension(OFFICER, List.of(open), "11/27", "理由", PDF, "a.pdf"),
        400,
        "requestedDueDate");
    assertRefused(
        applyForExtension(
            OFFICER,
            List.of(open, elsewhere.codes.get(0), "NO-SUCH-SPOT"),
            "2026-11-27",
            "理由",
            PDF,
            "a.pdf"),
        422,
        "不存在或不属于本县");
    assertRefused(
        applyForExtension(OFFICER, List.of(reported), "2026-11-27", "理由", PDF, "a.pdf"),
        409,
        "已填报");
    assertRefused(
        applyForExtension(CONTRACTOR, List.of(open), "2026-11-27", "理由", PDF, "a.pdf"), 403, null);
    assertRefused(
        applyForExtension(REVIEWER, List.of(open), "2026-11-27", "理由", PDF, "a.pdf"), 403, null);
    assertThat(applications()).isEqualTo(before);

    long id =
        applyForExtension(OFFICER, List.of(open), "2026-11-27", "理由", PDF, "申请.pdf")
            .getBody()
            .get("id")
            .asLong();
    assertRefused(
        applyForExtension(OFFICER, List.of(open), "2026-11-28", "又一次", PDF, "a.pdf"),
        409,
        "未办结的延期申请");
    assertThat(applications()).isEqualTo(before + 1);

    // the application is the county's: its city and the province see it, another city does not
    ResponseEntity<byte[]> document =
        SpotMonth.api(REVIEWER)
            .getForEntity("/api/extensions/" + id + "/application", byte[].class);
    assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(document.getBody()).isEqualTo(PDF);
    assertThat(document.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(
            SpotMonth.api("officer-640202")
                .getForEntity("/api/extensions/" + id, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(read(MANAGER, "/api/extensions?size=500").get("items"))
        .extracting(item -> item.get("id").asLong())
        .contains(id);
    assertThat(read("officer-640202", "/api/extensions?size=500").get("items"))
        .extracting(item -> item.get("id").asLong())
        .doesNotContain(id);
    assertThat(read(REVIEWER, "/api/extensions?status=APPLIED&size=500").get("items"))
        .extracting(item -> item.get("id").asLong())
        .contains(id);
  }

  /**
   * An application kept while its start never reached the engine (the application crashed between
   * its commit and the publication, or the engine was away) is started by the next retry, once.
   */
  @Test
  void anApplicationWhoseStartWasLostIsStartedLater() {
    SpotMonth month = SpotMonth.issue(client, 1, i -> "新增建设");
    String code = month.codes.get(0);
    month.instanceOf(code);
    long id =
        jdbc()
            .queryForObject(
                "INSERT INTO extension_application (county_code, city_code, reason, requested_due,"
                    + " approval_chain, document, document_name, document_type, document_bytes,"
                    + " applied_by) VALUES ('640104', '640100', '断电', DATE '2026-11-25',"
                    + " '[\"CITY\", \"PROVINCE\"]', '{}', 'a.pdf', 'application/pdf', 1, ?)"
                    + " RETURNING id",
                Long.class,
                OFFICER);
    jdbc()
        .update(
            "INSERT INTO extension_spot (extension_id, spot_id, county_due_before, province_due_before)"
                + " SELECT ?, s.id, p.county_due, p.province_due FROM spot s"
                + " JOIN spot_progress p ON p.spot_id = s.id WHERE s.monitoring_code = ?",
            id,
            code);

    UserTask endorsement = awaitExtensionTask(client, "endorse-extension", id);
    assertThat(
            jdbc()
                .queryForObject(
                    "SELECT started_at IS NOT NULL FROM extension_application WHERE id = ?",
                    Boolean.class,
                    id))
        .isTrue();
    // later retries find it started and publish nothing more
    Awaitility.await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(
                    f ->
                        f.elementId("endorse-extension")
                            .processInstanceVariables(Map.of("extensionId", String.valueOf(id))))
                .send()
                .join()
                .items())
        .extracting(UserTask::getProcessInstanceKey)
        .containsExactly(endorsement.getProcessInstanceKey());
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, int status, String detail) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
    if (detail != null) {
      assertThat(response.getBody().get("detail").asText()).contains(detail);
    }
  }

  private static JsonNode read(String user, String path) {
    ResponseEntity<JsonNode> response = SpotMonth.api(user).getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode()).as(path + " as " + user).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static JsonNode awaitExtended(long id) {
    return awaitExtended(OFFICER, id);
  }

  private static JsonNode awaitExtended(String user, long id) {
    return Awaitility.await("extension " + id + " applied")
        .atMost(WAIT)
        .until(
            () -> read(user, "/api/extensions/" + id),
            view ->
                view.hasNonNull("extendedAt")
                    && view.get("spots").findValues("timersMoved").stream()
                        .allMatch(JsonNode::isBoolean));
  }

  private static JdbcTemplate jdbc() {
    return ProcessTestApplication.context().getBean(JdbcTemplate.class);
  }

  private static long applications() {
    return jdbc().queryForObject("SELECT count(*) FROM extension_application", Long.class);
  }
}
