package landwatch.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.app.TestUsers;
import landwatch.audit.AuditRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Admins manage users over {@code /api/users}: what they may create and change, that a change holds
 * on the user's very next request, and that each change leaves exactly one audit record naming the
 * admin, with no password in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserAdministrationTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityProperties security;

  Caller admin;

  @BeforeEach
  void admin() {
    admin = Accounts.admin(port);
  }

  // ---------------------------------------------------------------- create

  @Test
  void aCreatedUserGetsAGeneratedPasswordOnceAndSignsInWithIt() {
    String username = Accounts.unique("created");
    long mark = AuditRecords.mark(jdbc);

    Caller.Reply created =
        admin.post("/api/users", Accounts.newUser(username, "640104", null, Role.COUNTY_OFFICER));

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String password = created.json().path("password").asText();
    assertThat(password).hasSizeGreaterThanOrEqualTo(security.minPasswordLength());
    JsonNode user = created.json().path("user");
    assertThat(user.path("username").asText()).isEqualTo(username);
    assertThat(user.path("unitCode").asText()).isEqualTo("640104");
    assertThat(user.path("roles").toString()).isEqualTo("[\"COUNTY_OFFICER\"]");
    assertThat(user.path("enabled").asBoolean()).isTrue();
    Caller.Reply shown = admin.get("/api/users/" + username);
    assertThat(shown.json().path("username").asText()).isEqualTo(username);
    assertNoSecret(shown.body(), password);
    JsonNode me = Caller.basic(port, username, password).get("/api/me").json();
    assertThat(me.path("unitCode").asText()).isEqualTo("640104");
    assertThat(me.path("groups").toString()).isEqualTo("[\"county:640104:officer\"]");

    JsonNode record = onlyRecord(mark);
    assertByAdmin(record, "user.create", username);
    assertThat(record.path("before").isNull()).isTrue();
    assertThat(record.at("/after/username").asText()).isEqualTo(username);
    assertThat(record.at("/after/unitCode").asText()).isEqualTo("640104");
    assertNoSecret(record.toString(), password);
  }

  @Test
  void aUserCreatedWithAChosenPasswordSignsInWithIt() {
    String username = Accounts.unique("chosen");
    String password = "Chosen-password-7";

    Caller.Reply created =
        admin.post(
            "/api/users", Accounts.newUser(username, "640400", password, Role.CITY_REVIEWER));

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.json().path("password").isNull()).isTrue();
    assertThat(
            Caller.basic(port, username, password).get("/api/me").json().path("groups").toString())
        .isEqualTo("[\"city:640400:reviewer\"]");
    assertNoSecret(AuditRecords.search(admin, "objectId", username).toString(), password);
  }

  @Test
  void invalidUsersAreRefusedInChineseAndEnglish() {
    assertRefused(
        Accounts.newUser("Bad Name", "640104", null, Role.COUNTY_OFFICER),
        400,
        "用户名须为",
        "a username is");
    assertRefused(
        Accounts.newUser("-" + Accounts.unique("lead"), "640104", null, Role.COUNTY_OFFICER),
        400,
        "用户名须为",
        "a username is");
    assertRefused(
        Accounts.newUser(Accounts.unique("nounit"), "999999", null, Role.COUNTY_OFFICER),
        400,
        "单位代码无效：999999",
        "unknown unit: 999999");
    assertRefused(
        Accounts.newUser(Accounts.unique("cityofficer"), "640100", null, Role.COUNTY_OFFICER),
        400,
        "角色“县级执法人员”不适用于单位 银川市（640100）",
        "role COUNTY_OFFICER does not fit unit 640100");
    assertRefused(
        Accounts.newUser(Accounts.unique("countyreviewer"), "640104", null, Role.CITY_REVIEWER),
        400,
        "不适用于单位 兴庆区（640104）",
        "role CITY_REVIEWER does not fit unit 640104");
    assertRefused(
        Accounts.newUser(Accounts.unique("citymanager"), "640100", null, Role.PROVINCE_MANAGER),
        400,
        "不适用于单位",
        "role PROVINCE_MANAGER does not fit unit 640100");
    assertRefused(
        Accounts.newUser(Accounts.unique("countyadmin"), "640104", null, Role.ADMIN),
        400,
        "不适用于单位",
        "role ADMIN does not fit unit 640104");
    assertRefused(
        Accounts.newUser(Accounts.unique("noroles"), "640104", null),
        400,
        "至少需要一个角色",
        "at least one role");
    assertRefused(
        Accounts.newUser(Accounts.unique("short"), "640104", "short-1", Role.COUNTY_OFFICER),
        400,
        "密码至少需要 " + security.minPasswordLength() + " 个字符",
        "at least " + security.minPasswordLength() + " characters");
    String same = Accounts.unique("samepassword");
    assertRefused(
        Accounts.newUser(same, "640104", same, Role.COUNTY_OFFICER),
        400,
        "密码不能与用户名相同",
        "may not be the username");
    Map<String, Object> unknownRole =
        new LinkedHashMap<>(
            Accounts.newUser(Accounts.unique("superuser"), "640000", null, Role.ADMIN));
    unknownRole.put("roles", List.of("SUPERUSER"));
    assertRefused(unknownRole, 400, "请求内容无法解析", "not readable");
  }

  @Test
  void ningdongHoldsTheCountyRolesAndTheCitysAtOnce() {
    String username = Accounts.unique("ningdong");

    Caller.Reply created =
        admin.post(
            "/api/users",
            Accounts.newUser(
                username, "649900", Accounts.PASSWORD, Role.COUNTY_OFFICER, Role.CITY_REVIEWER));

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    JsonNode me = Accounts.as(port, username).get("/api/me").json();
    assertThat(me.path("unitName").asText()).isEqualTo("宁东能源化工基地");
    assertThat(me.path("roles").toString()).isEqualTo("[\"COUNTY_OFFICER\",\"CITY_REVIEWER\"]");
    assertThat(me.path("groups").toString())
        .isEqualTo("[\"county:649900:officer\",\"city:649900:reviewer\"]");
  }

  @Test
  void aSecondUserOfTheSameNameIsAConflict() {
    String username = Accounts.create(port, "twice", "640104", Role.COUNTY_OFFICER);

    assertRefused(
        Accounts.newUser(username, "640105", "Another-password-1", Role.COUNTY_OFFICER),
        409,
        "用户 " + username + " 已存在",
        "user " + username + " exists");

    assertThat(admin.get("/api/users/" + username).json().path("unitCode").asText())
        .isEqualTo("640104");
    assertThat(Accounts.as(port, username).get("/api/me").status()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- change

  @Test
  void aNewUnitAndRolesHoldOnTheUsersNextRequest() {
    String username = Accounts.create(port, "moved", "640104", Role.COUNTY_OFFICER);
    Caller session = Accounts.signIn(port, username);
    Caller basic = Accounts.as(port, username);
    assertThat(session.get("/api/me").json().path("unitCode").asText()).isEqualTo("640104");
    long mark = AuditRecords.mark(jdbc);

    Caller.Reply changed =
        admin.patch(
            "/api/users/" + username,
            Map.of("unitCode", "640100", "roles", List.of("CITY_REVIEWER")));

    assertThat(changed.status()).as("%s", changed).isEqualTo(200);
    for (Caller caller : List.of(session, basic)) {
      JsonNode me = caller.get("/api/me").json();
      assertThat(me.path("unitCode").asText()).isEqualTo("640100");
      assertThat(me.path("unitName").asText()).isEqualTo("银川市");
      assertThat(me.path("roles").toString()).isEqualTo("[\"CITY_REVIEWER\"]");
      assertThat(me.path("groups").toString()).isEqualTo("[\"city:640100:reviewer\"]");
    }
    JsonNode record = onlyRecord(mark);
    assertByAdmin(record, "user.update", username);
    assertThat(record.at("/before/unitCode").asText()).isEqualTo("640104");
    assertThat(record.at("/before/roles").toString()).isEqualTo("[\"COUNTY_OFFICER\"]");
    assertThat(record.at("/after/unitCode").asText()).isEqualTo("640100");
    assertThat(record.at("/after/roles").toString()).isEqualTo("[\"CITY_REVIEWER\"]");
  }

  @Test
  void aGrantedRoleOpensItsEndpointsToTheOpenSession() {
    String username = Accounts.create(port, "promoted", "640000", Role.PROVINCE_MANAGER);
    Caller session = Accounts.signIn(port, username);
    assertThat(session.get("/api/users").status()).isEqualTo(403);

    assertThat(
            admin
                .patch(
                    "/api/users/" + username, Map.of("roles", List.of("PROVINCE_MANAGER", "ADMIN")))
                .status())
        .isEqualTo(200);
    assertThat(session.get("/api/users").status()).isEqualTo(200);

    assertThat(
            admin
                .patch("/api/users/" + username, Map.of("roles", List.of("PROVINCE_MANAGER")))
                .status())
        .isEqualTo(200);
    assertThat(session.get("/api/users").status()).isEqualTo(403);
    assertThat(session.get("/api/audit").status()).isEqualTo(200);
  }

  @Test
  void aChangeThatDoesNotFitIsRefusedAndChangesNothing() {
    String username = Accounts.create(port, "misfit", "640104", Role.COUNTY_OFFICER);
    long mark = AuditRecords.mark(jdbc);

    Caller.Reply refused = admin.patch("/api/users/" + username, Map.of("unitCode", "640100"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.detail()).contains("不适用于单位 银川市（640100）", "does not fit unit 640100");
    assertThat(admin.get("/api/users/" + username).json().path("unitCode").asText())
        .isEqualTo("640104");
    JsonNode record = onlyRecord(mark);
    assertThat(record.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(record.path("action").asText()).isEqualTo("PATCH /api/users/{username}");
    assertThat(record.path("reason").asText()).isEqualTo(refused.detail());
    assertThat(record.path("actor").asText()).isEqualTo(TestUsers.ADMIN);
    assertThat(admin.patch("/api/users/nobody-" + username, Map.of("displayName", "x")).status())
        .isEqualTo(404);
  }

  @Test
  void disablingAndEnablingAreAuditedWithBeforeAndAfter() {
    String username = Accounts.create(port, "onoff", "640104", Role.COUNTY_OFFICER);
    long mark = AuditRecords.mark(jdbc);

    assertThat(admin.post("/api/users/" + username + "/disable", null).status()).isEqualTo(200);

    JsonNode disabled = onlyRecord(mark);
    assertByAdmin(disabled, "user.disable", username);
    assertThat(disabled.at("/before/enabled").asBoolean()).isTrue();
    assertThat(disabled.at("/after/enabled").asBoolean()).isFalse();
    assertThat(Accounts.as(port, username).get("/api/me").status()).isEqualTo(401);

    mark = AuditRecords.mark(jdbc);
    assertThat(admin.post("/api/users/" + username + "/enable", null).status()).isEqualTo(200);

    JsonNode enabled = onlyRecord(mark);
    assertByAdmin(enabled, "user.enable", username);
    assertThat(enabled.at("/before/enabled").asBoolean()).isFalse();
    assertThat(enabled.at("/after/enabled").asBoolean()).isTrue();
    assertThat(Accounts.as(port, username).get("/api/me").status()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- passwords

  @Test
  void aResetPasswordReplacesTheOldOne() {
    String username = Accounts.create(port, "reset", "640104", Role.COUNTY_OFFICER);
    long mark = AuditRecords.mark(jdbc);

    Caller.Reply reset = admin.post("/api/users/" + username + "/password", null);

    assertThat(reset.status()).as("%s", reset).isEqualTo(200);
    String generated = reset.json().path("password").asText();
    assertThat(generated).hasSizeGreaterThanOrEqualTo(security.minPasswordLength());
    JsonNode record = onlyRecord(mark);
    assertByAdmin(record, "user.password-reset", username);
    assertThat(record.path("after").toString())
        .isEqualTo("{\"tokensRevoked\":0,\"passwordChanged\":true}");
    assertNoSecret(record.toString(), generated);
    assertThat(Accounts.as(port, username).get("/api/me").status()).isEqualTo(401);
    assertThat(Caller.basic(port, username, generated).get("/api/me").status()).isEqualTo(200);

    String chosen = "Chosen-again-99";
    Caller.Reply again =
        admin.post("/api/users/" + username + "/password", Map.of("password", chosen));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("password").isNull()).isTrue();
    assertThat(Caller.basic(port, username, generated).get("/api/me").status()).isEqualTo(401);
    assertThat(Caller.basic(port, username, chosen).get("/api/me").status()).isEqualTo(200);
    Caller.Reply tooShort =
        admin.post("/api/users/" + username + "/password", Map.of("password", "short"));
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(Caller.basic(port, username, chosen).get("/api/me").status()).isEqualTo(200);
    assertNoSecret(AuditRecords.search(admin, "objectId", username).toString(), chosen);
  }

  @Test
  void theLastEnabledAdminCanNeitherBeDisabledNorLoseTheRole() {
    String second = Accounts.create(port, "admin2", "640000", Role.ADMIN);
    assertThat(admin.post("/api/users/" + second + "/disable", null).status())
        .as("not the last one")
        .isEqualTo(200);
    List<String> others = otherEnabledAdmins();
    try {
      for (String other : others) {
        assertThat(admin.post("/api/users/" + other + "/disable", null).status()).isEqualTo(200);
      }
      long mark = AuditRecords.mark(jdbc);

      Caller.Reply disable = admin.post("/api/users/" + TestUsers.ADMIN + "/disable", null);
      Caller.Reply demote =
          admin.patch(
              "/api/users/" + TestUsers.ADMIN, Map.of("roles", List.of("PROVINCE_MANAGER")));

      for (Caller.Reply refused : List.of(disable, demote)) {
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.detail()).contains("最后一位可用的系统管理员", "the last enabled admin");
      }
      JsonNode account = admin.get("/api/users/" + TestUsers.ADMIN).json();
      assertThat(account.path("enabled").asBoolean()).isTrue();
      assertThat(account.path("roles").toString()).contains("ADMIN");
      List<JsonNode> records = AuditRecords.since(admin, mark);
      assertThat(records).hasSize(2);
      assertThat(records)
          .allSatisfy(r -> assertThat(r.path("outcome").asText()).isEqualTo("REFUSED"));
    } finally {
      for (String other : others) {
        admin.post("/api/users/" + other + "/enable", null);
      }
    }
  }

  // ---------------------------------------------------------------- who may

  @Test
  void nobodyButAdminsManagesUsers() {
    String target = Accounts.create(port, "target", "640104", Role.COUNTY_OFFICER);
    JsonNode before = admin.get("/api/users/" + target).json();
    List<String> callers =
        List.of(
            Accounts.create(port, "nonadmin", "640000", Role.PROVINCE_MANAGER),
            Accounts.create(port, "nonadmin", "640100", Role.CITY_REVIEWER),
            Accounts.create(port, "nonadmin", "640104", Role.COUNTY_OFFICER),
            Accounts.create(port, "nonadmin", "640104", Role.CONTRACTOR));

    for (String username : callers) {
      Caller caller = Accounts.as(port, username);
      long mark = AuditRecords.mark(jdbc);
      List<Caller.Reply> refusals =
          List.of(
              caller.get("/api/users"),
              caller.get("/api/users/" + target),
              caller.post(
                  "/api/users",
                  Accounts.newUser(Accounts.unique("sneaky"), "640000", null, Role.ADMIN)),
              caller.patch("/api/users/" + target, Map.of("roles", List.of("CONTRACTOR"))),
              caller.patch("/api/users/" + username, Map.of("roles", List.of("ADMIN"))),
              caller.post("/api/users/" + target + "/disable", null),
              caller.post("/api/users/" + target + "/enable", null),
              caller.post(
                  "/api/users/" + target + "/password", Map.of("password", "Taken-over-1")));

      for (Caller.Reply refusal : refusals) {
        assertThat(refusal.status()).as("%s: %s", username, refusal).isEqualTo(403);
        assertThat(refusal.detail()).contains("无权执行此操作", "your role does not allow this");
      }
      List<JsonNode> records = AuditRecords.since(admin, mark);
      assertThat(records).as("one record per refusal").hasSize(refusals.size());
      assertThat(records)
          .allSatisfy(
              r -> {
                assertThat(r.path("actor").asText()).isEqualTo(username);
                assertThat(r.path("outcome").asText()).isEqualTo("REFUSED");
              });
    }
    JsonNode after = admin.get("/api/users/" + target).json();
    assertThat(after).isEqualTo(before);
    assertThat(Accounts.as(port, target).get("/api/me").status()).isEqualTo(200);
    assertThat(admin.get("/api/users?role=ADMIN&size=500").body()).doesNotContain("sneaky");
  }

  // ---------------------------------------------------------------- search

  @Test
  void theListFiltersByUnitRoleAndEnabled() {
    String officer = Accounts.create(port, "listofficer", "640105", Role.COUNTY_OFFICER);
    String contractor = Accounts.create(port, "listcontractor", "640105", Role.CONTRACTOR);
    String disabled = Accounts.create(port, "listdisabled", "640105", Role.COUNTY_OFFICER);
    String elsewhere = Accounts.create(port, "listelsewhere", "640106", Role.COUNTY_OFFICER);
    admin.post("/api/users/" + disabled + "/disable", null);

    JsonNode unit = list("unit=640105");
    assertThat(names(unit)).contains(officer, contractor, disabled).doesNotContain(elsewhere);
    assertThat(unit).allSatisfy(u -> assertThat(u.path("unitCode").asText()).isEqualTo("640105"));

    JsonNode contractors = list("unit=640105&role=CONTRACTOR");
    assertThat(names(contractors)).contains(contractor).doesNotContain(officer, disabled);
    assertThat(contractors)
        .allSatisfy(u -> assertThat(u.path("roles").toString()).contains("CONTRACTOR"));

    JsonNode off = list("unit=640105&enabled=false");
    assertThat(names(off)).contains(disabled).doesNotContain(officer, contractor);
    assertThat(off).allSatisfy(u -> assertThat(u.path("enabled").asBoolean()).isFalse());

    JsonNode on = list("role=COUNTY_OFFICER&enabled=true");
    assertThat(names(on)).contains(officer, elsewhere).doesNotContain(disabled, contractor);

    assertThat(names(list("role=ADMIN"))).contains(TestUsers.ADMIN);
    assertThat(list("unit=640105")).allSatisfy(u -> assertThat(u.has("passwordHash")).isFalse());
    assertThat(admin.get("/api/users?role=SUPERUSER").status()).isEqualTo(400);
    assertThat(admin.get("/api/users?size=0").status()).isEqualTo(400);
  }

  // ---------------------------------------------------------------- helpers

  private void assertRefused(Map<String, Object> user, int status, String chinese, String english) {
    long mark = AuditRecords.mark(jdbc);

    Caller.Reply refused = admin.post("/api/users", user);

    assertThat(refused.status()).as("%s: %s", user, refused).isEqualTo(status);
    assertThat(refused.detail()).as("%s", user).contains(chinese, english);
    JsonNode record = onlyRecord(mark);
    assertThat(record.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(record.path("action").asText()).isEqualTo("POST /api/users");
    assertThat(record.path("reason").asText()).isEqualTo(refused.detail());
    assertThat(record.path("actor").asText()).isEqualTo(TestUsers.ADMIN);
    if (status == 400) {
      assertThat(admin.get("/api/users/" + pathSegment(user.get("username"))).status())
          .as("%s not created", user.get("username"))
          .isNotEqualTo(200);
    }
    Object password = user.get("password");
    if (password != null) {
      assertNoSecret(record.toString(), password.toString());
    }
  }

  private static String pathSegment(Object value) {
    return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The one record appended since the mark. */
  private JsonNode onlyRecord(long mark) {
    List<JsonNode> records = AuditRecords.since(admin, mark);
    assertThat(records).as("records since %d", mark).hasSize(1);
    return records.get(0);
  }

  private static void assertByAdmin(JsonNode record, String action, String username) {
    assertThat(record.path("action").asText()).isEqualTo(action);
    assertThat(record.path("outcome").asText()).isEqualTo("DONE");
    assertThat(record.path("objectType").asText()).isEqualTo("user");
    assertThat(record.path("objectId").asText()).isEqualTo(username);
    assertThat(record.path("actor").asText()).isEqualTo(TestUsers.ADMIN);
    assertThat(record.path("actorUnit").asText()).isEqualTo("640000");
    assertThat(record.path("actorRoles").toString()).isEqualTo("[\"ADMIN\"]");
    assertThat(record.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
  }

  /** Neither the password nor any BCrypt hash, nor a field that would hold one. */
  private static void assertNoSecret(String json, String password) {
    assertThat(json)
        .doesNotContain(password)
        .doesNotContain("$2a$", "$2b$", "$2y$")
        .doesNotContainIgnoringCase("passwordHash")
        .doesNotContainIgnoringCase("password_hash");
  }

  private List<String> otherEnabledAdmins() {
    List<String> names = new ArrayList<>();
    for (JsonNode user : list("role=ADMIN&enabled=true")) {
      if (!user.path("username").asText().equals(TestUsers.ADMIN)) {
        names.add(user.path("username").asText());
      }
    }
    return names;
  }

  private JsonNode list(String query) {
    Caller.Reply reply = admin.get("/api/users?size=500&" + query);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }

  private static List<String> names(JsonNode users) {
    List<String> names = new ArrayList<>();
    users.forEach(user -> names.add(user.path("username").asText()));
    return names;
  }
}
