package landwatch.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import landwatch.app.TestUsers;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spatial.Uploads;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Walks every endpoint of the application, enumerated from Spring's request mappings (the
 * application's, actuator's and the engine's), as each kind of user: the county owning the objects,
 * a sibling county of the same city, a county of another city, the city, another city, the
 * province, the owning county's contractor, an admin and a stranger. Each request must answer as
 * its access rule and the jurisdiction say, change nothing, and leave the audit record a refusal
 * needs. An endpoint without a rule, or without an expectation here, fails the walk: a new endpoint
 * cannot be forgotten.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JurisdictionWalkTest {

  /** Who walks, and the user behind each (none for the stranger). */
  enum Actor {
    OWNER_COUNTY("640104", Role.COUNTY_OFFICER),
    SIBLING_COUNTY("640105", Role.COUNTY_OFFICER),
    OTHER_CITY_COUNTY("640202", Role.COUNTY_OFFICER),
    CITY("640100", Role.CITY_REVIEWER),
    OTHER_CITY("640200", Role.CITY_REVIEWER),
    PROVINCE("640000", Role.PROVINCE_MANAGER),
    CONTRACTOR("640104", Role.CONTRACTOR),
    ADMIN("640000", Role.ADMIN),
    ANONYMOUS(null, null);

    final String unit;
    final Role role;

    Actor(String unit, Role role) {
      this.unit = unit;
      this.role = role;
    }

    String username(String run) {
      return "walk-" + name().toLowerCase().replace('_', '-') + "-" + run;
    }
  }

  /** Statuses where an allowed caller still changes nothing: the walk only ever sends bad input. */
  private static final Set<Integer> REFUSALS = Set.of(401, 403);

  private static final String STATE =
      "SELECT (SELECT count(*) FROM batch) || '/' || (SELECT count(*) FROM spot) || '/'"
          + " || (SELECT count(*) FROM spot_spatial_result) || '/' || (SELECT count(*) FROM layer_version)"
          + " || '/' || (SELECT count(*) FROM layer_feature) || '/' || (SELECT count(*) FROM app_user)"
          + " || '/' || (SELECT coalesce(sum(failed_sign_ins), 0) FROM app_user) || '/'"
          + " || (SELECT count(*) FROM api_token WHERE revoked_at IS NULL) || '/'"
          + " || (SELECT count(*) FROM extension_application) || '/'"
          + " || (SELECT count(*) FROM engine.record)";

  @Autowired List<RequestMappingInfoHandlerMapping> handlerMappings;
  @Autowired AccessRules rules;
  @Autowired UserAdministration users;
  @Autowired UserAccounts accounts;
  private static final long NO_KEY = 2251799813999999L;

  /** What the engine answers about a process definition it does not know, per view. */
  private static final Map<String, Integer> UNKNOWN_DEFINITION =
      Map.of("/xml", 404, "/statistics", 200, "/instances", 200);

  private static final String NO_IMPORT = "5f0c7d3e-1b2a-4c3d-9e8f-0000000000ff";

  @Autowired ApiTokens tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate anonymous;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  private final Map<Actor, String> bearer = new EnumMap<>(Actor.class);
  private final HttpClient client = HttpClient.newHttpClient();
  private String ownSpot;
  private String siblingSpot;
  private long batchId;
  private long extensionId;
  private long ownTask;

  @BeforeAll
  void usersAndABatchAcrossTwoCountiesOfOneCity() {
    for (Actor actor : Actor.values()) {
      if (actor.role == null) {
        continue;
      }
      String username = actor.username(run);
      users.create(new NewUser(username, actor.name(), actor.unit, List.of(actor.role), null));
      bearer.put(actor, tokens.issue(accounts.find(username).orElseThrow(), "walk", 1).value());
    }
    ownSpot = "WALK-" + run + "-OWN";
    siblingSpot = "WALK-" + run + "-SIB";
    Cgcs2000Crs zone = Cgcs2000Crs.gaussKruger(105, true);
    double lat = 38.2 + (System.nanoTime() % 1000) / 10_000.0;
    List<Feature> spots =
        List.of(
            KnownShapes.spot(
                0,
                ownSpot,
                NingxiaCounty.byCode("640104"),
                KnownShapes.square(zone, 106.27, lat, 80)),
            KnownShapes.spot(
                1,
                siblingSpot,
                NingxiaCounty.byCode("640105"),
                KnownShapes.square(zone, 106.29, lat, 80)));
    ResponseEntity<JsonNode> batch =
        Uploads.post(
            TestUsers.admin(anonymous),
            "/api/batches",
            "walk.geojson",
            new GeoJsonWriter(Cgcs2000Crs.geographic()).write(spots.iterator()));
    assertThat(batch.getStatusCode().value()).isEqualTo(201);
    batchId = batch.getBody().path("batchId").asLong();
    extensionId = applyForExtension();
    awaitLifecycleAtRest();
    ownTask =
        jdbc.queryForObject(
            "SELECT t.key FROM engine.user_task t JOIN spot_progress p"
                + " ON p.process_instance_key = t.process_instance_key"
                + " JOIN spot s ON s.id = p.spot_id"
                + " WHERE s.monitoring_code = ? AND t.element_id = 'verify' AND t.state = 'CREATED'",
            Long.class,
            ownSpot);
  }

  private java.time.LocalDate dueOfOwnSpot() {
    return jdbc.queryForObject(
        "SELECT p.county_due FROM spot_progress p JOIN spot s ON s.id = p.spot_id"
            + " WHERE s.monitoring_code = ?",
        java.time.LocalDate.class,
        ownSpot);
  }

  /** The owning county's extension application for its spot, with its approval under way. */
  private long applyForExtension() {
    String boundary = "walk-extension-" + run;
    StringBuilder body = new StringBuilder();
    for (String[] field :
        List.of(
            new String[] {"spots", ownSpot},
            new String[] {"requestedDueDate", dueOfOwnSpot().plusDays(1).toString()},
            new String[] {"reason", "巡查"})) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(field[0])
          .append("\"\r\n\r\n")
          .append(field[1])
          .append("\r\n");
    }
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"application\"; filename=\"a.pdf\"\r\n")
        .append("Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\r\n--")
        .append(boundary)
        .append("--\r\n");
    try {
      HttpResponse<String> response =
          send(
              Actor.OWNER_COUNTY,
              HttpRequest.newBuilder(uri("/api/extensions"))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
              "application/json");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      return json.readTree(response.body()).path("id").asLong();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Imported spots start their spot-check instances in the background; the walk compares the
   * engine's record count before and after each request, so it begins once every instance waits at
   * its verification task and the engine writes nothing more.
   */
  private void awaitLifecycleAtRest() {
    String notWaiting =
        "SELECT count(*) FROM spot_progress WHERE state = 'ISSUED' OR started_at IS NULL";
    Awaitility.await("spot-check instances at rest")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              String records = jdbc.queryForObject(STATE, String.class);
              Thread.sleep(500);
              return jdbc.queryForObject(notWaiting, Long.class) == 0
                  && jdbc.queryForObject(
                          "SELECT count(*) FROM extension_application WHERE started_at IS NULL",
                          Long.class)
                      == 0
                  && records.equals(jdbc.queryForObject(STATE, String.class));
            });
  }

  @Test
  void everyEndpointHasAnExplicitAccessRule() {
    List<String> withoutRule = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      MockHttpServletRequest request =
          new MockHttpServletRequest(endpoint.walkMethod(), endpoint.samplePath());
      if (rules.ruleFor(request).isEmpty()) {
        withoutRule.add(endpoint.toString());
      }
    }
    assertThat(withoutRule).as("endpoints no feature declared an access rule for").isEmpty();
  }

  @Test
  void anEndpointWithoutARuleIsClosedToEveryone() throws Exception {
    for (Actor actor : Actor.values()) {
      HttpResponse<String> response =
          send(
              actor,
              HttpRequest.newBuilder(uri("/api/undeclared-" + run)).GET(),
              "application/json");
      assertThat(response.statusCode())
          .as(actor.name())
          .isEqualTo(actor == Actor.ANONYMOUS ? 401 : 403);
    }
  }

  @Test
  void everyEndpointAnswersEachActorAsItsRuleAndTheJurisdictionSay() throws Exception {
    Map<String, Walk> walks = walks();
    Set<String> unexpected = new TreeSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (Endpoint endpoint : endpoints()) {
      Walk walk =
          endpoint.pattern().startsWith("/v2/") ? engineWalk(endpoint) : walks.get(endpoint.key());
      if (walk == null) {
        unexpected.add(endpoint.key());
        continue;
      }
      for (Actor actor : Actor.values()) {
        walkOnce(softly, endpoint, walk, actor);
      }
    }
    assertThat(unexpected).as("endpoints this walk has no expectation for: add them").isEmpty();
    softly.assertAll();
  }

  @Test
  void aBatchAcrossCountiesShowsEachCountyOnlyItsOwnSpots() throws Exception {
    JsonNode sibling = readJson(Actor.SIBLING_COUNTY, "/api/batches/" + batchId);
    assertThat(sibling.path("spotCount").asInt()).isEqualTo(1);
    assertThat(sibling.path("spotsByRegion").has("640104")).isFalse();
    JsonNode siblingSpots = readJson(Actor.SIBLING_COUNTY, "/api/batches/" + batchId + "/spots");
    assertThat(siblingSpots.findValuesAsText("monitoringCode")).containsExactly(siblingSpot);

    assertThat(
            readJson(Actor.SIBLING_COUNTY, "/api/spots/outlines?batch=" + batchId)
                .findValuesAsText("monitoringCode"))
        .containsExactly(siblingSpot);
    assertThat(exported(Actor.SIBLING_COUNTY, "/api/spots/export?batch=" + batchId))
        .containsExactly(siblingSpot);
    assertThat(exported(Actor.SIBLING_COUNTY, "/api/spots/export?region=640104")).isEmpty();
    assertThat(exported(Actor.CITY, "/api/spots/export?batch=" + batchId))
        .containsExactlyInAnyOrder(ownSpot, siblingSpot);

    assertThat(exported(Actor.OWNER_COUNTY, "/api/extensions/export"))
        .contains(Long.toString(extensionId));
    assertThat(exported(Actor.SIBLING_COUNTY, "/api/extensions/export"))
        .doesNotContain(Long.toString(extensionId));

    JsonNode city = readJson(Actor.CITY, "/api/batches/" + batchId + "/spots");
    assertThat(city.findValuesAsText("monitoringCode")).containsExactly(ownSpot, siblingSpot);
    JsonNode listed = readJson(Actor.OWNER_COUNTY, "/api/batches?size=1000");
    JsonNode mine = null;
    for (JsonNode batch : listed) {
      if (batch.path("id").asLong() == batchId) {
        mine = batch;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.path("spotCount").asInt()).isEqualTo(1);
    JsonNode otherCity = readJson(Actor.OTHER_CITY_COUNTY, "/api/batches?size=1000");
    assertThat(otherCity.findValuesAsText("id")).doesNotContain(Long.toString(batchId));
  }

  @Test
  void aFilterValueThatDoesNotConvertIsABadRequestInBothLanguages() throws Exception {
    for (String path : List.of("/api/spots?state=NOPE", "/api/spots/export?overdue=maybe")) {
      HttpResponse<String> response = send(Actor.CITY, get(path), "application/json");
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(json.readTree(response.body()).path("detail").asText())
          .contains("参数的值无效", "invalid parameter values");
    }
    HttpResponse<String> state =
        send(Actor.PROVINCE, get("/api/processes/1/instances?state=NOPE"), "application/json");
    assertThat(state.statusCode()).isEqualTo(400);
    assertThat(json.readTree(state.body()).path("detail").asText())
        .contains("参数“state”的值无效", "invalid value for 'state'");
  }

  private void walkOnce(SoftAssertions softly, Endpoint endpoint, Walk walk, Actor actor)
      throws IOException, InterruptedException {
    int expected = walk.expected().get(actor);
    String before = jdbc.queryForObject(STATE, String.class);
    long audited = auditCount();
    HttpResponse<String> response = send(actor, walk.request().apply(this), walk.accept());
    String label = endpoint.key() + " as " + actor;
    softly.assertThat(response.statusCode()).as(label + ": " + response.body()).isEqualTo(expected);
    softly
        .assertThat(jdbc.queryForObject(STATE, String.class))
        .as(label + " changed state")
        .isEqualTo(before);
    boolean refusal =
        REFUSALS.contains(expected)
            || (!"GET".equals(endpoint.walkMethod()) && expected >= 400)
            || (walk.jurisdictional() && expected == 404);
    if (refusal) {
      softly.assertThat(auditCount()).as(label + " audited once").isEqualTo(audited + 1);
      Map<String, Object> record =
          jdbc.queryForMap("SELECT actor, outcome FROM audit_event ORDER BY id DESC LIMIT 1");
      // The engine's chain knows no users of the application: whoever calls it is a stranger there.
      boolean stranger = actor == Actor.ANONYMOUS || endpoint.pattern().startsWith("/v2/");
      softly
          .assertThat(record.get("actor"))
          .as(label + " audited actor")
          .isEqualTo(stranger ? "anonymous" : actor.username(run));
      softly.assertThat(record.get("outcome")).as(label + " outcome").isEqualTo("REFUSED");
    } else {
      softly.assertThat(auditCount()).as(label + " audited nothing").isEqualTo(audited);
    }
  }

  /** What each endpoint of the application is sent, and what each actor must get. */
  private Map<String, Walk> walks() {
    Map<String, Walk> walks = new LinkedHashMap<>();
    Actor[] uploaders = {Actor.ADMIN, Actor.PROVINCE};
    walks.put(
        "GET /engine/document-links/{token}",
        new Walk(
            t -> t.get("/engine/document-links/unknown"),
            "application/json",
            everyone(404),
            false));
    walks.put("GET /login", new Walk(t -> t.get("/login"), "text/html", everyone(200), false));
    walks.put("GET /", new Walk(t -> t.get("/"), "text/html", page(200), false));
    walks.put("* /error", new Walk(t -> t.get("/error"), "application/json", everyone(500), false));
    walks.put(
        "GET /actuator",
        new Walk(t -> t.get("/actuator"), "application/json", roles(200, Actor.ADMIN), false));
    walks.put(
        "GET /actuator/health",
        new Walk(t -> t.get("/actuator/health"), "application/json", everyone(200), false));
    walks.put(
        "GET /actuator/health/**",
        new Walk(t -> t.get("/actuator/health/db"), "application/json", componentHealth(), false));
    walks.put(
        "GET /actuator/info",
        new Walk(t -> t.get("/actuator/info"), "application/json", roles(200, Actor.ADMIN), false));
    walks.put(
        "GET /api/me", new Walk(t -> t.get("/api/me"), "application/json", signedIn(200), false));
    walks.put(
        "POST /api/me/password",
        new Walk(
            t ->
                t.json(
                    "POST",
                    "/api/me/password",
                    "{\"currentPassword\":\"wrong-password\",\"newPassword\":\"short\"}"),
            "application/json",
            signedIn(400),
            false));
    walks.put(
        "GET /api/tokens",
        new Walk(t -> t.get("/api/tokens"), "application/json", signedIn(200), false));
    walks.put(
        "POST /api/tokens",
        // The walk signs in with tokens, and a token never issues tokens.
        new Walk(
            t -> t.json("POST", "/api/tokens", "{\"name\":\"walk\",\"validDays\":0}"),
            "application/json",
            signedIn(403),
            false));
    walks.put(
        "DELETE /api/tokens/{id}",
        new Walk(
            t -> t.json("DELETE", "/api/tokens/999999999", ""),
            "application/json",
            signedIn(404),
            false));
    walks.put(
        "GET /api/users",
        new Walk(t -> t.get("/api/users"), "application/json", roles(200, Actor.ADMIN), false));
    walks.put(
        "GET /api/users/{username}",
        new Walk(
            t -> t.get("/api/users/" + Actor.OWNER_COUNTY.username(t.run)),
            "application/json",
            roles(200, Actor.ADMIN),
            false));
    walks.put(
        "POST /api/users",
        new Walk(
            t -> t.json("POST", "/api/users", "{\"username\":\"Not A Name\"}"),
            "application/json",
            roles(400, Actor.ADMIN),
            false));
    walks.put(
        "PATCH /api/users/{username}",
        new Walk(
            t -> t.json("PATCH", "/api/users/nobody-" + t.run, "{}"),
            "application/json",
            roles(404, Actor.ADMIN),
            false));
    for (String change : List.of("disable", "enable", "password")) {
      walks.put(
          "POST /api/users/{username}/" + change,
          new Walk(
              t -> t.json("POST", "/api/users/nobody-" + t.run + "/" + change, ""),
              "application/json",
              roles(404, Actor.ADMIN),
              false));
    }
    walks.put(
        "GET /api/audit",
        new Walk(
            t -> t.get("/api/audit?size=1"),
            "application/json",
            roles(200, Actor.ADMIN, Actor.PROVINCE),
            false));
    walks.put(
        "GET /api/regions",
        new Walk(t -> t.get("/api/regions"), "application/json", signedIn(200), false));
    walks.put(
        "GET /api/regions/{code}",
        new Walk(t -> t.get("/api/regions/640104"), "application/json", signedIn(200), false));
    walks.put(
        "GET /api/regions/{code}/units",
        new Walk(
            t -> t.get("/api/regions/640100/units"), "application/json", signedIn(200), false));
    walks.put(
        "GET /api/regions/{code}/contains/{other}",
        new Walk(
            t -> t.get("/api/regions/640100/contains/640104"),
            "application/json",
            signedIn(200),
            false));
    walks.put(
        "GET /api/layers",
        new Walk(t -> t.get("/api/layers"), "application/json", signedIn(200), false));
    walks.put(
        "POST /api/layers/{layerClass}",
        new Walk(
            t -> t.upload("/api/layers/BASIC_FARMLAND?year=2023"),
            "application/json",
            roles(422, uploaders),
            false));
    walks.put(
        "POST /api/batches",
        new Walk(
            t -> t.upload("/api/batches"), "application/json", roles(422, Actor.ADMIN), false));
    walks.put(
        "GET /api/batches",
        new Walk(t -> t.get("/api/batches"), "application/json", signedIn(200), false));
    walks.put(
        "GET /api/batches/{id}",
        new Walk(
            t -> t.get("/api/batches/" + t.batchId), "application/json", withinCity(200), true));
    walks.put(
        "GET /api/batches/{id}/spots",
        new Walk(
            t -> t.get("/api/batches/" + t.batchId + "/spots"),
            "application/json",
            withinCity(200),
            true));
    walks.put(
        "GET /api/batches/{id}/progress",
        new Walk(
            t -> t.get("/api/batches/" + t.batchId + "/progress"),
            "application/json",
            withinCity(200),
            true));
    walks.put(
        "GET /api/spots",
        new Walk(t -> t.get("/api/spots"), "application/json", signedIn(200), false));
    walks.put(
        "GET /api/spots/{monitoringCode}",
        new Walk(
            t -> t.get("/api/spots/" + t.ownSpot), "application/json", withinOwner(200), true));
    walks.put(
        "GET /api/spots/{monitoringCode}/spatial",
        new Walk(
            t -> t.get("/api/spots/" + t.ownSpot + "/spatial"),
            "application/json",
            withinOwner(200),
            true));
    walks.put(
        "GET /api/spots/{monitoringCode}/map",
        new Walk(
            t -> t.get("/api/spots/" + t.ownSpot + "/map"),
            "application/json",
            withinOwner(200),
            true));
    walks.put(
        "GET /api/map", new Walk(t -> t.get("/api/map"), "application/json", signedIn(200), false));
    // no basemap configured in tests: the tiles are missing for everyone signed in
    walks.put(
        "GET /api/map/tiles/{z}/{x}/{y}",
        new Walk(t -> t.get("/api/map/tiles/1/0/0"), "application/json", signedIn(404), false));
    walks.put(
        "POST /api/extensions",
        new Walk(
            t -> t.upload("/api/extensions"),
            "application/json",
            roles(400, Actor.OWNER_COUNTY, Actor.SIBLING_COUNTY, Actor.OTHER_CITY_COUNTY),
            false));
    walks.put(
        "GET /api/extensions",
        new Walk(t -> t.get("/api/extensions"), "application/json", signedIn(200), false));
    walks.put(
        "GET /api/extensions/{id}",
        new Walk(
            t -> t.get("/api/extensions/" + t.extensionId),
            "application/json",
            withinOwner(200),
            true));
    walks.put(
        "GET /api/extensions/{id}/application",
        new Walk(
            t -> t.get("/api/extensions/" + t.extensionId + "/application"),
            "*/*",
            withinOwner(200),
            true));
    walks.put(
        "GET /api/tasks",
        new Walk(t -> t.get("/api/tasks"), "application/json", signedIn(200), false));
    walks.put(
        "GET /api/processes",
        new Walk(
            t -> t.get("/api/processes"),
            "application/json",
            roles(200, Actor.PROVINCE, Actor.ADMIN),
            false));
    // keys the engine does not know: the province and the admin hear so from it, others are refused
    for (String view : List.of("/xml", "/statistics", "/instances")) {
      walks.put(
          "GET /api/processes/{key}" + view,
          new Walk(
              t -> t.get("/api/processes/" + NO_KEY + view),
              "*/*",
              roles(UNKNOWN_DEFINITION.get(view), Actor.PROVINCE, Actor.ADMIN),
              false));
    }
    walks.put(
        "GET /api/process-instances/{key}",
        new Walk(
            t -> t.get("/api/process-instances/" + NO_KEY),
            "application/json",
            roles(404, Actor.PROVINCE, Actor.ADMIN),
            false));
    walks.put(
        "GET /api/decision-instances/{id}",
        new Walk(
            t -> t.get("/api/decision-instances/" + NO_KEY + "-1"),
            "application/json",
            roles(404, Actor.PROVINCE, Actor.ADMIN),
            false));
    walks.put(
        "POST /api/incidents/{key}/resolution",
        new Walk(
            t -> t.json("POST", "/api/incidents/" + NO_KEY + "/resolution", ""),
            "application/json",
            roles(404, Actor.PROVINCE, Actor.ADMIN),
            false));
    walks.put(
        "POST /api/process-instances/{key}/modification",
        new Walk(
            t ->
                t.json(
                    "POST",
                    "/api/process-instances/" + NO_KEY + "/modification",
                    "{\"activate\":[\"verify\"]}"),
            "application/json",
            roles(404, Actor.PROVINCE, Actor.ADMIN),
            false));
    walks.put(
        "GET /api/spots/{monitoringCode}/decisions",
        new Walk(
            t -> t.get("/api/spots/" + t.ownSpot + "/decisions"),
            "application/json",
            withinOwner(200),
            true));
    // a document the spot does not name is refused even to those who see the spot
    walks.put(
        "GET /api/spots/{monitoringCode}/documents/{documentId}",
        new Walk(
            t -> t.get("/api/spots/" + t.ownSpot + "/documents/not-this-spots"),
            "*/*",
            signedIn(404),
            true));
    // nobody's import runs under this id: its progress and report are nobody's to see
    walks.put(
        "GET /api/imports/{id}",
        new Walk(
            t -> t.get("/api/imports/" + NO_IMPORT), "application/json", signedIn(404), false));
    walks.put(
        "GET /api/imports/{id}/report",
        new Walk(t -> t.get("/api/imports/" + NO_IMPORT + "/report"), "*/*", signedIn(404), false));
    walks.put(
        "GET /api/spots/outlines",
        new Walk(t -> t.get("/api/spots/outlines"), "application/json", signedIn(200), false));
    walks.put(
        "GET /api/extensions/export",
        new Walk(t -> t.get("/api/extensions/export"), "*/*", signedIn(200), false));
    walks.put(
        "GET /api/spots/export",
        new Walk(t -> t.get("/api/spots/export"), "*/*", signedIn(200), false));
    walks.put(
        "GET /api/tasks/export",
        new Walk(t -> t.get("/api/tasks/export"), "*/*", signedIn(200), false));
    walks.put(
        "GET /api/batches/{id}/progress/export",
        new Walk(
            t -> t.get("/api/batches/" + t.batchId + "/progress/export"),
            "*/*",
            withinCity(200),
            true));
    for (String view : List.of("", "/form", "/variables")) {
      walks.put(
          "GET /api/tasks/{key}" + view,
          new Walk(
              t -> t.get("/api/tasks/" + t.ownTask + view),
              "application/json",
              offeredToOwner(200),
              true));
    }
    walks.put(
        "POST /api/tasks/{key}/documents",
        new Walk(
            t -> t.upload("/api/tasks/999999999/documents"),
            "application/json",
            signedIn(404),
            false));
    walks.put(
        "POST /api/tasks/bulk-completion",
        new Walk(
            t -> t.json("POST", "/api/tasks/bulk-completion", "{}"),
            "application/json",
            signedIn(400),
            false));
    for (String action : List.of("claim", "unclaim", "completion")) {
      walks.put(
          "POST /api/tasks/{key}/" + action,
          new Walk(
              t -> t.json("POST", "/api/tasks/999999999/" + action, "{}"),
              "application/json",
              signedIn(404),
              false));
    }
    return walks;
  }

  /** The owning county's verify task: offered to its officers and its contractor, nobody else. */
  private static Map<Actor, Integer> offeredToOwner(int status) {
    Map<Actor, Integer> expected = signedIn(404);
    expected.put(Actor.OWNER_COUNTY, status);
    expected.put(Actor.CONTRACTOR, status);
    return expected;
  }

  /**
   * Every engine endpoint refuses every user of the application: it takes the engine's own
   * credentials.
   */
  private static Walk engineWalk(Endpoint endpoint) {
    return new Walk(
        t ->
            t.json(
                endpoint.walkMethod(),
                endpoint.samplePath(),
                "GET".equals(endpoint.walkMethod()) ? "" : "{}"),
        "application/json",
        everyone(401),
        false);
  }

  private static Map<Actor, Integer> everyone(int status) {
    Map<Actor, Integer> expected = new EnumMap<>(Actor.class);
    for (Actor actor : Actor.values()) {
      expected.put(actor, status);
    }
    return expected;
  }

  private static Map<Actor, Integer> signedIn(int status) {
    Map<Actor, Integer> expected = everyone(status);
    expected.put(Actor.ANONYMOUS, 401);
    return expected;
  }

  /** A page: strangers are sent to sign in. */
  private static Map<Actor, Integer> page(int status) {
    Map<Actor, Integer> expected = everyone(status);
    expected.put(Actor.ANONYMOUS, 302);
    return expected;
  }

  private static Map<Actor, Integer> roles(int status, Actor... allowed) {
    Map<Actor, Integer> expected = signedIn(403);
    for (Actor actor : allowed) {
      expected.put(actor, status);
    }
    return expected;
  }

  /** The owning county's spot: its county, contractor, city and the province see it. */
  private static Map<Actor, Integer> withinOwner(int status) {
    Map<Actor, Integer> expected = signedIn(status);
    for (Actor outside : List.of(Actor.SIBLING_COUNTY, Actor.OTHER_CITY_COUNTY, Actor.OTHER_CITY)) {
      expected.put(outside, 404);
    }
    return expected;
  }

  /** The batch spans two counties of one city: each of them sees it, other cities do not. */
  private static Map<Actor, Integer> withinCity(int status) {
    Map<Actor, Integer> expected = signedIn(status);
    expected.put(Actor.OTHER_CITY_COUNTY, 404);
    expected.put(Actor.OTHER_CITY, 404);
    return expected;
  }

  /** Health components are shown to admins only; others learn nothing of them. */
  private static Map<Actor, Integer> componentHealth() {
    Map<Actor, Integer> expected = everyone(404);
    expected.put(Actor.ADMIN, 200);
    return expected;
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private HttpRequest.Builder json(String method, String path, String body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .method(
            method,
            body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
  }

  /** A multipart upload of a file that is no spatial data at all. */
  private HttpRequest.Builder upload(String path) {
    String boundary = "walk" + run;
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"walk.zip\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\nnot a shapefile\r\n--"
            + boundary
            + "--\r\n";
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(Actor actor, HttpRequest.Builder request, String accept)
      throws IOException, InterruptedException {
    request.header("Accept", accept);
    if (bearer.containsKey(actor)) {
      request.header("Authorization", "Bearer " + bearer.get(actor));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The first column of an export's rows (codes, ids), read back with POI. */
  private List<String> exported(Actor actor, String path) throws IOException, InterruptedException {
    HttpRequest.Builder request = get(path).header("Authorization", "Bearer " + bearer.get(actor));
    HttpResponse<byte[]> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path + " as " + actor).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter text = new DataFormatter();
      List<String> firstColumn = new ArrayList<>();
      for (int r = 3; r <= sheet.getLastRowNum(); r++) {
        firstColumn.add(text.formatCellValue(sheet.getRow(r).getCell(0)));
      }
      return firstColumn;
    }
  }

  private JsonNode readJson(Actor actor, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send(actor, get(path), "application/json");
    assertThat(response.statusCode()).as(path + " as " + actor).isEqualTo(200);
    return json.readTree(response.body());
  }

  private long auditCount() {
    return jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private List<Endpoint> endpoints() {
    Set<Endpoint> endpoints = new java.util.TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping : handlerMappings) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (methods.isEmpty()) {
            endpoints.add(new Endpoint("*", pattern));
          }
          for (RequestMethod method : methods) {
            endpoints.add(new Endpoint(method.name(), pattern));
          }
        }
      }
    }
    assertThat(endpoints).as("request mappings found").hasSizeGreaterThan(50);
    return List.copyOf(endpoints);
  }

  /** One mapping: a method ({@code *} for any) and a path pattern. */
  record Endpoint(String method, String pattern) implements Comparable<Endpoint> {

    String key() {
      return method + " " + pattern;
    }

    String walkMethod() {
      return "*".equals(method) ? "GET" : method;
    }

    /** The pattern with each variable filled in, as a request could name it. */
    String samplePath() {
      return pattern
          .replaceAll("\\{\\*[^}]+}", "x/y")
          .replaceAll("\\{[^}]+}", "1")
          .replace("**", "x");
    }

    @Override
    public int compareTo(Endpoint other) {
      return key().compareTo(other.key());
    }

    @Override
    public String toString() {
      return key();
    }
  }

  /** What to send for an endpoint, and what each actor must get back. */
  record Walk(
      Function<JurisdictionWalkTest, HttpRequest.Builder> request,
      String accept,
      Map<Actor, Integer> expected,
      boolean jurisdictional) {}
}
