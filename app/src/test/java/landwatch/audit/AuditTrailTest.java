package landwatch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import landwatch.app.TestUsers;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spatial.Uploads;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import landwatch.user.Accounts;
import landwatch.user.Caller;
import landwatch.user.Role;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail: append-only in PostgreSQL for the application's own database user, searchable by
 * admins and province managers only, and one record per state-changing request, whether it was done
 * or refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailTest {

  private static final Cgcs2000Crs ZONE_35 = Cgcs2000Crs.gaussKruger(105, true);
  private static final String SNAPSHOT =
      "SELECT id, occurred_at, actor, actor_unit, actor_roles::text, action, object_type, object_id,"
          + " before_state::text, after_state::text, outcome, reason, http_status"
          + " FROM audit_event WHERE id <= ? ORDER BY id";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate anonymous;

  Caller admin;

  @BeforeEach
  void admin() {
    admin = Accounts.admin(port);
  }

  // ---------------------------------------------------------------- append-only

  @Test
  void theApplicationsDatabaseUserCannotRewriteTheTrail() throws Exception {
    Accounts.create(port, "witness", "640104", Role.COUNTY_OFFICER);
    long mark = AuditRecords.mark(jdbc);
    List<Map<String, Object>> before = jdbc.queryForList(SNAPSHOT, mark);
    assertThat(before).isNotEmpty();

    refusedByTheDatabase(
        () -> jdbc.update("UPDATE audit_event SET reason = 'forged' WHERE id = ?", mark));
    refusedByTheDatabase(() -> jdbc.update("UPDATE audit_event SET actor = 'nobody'"));
    refusedByTheDatabase(() -> jdbc.update("DELETE FROM audit_event WHERE id = ?", mark));
    refusedByTheDatabase(() -> jdbc.update("DELETE FROM audit_event"));
    refusedByTheDatabase(() -> jdbc.execute("TRUNCATE audit_event"));
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_event"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("audit_event is append-only: DELETE refused");
    }

    assertThat(jdbc.queryForList(SNAPSHOT, mark)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- search

  @Test
  void adminsAndProvinceManagersSearchTheTrailWithFiltersAndPaging() {
    String manager = Accounts.create(port, "auditor", "640000", Role.PROVINCE_MANAGER);
    Caller asManager = Accounts.as(port, manager);
    List<Long> tokens = new ArrayList<>();
    for (String name : List.of("one", "two", "three")) {
      tokens.add(
          asManager.post("/api/tokens", Map.of("name", name)).json().at("/token/id").asLong());
    }
    assertThat(asManager.delete("/api/tokens/" + tokens.get(0)).status()).isEqualTo(200);
    assertThat(
            asManager
                .post(
                    "/api/users",
                    Accounts.newUser(Accounts.unique("x"), "640000", null, Role.ADMIN))
                .status())
        .isEqualTo(403);

    for (Caller reader : List.of(admin, asManager)) {
      JsonNode all = AuditRecords.search(reader, "actor", manager);
      assertThat(all.path("total").asLong()).isEqualTo(5);
      List<String> actions = new ArrayList<>();
      all.path("items").forEach(item -> actions.add(item.path("action").asText()));
      assertThat(actions)
          .containsExactly(
              "POST /api/users",
              "api-token.revoke",
              "api-token.issue",
              "api-token.issue",
              "api-token.issue");
      assertThat(all.path("items"))
          .allSatisfy(
              item -> {
                assertThat(item.path("actorUnit").asText()).isEqualTo("640000");
                assertThat(item.path("actorRoles").toString()).isEqualTo("[\"PROVINCE_MANAGER\"]");
              });
    }

    assertThat(total("actor", manager, "action", "api-token.issue")).isEqualTo(3);
    JsonNode token =
        AuditRecords.search(
            admin, "objectType", "api-token", "objectId", String.valueOf(tokens.get(0)));
    assertThat(token.path("total").asLong()).isEqualTo(2);
    assertThat(token.at("/items/0/action").asText()).isEqualTo("api-token.revoke");
    assertThat(token.at("/items/0/after/revoked").asBoolean()).isTrue();
    assertThat(token.at("/items/1/action").asText()).isEqualTo("api-token.issue");
    JsonNode refused = AuditRecords.search(admin, "actor", manager, "outcome", "REFUSED");
    assertThat(refused.path("total").asLong()).isEqualTo(1);
    assertThat(refused.at("/items/0/reason").asText()).contains("无权执行此操作");
    assertThat(total("actor", manager, "outcome", "DONE")).isEqualTo(4);
    assertThat(total("actor", manager, "unit", "640000")).isEqualTo(5);
    assertThat(total("actor", manager, "unit", "640100")).isZero();

    JsonNode items = AuditRecords.search(admin, "actor", manager).path("items");
    String second = items.get(3).path("occurredAt").asText();
    String fourth = items.get(1).path("occurredAt").asText();
    JsonNode window = AuditRecords.search(admin, "actor", manager, "from", second, "to", fourth);
    assertThat(window.path("total").asLong()).as("from inclusive, to exclusive").isEqualTo(2);
    assertThat(window.at("/items/0/id").asLong()).isEqualTo(items.get(2).path("id").asLong());
    assertThat(window.at("/items/1/id").asLong()).isEqualTo(items.get(3).path("id").asLong());
    assertThat(total("actor", manager, "from", fourth)).isEqualTo(2);
    assertThat(total("actor", manager, "to", second)).isEqualTo(1);

    List<Long> paged = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      JsonNode result =
          AuditRecords.search(admin, "actor", manager, "size", "2", "page", String.valueOf(page));
      assertThat(result.path("page").asInt()).isEqualTo(page);
      assertThat(result.path("size").asInt()).isEqualTo(2);
      assertThat(result.path("total").asLong()).isEqualTo(5);
      assertThat(result.path("items")).hasSize(page < 2 ? 2 : 1);
      result.path("items").forEach(item -> paged.add(item.path("id").asLong()));
    }
    List<Long> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.path("id").asLong()));
    assertThat(paged).isEqualTo(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(admin.get("/api/audit?size=0").status()).isEqualTo(400);
    assertThat(admin.get("/api/audit?size=501").status()).isEqualTo(400);
    assertThat(admin.get("/api/audit?outcome=MAYBE").status()).isEqualTo(400);
    assertThat(admin.get("/api/audit?from=yesterday").status()).isEqualTo(400);
  }

  @Test
  void nobodyElseReadsTheTrailAndTheirRefusalIsItselfAudited() {
    Map<String, Role> readers = new LinkedHashMap<>();
    readers.put(Accounts.create(port, "nosy", "640104", Role.COUNTY_OFFICER), Role.COUNTY_OFFICER);
    readers.put(Accounts.create(port, "nosy", "640104", Role.CONTRACTOR), Role.CONTRACTOR);
    readers.put(Accounts.create(port, "nosy", "640100", Role.CITY_REVIEWER), Role.CITY_REVIEWER);

    for (Map.Entry<String, Role> reader : readers.entrySet()) {
      Caller.Reply refused = Accounts.as(port, reader.getKey()).get("/api/audit");

      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.detail()).contains("无权执行此操作", "your role does not allow this");
      assertThat(refused.body()).doesNotContain("\"items\"");
      JsonNode record = AuditRecords.search(admin, "actor", reader.getKey());
      assertThat(record.path("total").asLong()).isEqualTo(1);
      assertThat(record.at("/items/0/action").asText()).isEqualTo("GET /api/audit");
      assertThat(record.at("/items/0/outcome").asText()).isEqualTo("REFUSED");
      assertThat(record.at("/items/0/reason").asText()).contains("无权执行此操作");
      assertThat(record.at("/items/0/actorRoles").toString())
          .isEqualTo("[\"" + reader.getValue().name() + "\"]");
    }
    Caller.Reply stranger = Caller.anonymous(port).get("/api/audit");
    assertThat(stranger.status()).isEqualTo(401);
  }

  // ---------------------------------------------------------------- batch uploads

  @Test
  void anAcceptedBatchLeavesExactlyOneImportRecord() {
    String code = "AUDIT" + System.nanoTime();
    long mark = AuditRecords.mark(jdbc);

    ResponseEntity<JsonNode> upload =
        Uploads.post(
            TestUsers.admin(anonymous), "/api/batches", "audited.geojson", batch(spot(0, code)));

    assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long batchId = upload.getBody().path("batchId").asLong();
    List<JsonNode> records = AuditRecords.since(admin, mark);
    assertThat(records).hasSize(1);
    JsonNode record = records.get(0);
    assertThat(record.path("action").asText()).isEqualTo("batch.import");
    assertThat(record.path("outcome").asText()).isEqualTo("DONE");
    assertThat(record.path("objectType").asText()).isEqualTo("batch");
    assertThat(record.path("objectId").asText()).isEqualTo(String.valueOf(batchId));
    assertThat(record.path("actor").asText()).isEqualTo(TestUsers.ADMIN);
    assertThat(record.path("actorUnit").asText()).isEqualTo("640000");
    assertThat(record.path("actorRoles").toString()).isEqualTo("[\"ADMIN\"]");
    assertThat(record.at("/after/fileName").asText()).isEqualTo("audited.geojson");
    assertThat(record.at("/after/spotCount").asInt()).isEqualTo(1);
    assertThat(record.path("path").asText()).isEqualTo("/api/batches");
    assertThat(record.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void aRejectedBatchLeavesExactlyOneRefusalWithTheProblemsDetail() {
    String code = "AUDITBAD" + System.nanoTime();
    Map<String, Object> beijing = new LinkedHashMap<>(spot(1, code + "-BJ").attributes());
    beijing.put("XZQDM", "110101");
    Feature outside = new Feature(1, spot(1, code + "-BJ").geometry(), beijing);
    long batches = count("batch");
    long spots = count("spot");
    long mark = AuditRecords.mark(jdbc);

    ResponseEntity<JsonNode> upload =
        Uploads.post(
            TestUsers.admin(anonymous),
            "/api/batches",
            "rejected.geojson",
            batch(spot(0, code), outside));

    assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    String detail = upload.getBody().path("detail").asText();
    assertThat(detail).contains("批次未导入", "batch not imported");
    List<JsonNode> records = AuditRecords.since(admin, mark);
    assertThat(records).hasSize(1);
    JsonNode record = records.get(0);
    assertThat(record.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(record.path("action").asText()).isEqualTo("POST /api/batches");
    assertThat(record.path("reason").asText()).isEqualTo(detail);
    assertThat(record.path("status").asInt()).isEqualTo(422);
    assertThat(record.path("actor").asText()).isEqualTo(TestUsers.ADMIN);
    assertThat(count("batch")).as("no batch row").isEqualTo(batches);
    assertThat(count("spot")).isEqualTo(spots);
  }

  @Test
  void aBatchUploadByANonAdminIsRefusedOnceAndStoresNothing() {
    String officer = Accounts.create(port, "uploader", "640104", Role.COUNTY_OFFICER);
    long batches = count("batch");
    long mark = AuditRecords.mark(jdbc);

    ResponseEntity<JsonNode> upload =
        Uploads.post(
            anonymous.withBasicAuth(officer, Accounts.PASSWORD),
            "/api/batches",
            "mine.geojson",
            batch(spot(0, "AUDITOFFICER" + System.nanoTime())));

    assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    List<JsonNode> records = AuditRecords.since(admin, mark);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(records.get(0).path("actor").asText()).isEqualTo(officer);
    assertThat(records.get(0).path("action").asText()).isEqualTo("POST /api/batches");
    assertThat(count("batch")).isEqualTo(batches);
  }

  // ---------------------------------------------------------------- helpers

  private static void refusedByTheDatabase(ThrowingCallable statement) {
    assertThatThrownBy(statement)
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("audit_event is append-only");
  }

  private long total(String... filters) {
    return AuditRecords.search(admin, filters).path("total").asLong();
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  private static Feature spot(int index, String code) {
    double lon = 106.40 + index * 0.01;
    return KnownShapes.spot(
        index, code, NingxiaCounty.XINGQING, KnownShapes.square(ZONE_35, lon, 38.47, 80));
  }

  private static byte[] batch(Feature... spots) {
    return new GeoJsonWriter(Cgcs2000Crs.geographic()).write(List.of(spots).iterator());
  }
}
