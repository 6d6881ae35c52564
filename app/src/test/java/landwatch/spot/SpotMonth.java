package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import landwatch.app.TestUsers;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.review.ReviewPolicy;
import landwatch.review.ReviewSubject;
import landwatch.review.SamplingSeed;
import landwatch.spatial.Uploads;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import landwatch.spot.judgment.Judgment;
import org.awaitility.Awaitility;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scripted users driving spots of one batch through the spot-check process: the application's HTTP
 * API to import the batch (as its administrator), the Camunda client to claim and complete tasks as
 * the demo users (officer-640104, contractor-640104, reviewer-640100, manager-640000), and the
 * application's database to read what it recorded.
 */
final class SpotMonth {

  static final String COUNTY = "640104";
  static final String OFFICER = "officer-640104";
  static final String CONTRACTOR = "contractor-640104";
  static final String REVIEWER = "reviewer-640100";
  static final String MANAGER = "manager-640000";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final CamundaClient client;
  private final JdbcTemplate jdbc;
  private final ReviewPolicy policy;
  final List<String> codes;
  final SamplingSeed seed;
  final long batchId;

  private SpotMonth(CamundaClient client, List<String> codes, long batchId) {
    this.client = client;
    this.jdbc = ProcessTestApplication.context().getBean(JdbcTemplate.class);
    this.policy = ProcessTestApplication.context().getBean(ReviewPolicy.class);
    this.codes = codes;
    this.batchId = batchId;
    this.seed =
        SamplingSeed.fromHex(
            jdbc.queryForObject(
                    "SELECT sampling_seed FROM batch WHERE id = ?", String.class, batchId)
                .trim());
  }

  /** Imports a batch of spots in 兴庆区 issued in October 2026 (due 20 and 25 November). */
  static SpotMonth issue(CamundaClient client, int count, IntFunction<String> changeType) {
    return issue(client, count, changeType, COUNTY);
  }

  /** Imports a batch of spots in the county, issued in October 2026. */
  static SpotMonth issue(
      CamundaClient client, int count, IntFunction<String> changeType, String county) {
    String prefix = "PT" + System.nanoTime() + "-";
    Cgcs2000Crs zone = Cgcs2000Crs.gaussKruger(105, true);
    List<Feature> features = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String code = prefix + i;
      codes.add(code);
      Feature spot =
          KnownShapes.spot(
              i,
              code,
              NingxiaCounty.byCode(county),
              KnownShapes.square(zone, 106.25 + 0.003 * i, 38.45, 60));
      Map<String, Object> attributes = new LinkedHashMap<>(spot.attributes());
      attributes.put("BHLX", changeType.apply(i));
      attributes.put("HSX", "2026-10-15");
      features.add(new Feature(spot.index(), spot.geometry(), attributes));
    }
    byte[] geojson = new GeoJsonWriter(Cgcs2000Crs.geographic()).write(features.iterator());
    TestRestTemplate admin =
        TestUsers.admin(
            new TestRestTemplate(
                new RestTemplateBuilder().rootUri(ProcessTestApplication.restAddressText())));
    var response = Uploads.post(admin, "/api/batches?month=2026-10", "month.geojson", geojson);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = response.getBody();
    return new SpotMonth(client, codes, body.get("batchId").asLong());
  }

  /** The application's API as a demo user. */
  static TestRestTemplate api(String user) {
    return new TestRestTemplate(
            new RestTemplateBuilder().rootUri(ProcessTestApplication.restAddressText()))
        .withBasicAuth(user, "landwatch-demo");
  }

  /** Whether the city's draw picks the spot (judged LEGAL, no 100% rule applying). */
  boolean citySamples(String code) {
    return policy
        .cityReview(seed, new ReviewSubject(code, "新增建设", Judgment.LEGAL, List.of()))
        .selected();
  }

  boolean provinceReReviews(String code) {
    return policy.provinceReReview(seed, code).selected();
  }

  String firstWhere(Predicate<String> condition) {
    return codes.stream()
        .filter(condition)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no spot of the batch fits"));
  }

  /** The open task of the spot at the element, once it exists. */
  UserTask awaitTask(String elementId, String code) {
    return Awaitility.await("task " + elementId + " of " + code)
        .atMost(WAIT)
        .until(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f ->
                            f.elementId(elementId)
                                .state(UserTaskState.CREATED)
                                .processInstanceVariables(Map.of("spotId", json(code))))
                    .send()
                    .join()
                    .items(),
            tasks -> tasks.size() == 1)
        .get(0);
  }

  /** A variable filter's value is the variable's JSON, as Camunda compares it. */
  private static String json(String text) {
    return '"' + text + '"';
  }

  /** The spot's instance, as its first recording step noted it. */
  long instanceOf(String code) {
    return Awaitility.await("instance of " + code)
        .atMost(WAIT)
        .until(() -> (Long) progress(code).get("process_instance_key"), key -> key != null);
  }

  /** Claims the task for the user and completes it as them; null when done, else the denial. */
  String complete(UserTask task, String user, Map<String, Object> submitted) {
    client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee(user).send().join();
    Map<String, Object> variables = new LinkedHashMap<>(submitted);
    variables.put("completedBy", user);
    try {
      client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(variables).send().join();
      return null;
    } catch (ProblemException e) {
      return denial(e);
    } catch (CompletionException e) {
      if (e.getCause() instanceof ProblemException problem) {
        return denial(problem);
      }
      throw e;
    }
  }

  private static String denial(ProblemException e) {
    assertThat(e.code()).as(e.getMessage()).isEqualTo(409);
    return e.details().getDetail();
  }

  void verify(String code, String user) {
    assertThat(complete(awaitTask("verify", code), user, verification())).isNull();
  }

  Map<String, Object> verification() {
    Map<String, Object> submitted = new LinkedHashMap<>();
    submitted.put("landUse", "建设用地");
    submitted.put("constructionState", "COMPLETED");
    submitted.put("fieldNotes", "现场已建成厂房一处");
    submitted.put("longitude", 106.25);
    submitted.put("latitude", 38.45);
    submitted.put("photos", List.of(photo()));
    return submitted;
  }

  /** A judgment of the kind with the first category of that kind the year's table offers. */
  Map<String, Object> judgment(long instance, Judgment kind, String reasons) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    submitted.put("judgment", kind.name());
    submitted.put("category", firstCategory(instance, kind));
    submitted.put("reasons", reasons);
    submitted.put("approvalDocumentNumber", "宁自然资建字〔2026〕18号");
    if (kind == Judgment.ILLEGAL) {
      submitted.put("ruralHousing", false);
    }
    return submitted;
  }

  @SuppressWarnings("unchecked")
  String firstCategory(long instance, Judgment kind) {
    Object categories = variable(instance, "judgmentCategories");
    return ((List<Map<String, Object>>) categories)
        .stream()
            .filter(c -> kind.name().equals(c.get("kind")))
            .map(c -> (String) c.get("value"))
            .findFirst()
            .orElseThrow();
  }

  Object variable(long instance, String name) {
    List<Variable> found =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(instance).name(name))
            .withFullValues()
            .send()
            .join()
            .items();
    assertThat(found).as("variable " + name).isNotEmpty();
    try {
      return new ObjectMapper().readValue(found.get(0).getValue(), Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void judge(String code, Judgment kind) {
    long instance = instanceOf(code);
    String suggested = (String) ((Map<?, ?>) variable(instance, "suggestion")).get("judgment");
    Map<String, Object> submitted = judgment(instance, kind, "经核实，符合判定标准");
    if (!kind.name().equals(suggested)) {
      submitted.put("contradictionReason", "现场情况与判定建议不符");
    }
    assertThat(complete(awaitTask("judge", code), OFFICER, submitted)).isNull();
  }

  void review(String elementId, String code, String user, String decision, String reasons) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    submitted.put("decision", decision);
    submitted.put("reasons", reasons);
    submitted.put("fieldCheck", false);
    assertThat(complete(awaitTask(elementId, code), user, submitted)).isNull();
  }

  Map<String, Object> progress(String code) {
    return jdbc.queryForMap(
        "SELECT p.* FROM spot_progress p JOIN spot s ON s.id = p.spot_id WHERE s.monitoring_code = ?",
        code);
  }

  /** Waits until the spot's progress reaches the state (its recording steps are jobs). */
  Map<String, Object> awaitState(String code, SpotState state) {
    return Awaitility.await(code + " " + state)
        .atMost(WAIT)
        .until(() -> progress(code), p -> state.name().equals(p.get("state")));
  }

  List<Map<String, Object>> judgments(String code) {
    return jdbc.queryForList(
        "SELECT j.basis, j.judgment, j.judged_by, j.late FROM spot_judgment j JOIN spot s ON s.id = j.spot_id"
            + " WHERE s.monitoring_code = ? ORDER BY j.id",
        code);
  }

  List<String> notifications(String code) {
    return jdbc.queryForList(
        "SELECT n.recipient_group || ' ' || n.kind FROM notification n JOIN spot s ON s.id = n.spot_id"
            + " WHERE s.monitoring_code = ? ORDER BY n.id",
        String.class,
        code);
  }

  /** A real JPEG (without EXIF: the photo check flags it, it does not refuse it). */
  Map<String, Object> photo() {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", jpeg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DocumentReferenceResponse stored =
        client
            .newCreateDocumentCommand()
            .content(jpeg.toByteArray())
            .fileName("现场照片.jpg")
            .contentType("image/jpeg")
            .send()
            .join();
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put("camunda.document.type", "camunda");
    reference.put("storeId", stored.getStoreId());
    reference.put("documentId", stored.getDocumentId());
    reference.put("contentHash", stored.getContentHash());
    reference.put("metadata", Map.of("fileName", "现场照片.jpg", "contentType", "image/jpeg"));
    return reference;
  }
}
