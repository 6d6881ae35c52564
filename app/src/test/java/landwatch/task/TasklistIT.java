package landwatch.task;

import static landwatch.spot.SpotMonth.CONTRACTOR;
import static landwatch.spot.SpotMonth.OFFICER;
import static landwatch.spot.SpotMonth.REVIEWER;
import static landwatch.spot.SpotMonth.api;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spatial.Uploads;
import landwatch.spot.ProcessTestApplication;
import landwatch.spot.SpotMonth;
import landwatch.spot.judgment.Judgment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The tasklist's API as officers use it, against the whole application and its engine: each user
 * sees the open tasks of their groups with the spot, region, batch and days left; claims, reads the
 * form and the variables it binds, completes; a task listener's denial comes back with its reasons
 * in Chinese; nobody reaches a task of another county, not even by its key.
 *
 * <p>The batch is issued this month, so that its due dates lie ahead of today's wall clock, which
 * is what the tasklist counts days from.
 */
@ExtendWith(ProcessTestApplication.class)
@CamundaProcessTest
class TasklistIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String SIBLING_OFFICER = "officer-640105";

  private CamundaClient client;

  @BeforeEach
  void deploy() throws IOException {
    SpotMonth.deploy(client);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anOfficerSeesClaimsAndCompletesTheCountysTasksAndNoOneElses() {
    YearMonth month = YearMonth.now(SHANGHAI);
    SpotMonth batch =
        SpotMonth.issueThisMonth(
            client, 3, i -> i < 2 ? NingxiaCounty.XINGQING : NingxiaCounty.XIXIA);
    List<String> mine = batch.codes.subList(0, 2);
    String sibling = batch.codes.get(2);
    batch.codes.forEach(code -> batch.awaitTask("verify", code));

    JsonNode page = get(OFFICER, "/api/tasks?batch=" + batch.batchId).getBody();
    assertThat(page.get("total").asLong()).isEqualTo(2);
    assertThat(codes(page)).containsExactlyInAnyOrderElementsOf(mine);
    LocalDate lastDay = month.plusMonths(1).atDay(20);
    for (JsonNode task : page.get("items")) {
      assertThat(task.get("kind").asText()).isEqualTo("verify");
      assertThat(task.get("name").asText()).isEqualTo("核实");
      assertThat(task.get("regionCode").asText()).isEqualTo("640104");
      assertThat(task.get("regionName").asText()).isEqualTo("兴庆区");
      assertThat(task.get("batchId").asLong()).isEqualTo(batch.batchId);
      assertThat(task.get("dueDay").asText()).isEqualTo(lastDay.toString());
      assertThat(task.get("daysLeft").asLong())
          .isEqualTo(ChronoUnit.DAYS.between(LocalDate.now(SHANGHAI), lastDay));
      assertThat(task.get("overdue").asBoolean()).isFalse();
      assertThat(task.get("assignee").isNull()).isTrue();
    }
    assertThat(
            get(OFFICER, "/api/tasks?batch=" + batch.batchId + "&overdue=true")
                .getBody()
                .get("total")
                .asLong())
        .isZero();
    assertThat(codes(get(CONTRACTOR, "/api/tasks?batch=" + batch.batchId).getBody()))
        .containsExactlyInAnyOrderElementsOf(mine);
    assertThat(codes(get(SIBLING_OFFICER, "/api/tasks?batch=" + batch.batchId).getBody()))
        .containsExactly(sibling);
    assertThat(codes(get(REVIEWER, "/api/tasks?batch=" + batch.batchId).getBody()))
        .as("the city reviews, it does not verify")
        .isEmpty();

    ResponseEntity<byte[]> export =
        api(OFFICER).getForEntity("/api/tasks/export?batch=" + batch.batchId, byte[].class);
    assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(export.getHeaders().getContentDisposition().getFilename()).isEqualTo("待办任务.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter text = new DataFormatter();
      assertThat(text.formatCellValue(sheet.getRow(1).getCell(0)))
          .isEqualTo("筛选：批次 " + batch.batchId);
      assertThat(text.formatCellValue(sheet.getRow(2).getCell(2))).isEqualTo("图斑编号");
      List<String> exported = new ArrayList<>();
      for (int r = 3; r <= sheet.getLastRowNum(); r++) {
        exported.add(text.formatCellValue(sheet.getRow(r).getCell(2)));
        assertThat(text.formatCellValue(sheet.getRow(r).getCell(5))).isEqualTo("兴庆区");
      }
      assertThat(exported).containsExactlyInAnyOrderElementsOf(mine);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    long key = taskKey(page, mine.get(0));
    assertThat(get(SIBLING_OFFICER, "/api/tasks/" + key).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(SIBLING_OFFICER, "/api/tasks/" + key + "/claim", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(SIBLING_OFFICER, "/api/tasks/" + key + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> unclaimed =
        post(OFFICER, "/api/tasks/" + key + "/completion", batch.verification());
    assertThat(unclaimed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(unclaimed.getBody().get("detail").asText()).startsWith("请先认领任务再提交");

    JsonNode claimed = post(OFFICER, "/api/tasks/" + key + "/claim", null).getBody();
    assertThat(claimed.get("assignee").asText()).isEqualTo(OFFICER);
    ResponseEntity<JsonNode> taken = post(CONTRACTOR, "/api/tasks/" + key + "/claim", null);
    assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(taken.getBody().get("detail").asText()).startsWith("任务已由 " + OFFICER + " 认领");
    assertThat(codes(get(OFFICER, "/api/tasks?assigned=ME&batch=" + batch.batchId).getBody()))
        .containsExactly(mine.get(0));
    assertThat(
            codes(get(OFFICER, "/api/tasks?assigned=UNASSIGNED&batch=" + batch.batchId).getBody()))
        .containsExactly(mine.get(1));

    JsonNode form = get(OFFICER, "/api/tasks/" + key + "/form").getBody();
    assertThat(form.get("id").asText()).isEqualTo("verify-spot");
    assertThat(form.get("components").isArray()).isTrue();
    JsonNode variables = get(OFFICER, "/api/tasks/" + key + "/variables").getBody();
    assertThat(variables.get("spotId").asText()).isEqualTo("\"" + mine.get(0) + "\"");
    assertThat(variables.get("countyCode").asText()).isEqualTo("\"640104\"");

    ResponseEntity<JsonNode> notEvidence =
        Uploads.post(
            api(OFFICER),
            "/api/tasks/" + key + "/documents",
            "photo.jpg",
            "a note, not a photo".getBytes(StandardCharsets.UTF_8));
    assertThat(notEvidence.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(notEvidence.getBody().get("detail").asText()).contains("不是可接受的附件");
    assertThat(
            Uploads.post(api(CONTRACTOR), "/api/tasks/" + key + "/documents", "p.jpg", jpeg())
                .getStatusCode())
        .as("only the assignee attaches")
        .isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<JsonNode> photo =
        Uploads.post(api(OFFICER), "/api/tasks/" + key + "/documents", "现场照片.jpg", jpeg());
    assertThat(photo.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(photo.getBody().get("documentId").asText()).isNotBlank();
    assertThat(photo.getBody().at("/metadata/contentType").asText()).isEqualTo("image/jpeg");
    assertThat(photo.getBody().at("/metadata/fileName").asText()).isEqualTo("现场照片.jpg");

    Map<String, Object> impersonating = new LinkedHashMap<>(batch.verification());
    impersonating.put(
        "photos", List.of(new ObjectMapper().convertValue(photo.getBody(), Map.class)));
    impersonating.put("completedBy", CONTRACTOR);
    assertThat(post(OFFICER, "/api/tasks/" + key + "/completion", impersonating).getStatusCode())
        .as("the completion is the signed-in user's, whatever the submission says")
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(batch.verificationOf(mine.get(0)))
        .containsEntry("by", OFFICER)
        .satisfies(
            v ->
                assertThat(((List<Map<String, Object>>) v.get("photos")).get(0))
                    .containsEntry("documentId", photo.getBody().get("documentId").asText()));

    long judge = batch.awaitTask("judge", mine.get(0)).getUserTaskKey();
    assertThat(codes(get(CONTRACTOR, "/api/tasks?kind=judge&batch=" + batch.batchId).getBody()))
        .as("contractors never judge")
        .isEmpty();
    post(OFFICER, "/api/tasks/" + judge + "/claim", null);
    Map<String, Object> unexplained = batch.countyJudgment(mine.get(0), Judgment.LEGAL);
    unexplained.remove("category");
    ResponseEntity<JsonNode> denied =
        post(OFFICER, "/api/tasks/" + judge + "/completion", unexplained);
    assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(denied.getBody().get("title").asText()).isEqualTo("Completion denied");
    assertThat(denied.getBody().get("detail").asText()).startsWith("提交被拒绝：");
    assertThat(denied.getBody().get("reasons"))
        .extracting(JsonNode::asText)
        .containsExactly("请选择判定类别");

    assertThat(
            post(
                    OFFICER,
                    "/api/tasks/" + judge + "/completion",
                    batch.countyJudgment(mine.get(0), Judgment.LEGAL))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get(OFFICER, "/api/tasks/" + judge).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aCityReviewerApprovesSeveralSampledSpotsAtOnceEachOnItsOwn() {
    SpotMonth batch = SpotMonth.issueThisMonth(client, 16, i -> NingxiaCounty.XINGQING);
    List<String> sampled = batch.codes.stream().filter(batch::citySamples).limit(2).toList();
    assertThat(sampled).hasSize(2);
    String notSampled = batch.firstWhere(c -> !batch.citySamples(c));
    for (String code : sampled) {
      batch.verify(code, OFFICER);
      batch.judge(code, Judgment.LEGAL);
    }
    List<Long> reviews =
        sampled.stream().map(c -> batch.awaitTask("city-review", c).getUserTaskKey()).toList();
    long verify = batch.awaitTask("verify", notSampled).getUserTaskKey();
    post(REVIEWER, "/api/tasks/" + reviews.get(1) + "/claim", null);

    List<Long> keys = List.of(reviews.get(0), reviews.get(1), verify);
    ResponseEntity<JsonNode> answer =
        post(
            REVIEWER,
            "/api/tasks/bulk-completion",
            Map.of(
                "kind",
                "city-review",
                "tasks",
                keys,
                "variables",
                Map.of("decision", "APPROVE", "fieldCheck", false)));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode outcomes = answer.getBody();
    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get(0).get("result").asText()).isEqualTo("COMPLETED");
    assertThat(outcomes.get(1).get("result").asText())
        .as("already claimed by the reviewer themself")
        .isEqualTo("COMPLETED");
    assertThat(outcomes.get(2).get("result").asText())
        .as("a verify task is no city review, and not the city's")
        .isEqualTo("REFUSED");
    for (String code : sampled) {
      Awaitility.await("city review of " + code + " recorded")
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> batch.progress(code).get("state"),
              state -> "PROVINCE_REVIEW".equals(state) || "CONCLUDED".equals(state));
    }
    assertThat(batch.progress(notSampled)).containsEntry("state", "VERIFICATION");
    long audited =
        batch
            .application
            .jdbc()
            .queryForObject(
                "SELECT count(*) FROM audit_event WHERE action = 'task.complete' AND actor = ?"
                    + " AND object_id IN (?, ?)",
                Long.class,
                REVIEWER,
                String.valueOf(reviews.get(0)),
                String.valueOf(reviews.get(1)));
    assertThat(audited).as("each completion audited on its own").isEqualTo(2);

    assertThat(
            post(
                    REVIEWER,
                    "/api/tasks/bulk-completion",
                    Map.of("kind", "city-review", "tasks", List.of()))
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void badPagingAndUnknownFiltersAreRefusedWithAProblem() {
    ResponseEntity<JsonNode> paging = get(OFFICER, "/api/tasks?size=0");
    assertThat(paging.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(paging.getBody().get("detail").asText()).contains("分页参数无效");
    assertThat(get(OFFICER, "/api/tasks?assigned=SOMEONE").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get(OFFICER, "/api/tasks?region=999999").getBody().get("total").asLong()).isZero();
    assertThat(get(OFFICER, "/api/tasks/123456789").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static byte[] jpeg() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long taskKey(JsonNode page, String code) {
    for (JsonNode task : page.get("items")) {
      if (code.equals(task.get("spotCode").asText())) {
        return task.get("key").asLong();
      }
    }
    throw new AssertionError("no task of " + code + " in " + page);
  }

  private static List<String> codes(JsonNode page) {
    List<String> codes = new ArrayList<>();
    StreamSupport.stream(page.get("items").spliterator(), false)
        .forEach(task -> codes.add(task.get("spotCode").asText()));
    return codes;
  }

  private static ResponseEntity<JsonNode> get(String user, String path) {
    return api(user).getForEntity(path, JsonNode.class);
  }

  private static ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return api(user).postForEntity(path, body, JsonNode.class);
  }
}
