package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
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
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import landwatch.app.TestUsers;
import landwatch.app.engine.DocumentReferences;
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
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Scripted users driving spots of one batch through the spot-check process: the application's HTTP
 * API to import the batch (as its administrator), the Camunda client to claim and complete tasks as
 * the demo users (officer-640104, contractor-640104, reviewer-640100, manager-640000), and the
 * application's database to read what it recorded.
 */
public final class SpotMonth {

  public static final String COUNTY = "640104";
  public static final String OFFICER = "officer-640104";
  public static final String CONTRACTOR = "contractor-640104";
  public static final String REVIEWER = "reviewer-640100";
  public static final String MANAGER = "manager-640000";
  public static final String PASSWORD = "landwatch-demo";
  private static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * Where the scripted users find the application: its HTTP API, its database and the review policy
   * it runs with (to re-derive the draws).
   */
  public record Application(String restRoot, JdbcTemplate jdbc, ReviewPolicy policy) {

    /** The application ProcessTestApplication runs in this JVM. */
    public static Application inThisJvm() {
      return new Application(
          ProcessTestApplication.restAddressText(),
          ProcessTestApplication.context().getBean(JdbcTemplate.class),
          ProcessTestApplication.context().getBean(ReviewPolicy.class));
    }

    TestRestTemplate as(String user) {
      return new TestRestTemplate(new RestTemplateBuilder().rootUri(restRoot))
          .withBasicAuth(user, PASSWORD);
    }
  }

  private final CamundaClient client;
  private final JdbcTemplate jdbc;
  private final ReviewPolicy policy;
  public final Application application;
  public final List<String> codes;
  final SamplingSeed seed;
  public final long batchId;

  private SpotMonth(
      Application application, CamundaClient client, List<String> codes, long batchId) {
    this.application = application;
    this.client = client;
    this.jdbc = application.jdbc();
    this.policy = application.policy();
    this.codes = codes;
    this.batchId = batchId;
    this.seed =
        SamplingSeed.fromHex(
            jdbc.queryForObject(
                    "SELECT sampling_seed FROM batch WHERE id = ?", String.class, batchId)
                .trim());
  }

  /** Imports a batch of spots in 兴庆区 issued in October 2026 (due 20 and 25 November). */
  public static SpotMonth issue(CamundaClient client, int count, IntFunction<String> changeType) {
    return issue(client, count, changeType, COUNTY);
  }

  /** Imports a batch of spots in the county, issued in October 2026. */
  public static SpotMonth issue(
      CamundaClient client, int count, IntFunction<String> changeType, String county) {
    return issue(
        Application.inThisJvm(),
        client,
        YearMonth.of(2026, 10),
        count,
        i -> NingxiaCounty.byCode(county),
        changeType);
  }

  /**
   * Imports a batch issued this month in the deadline calendar's zone, so that its due dates lie
   * ahead of today's wall clock, which the tasklist counts days from.
   */
  public static SpotMonth issueThisMonth(
      CamundaClient client, int count, IntFunction<NingxiaCounty> county) {
    return issue(
        Application.inThisJvm(),
        client,
        YearMonth.now(ZoneId.of("Asia/Shanghai")),
        count,
        county,
        i -> "新增建设");
  }

  /**
   * Imports a batch issued in the month, spot i in county(i) with change type changeType(i), laid
   * out on a grid of 40 columns from a corner of the county (兴庆区's from 106.25°E 38.45°N).
   */
  public static SpotMonth issue(
      Application application,
      CamundaClient client,
      YearMonth month,
      int count,
      IntFunction<NingxiaCounty> county,
      IntFunction<String> changeType) {
    String prefix = "PT" + System.nanoTime() + "-";
    Cgcs2000Crs zone = Cgcs2000Crs.gaussKruger(105, true);
    List<Feature> features = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String code = prefix + i;
      codes.add(code);
      NingxiaCounty unit = county.apply(i);
      double lon = unit == NingxiaCounty.XINGQING ? 106.25 : unit.minLon() + 0.01;
      double lat = unit == NingxiaCounty.XINGQING ? 38.45 : unit.minLat() + 0.01;
      Feature spot =
          KnownShapes.spot(
              i,
              code,
              unit,
              KnownShapes.square(zone, lon + 0.003 * (i % 40), lat + 0.003 * (i / 40), 60));
      Map<String, Object> attributes = new LinkedHashMap<>(spot.attributes());
      attributes.put("BHLX", changeType.apply(i));
      attributes.put("HSX", month.atDay(15).toString());
      features.add(new Feature(spot.index(), spot.geometry(), attributes));
    }
    byte[] geojson = new GeoJsonWriter(Cgcs2000Crs.geographic()).write(features.iterator());
    TestRestTemplate admin =
        TestUsers.admin(
            new TestRestTemplate(new RestTemplateBuilder().rootUri(application.restRoot())));
    var response = Uploads.post(admin, "/api/batches?month=" + month, "month.geojson", geojson);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = response.getBody();
    return new SpotMonth(application, client, codes, body.get("batchId").asLong());
  }

  /** The application's API as a demo user. */
  public static TestRestTemplate api(String user) {
    return Application.inThisJvm().as(user);
  }

  /** Whether the city's draw picks the spot (judged LEGAL, no 100% rule applying). */
  public boolean citySamples(String code) {
    return policy
        .cityReview(seed, new ReviewSubject(code, "新增建设", Judgment.LEGAL, List.of()))
        .selected();
  }

  public boolean provinceReReviews(String code) {
    return policy.provinceReReview(seed, code).selected();
  }

  public String firstWhere(Predicate<String> condition) {
    return codes.stream()
        .filter(condition)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no spot of the batch fits"));
  }

  /** The open task of the spot at the element, once it exists. */
  public UserTask awaitTask(String elementId, String code) {
    return awaitTask(client, elementId, "spotId", json(code), "of " + code);
  }

  /**
   * The one open task at the element in the instance whose variable has the JSON value, once it
   * exists.
   */
  private static UserTask awaitTask(
      CamundaClient client, String elementId, String variable, String json, String whose) {
    return Awaitility.await("task " + elementId + " " + whose)
        .atMost(WAIT)
        .until(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f ->
                            f.elementId(elementId)
                                .state(UserTaskState.CREATED)
                                .processInstanceVariables(Map.of(variable, json)))
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
  public long instanceOf(String code) {
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

  public void verify(String code, String user) {
    assertThat(complete(awaitTask("verify", code), user, verification())).isNull();
  }

  public Map<String, Object> verification() {
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
  public Map<String, Object> judgment(long instance, Judgment kind, String reasons) {
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

  /** What the spot's verification recorded (variable {@code verification}). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> verificationOf(String code) {
    return (Map<String, Object>) variable(instanceOf(code), "verification");
  }

  /** The judgment the spatial check suggested for the spot. */
  public String suggestedJudgment(String code) {
    return (String) ((Map<?, ?>) variable(instanceOf(code), "suggestion")).get("judgment");
  }

  public void judge(String code, Judgment kind) {
    assertThat(complete(awaitTask("judge", code), OFFICER, countyJudgment(code, kind))).isNull();
  }

  /** A judgment of the kind that passes the judgment check, with a reason where it contradicts. */
  public Map<String, Object> countyJudgment(String code, Judgment kind) {
    long instance = instanceOf(code);
    String suggested = (String) ((Map<?, ?>) variable(instance, "suggestion")).get("judgment");
    Map<String, Object> submitted = judgment(instance, kind, "经核实，符合判定标准");
    if (!kind.name().equals(suggested)) {
      submitted.put("contradictionReason", "现场情况与判定建议不符");
    }
    return submitted;
  }

  /** The same batch driven through another client (of the application restarted). */
  SpotMonth through(CamundaClient other) {
    return new SpotMonth(application, other, codes, batchId);
  }

  void review(String elementId, String code, String user, String decision, String reasons) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    submitted.put("decision", decision);
    submitted.put("reasons", reasons);
    submitted.put("fieldCheck", false);
    assertThat(complete(awaitTask(elementId, code), user, submitted)).isNull();
  }

  public Map<String, Object> progress(String code) {
    return jdbc.queryForMap(
        "SELECT p.* FROM spot_progress p JOIN spot s ON s.id = p.spot_id WHERE s.monitoring_code = ?",
        code);
  }

  /** Waits until the spot's progress reaches the state (its recording steps are jobs). */
  public Map<String, Object> awaitState(String code, SpotState state) {
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
    return document(jpeg.toByteArray(), "现场照片.jpg", "image/jpeg");
  }

  /**
   * The reference to a document uploaded to the engine's store, as a form's file picker sends it.
   */
  Map<String, Object> document(byte[] content, String fileName, String contentType) {
    DocumentReferenceResponse stored =
        client
            .newCreateDocumentCommand()
            .content(content)
            .fileName(fileName)
            .contentType(contentType)
            .send()
            .join();
    return DocumentReferences.of(stored, fileName, contentType);
  }

  /** A county officer's extension application 延期申请 for the spots, as the form posts it. */
  public static ResponseEntity<JsonNode> applyForExtension(
      String user,
      List<String> spots,
      String requested,
      String reason,
      byte[] document,
      String fileName) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    spots.forEach(code -> body.add("spots", code));
    body.add("requestedDueDate", requested);
    body.add("reason", reason);
    if (document != null) {
      body.add("application", Uploads.file(document, fileName));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return api(user)
        .postForEntity("/api/extensions", new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** An endorsement's or an approval's submission. */
  static Map<String, Object> extensionDecision(String decision, String opinion, String granted) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    submitted.put("decision", decision);
    submitted.put("opinion", opinion);
    submitted.put("grantedDueDate", granted);
    return submitted;
  }

  /** The open task of the extension application at the element, once it exists. */
  static UserTask awaitExtensionTask(CamundaClient client, String elementId, long id) {
    return awaitTask(client, elementId, "extensionId", String.valueOf(id), "of extension " + id);
  }

  /**
   * Deploys the application's models, decisions and forms as Camunda Modeler would, and pins the
   * engine's clock at the moment (a month the tests script day by day).
   */
  public static void deployAndPinTheClock(CamundaClient client, OffsetDateTime at)
      throws IOException {
    client.newPinClockCommand().time(at.toInstant()).send().join();
    deploy(client);
  }

  /** Deploys the application's models, decisions and forms as Camunda Modeler would. */
  public static void deploy(CamundaClient client) throws IOException {
    PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
    DeployResourceCommandStep1.DeployResourceCommandStep2 deployment = null;
    for (String pattern :
        List.of(
            "classpath*:processes/*.bpmn",
            "classpath*:processes/*.dmn",
            "classpath*:forms/*.form")) {
      for (Resource resource : resources.getResources(pattern)) {
        byte[] content = resource.getContentAsByteArray();
        deployment =
            deployment == null
                ? client
                    .newDeployResourceCommand()
                    .addResourceBytes(content, resource.getFilename())
                : deployment.addResourceBytes(content, resource.getFilename());
      }
    }
    deployment.send().join();
  }
}
