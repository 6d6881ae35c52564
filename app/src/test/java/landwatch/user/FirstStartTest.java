package landwatch.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import landwatch.LandwatchApplication;
import landwatch.fixtures.NingxiaCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application started as an office starts it, twice on the same data directory: the first start
 * creates the administrator with a generated password kept owner-only, the second finds the users
 * and creates nobody; the {@code demo} profile seeds its users once.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

  private static final String DEMO_PASSWORD = "landwatch-demo";
  private static final List<String> CITIES =
      List.of("640100", "640200", "640300", "640400", "640500", "649900");

  @TempDir Path dataDir;

  @Test
  void theFirstStartCreatesTheAdministratorWithAGeneratedPasswordKeptOwnerOnly(
      CapturedOutput output) throws IOException {
    Path file = dataDir.resolve("admin-password");
    String password;
    try (ConfigurableApplicationContext first = start()) {
      assertThat(file).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      password = Files.readString(file).strip();
      assertThat(password).hasSizeGreaterThanOrEqualTo(10);
      JsonNode me = Caller.basic(port(first), "admin", password).get("/api/me").json();
      assertThat(me.path("username").asText()).isEqualTo("admin");
      assertThat(me.path("unitCode").asText()).isEqualTo("640000");
      assertThat(me.path("roles").toString()).isEqualTo("[\"ADMIN\"]");
      assertThat(usernames(first)).containsExactly("admin");
      assertThat(output.getOut()).contains("首次启动：已创建系统管理员 admin", password);
      Caller.Reply witness =
          Caller.basic(port(first), "admin", password)
              .post(
                  "/api/users",
                  Accounts.newUser("witness", "640104", Accounts.PASSWORD, Role.COUNTY_OFFICER));
      assertThat(witness.status()).as("%s", witness).isEqualTo(201);
    }
    assertThat(linesWith(output, password)).isEqualTo(1);

    try (ConfigurableApplicationContext second = start()) {
      assertThat(Files.readString(file).strip()).isEqualTo(password);
      assertThat(usernames(second))
          .as("the first start's users")
          .containsExactly("admin", "witness");
      assertThat(adminCreations(second)).isEqualTo(1);
      assertThat(Caller.basic(port(second), "admin", password).get("/api/me").status())
          .isEqualTo(200);
    }
    assertThat(linesWith(output, password)).as("the password is printed once").isEqualTo(1);
  }

  @Test
  void theDemoProfileSeedsOneUserPerRoleAndUnitOnce(CapturedOutput output) {
    Set<String> expected = new HashSet<>();
    for (NingxiaCounty county : NingxiaCounty.values()) {
      expected.add("officer-" + county.code());
      expected.add("contractor-" + county.code());
    }
    CITIES.forEach(city -> expected.add("reviewer-" + city));
    expected.add("manager-640000");
    expected.add("admin");

    try (ConfigurableApplicationContext first =
        start("--spring.profiles.active=demo", "--landwatch.demo.month=false")) {
      assertThat(usernames(first)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(demoUser(first, "officer-649900")).isEqualTo("649900 [COUNTY_OFFICER]");
      assertThat(demoUser(first, "reviewer-649900")).isEqualTo("649900 [CITY_REVIEWER]");
      assertThat(demoUser(first, "contractor-640104")).isEqualTo("640104 [CONTRACTOR]");
      assertThat(demoUser(first, "reviewer-640100")).isEqualTo("640100 [CITY_REVIEWER]");
      assertThat(demoUser(first, "manager-640000")).isEqualTo("640000 [PROVINCE_MANAGER]");
      Map<String, String> groups =
          Map.of(
              "officer-640104", "[\"county:640104:officer\"]",
              "reviewer-649900", "[\"city:649900:reviewer\"]",
              "manager-640000", "[\"province:640000:manager\"]");
      groups.forEach(
          (username, group) ->
              assertThat(
                      Caller.basic(port(first), username, DEMO_PASSWORD)
                          .get("/api/me")
                          .json()
                          .path("groups")
                          .toString())
                  .as(username)
                  .isEqualTo(group));
      assertThat(output.getOut()).contains("演示模式：已创建 " + (expected.size() - 1) + " 个演示用户");
    }
    int seeded = countOf(output.getOut(), "演示模式：已创建");

    try (ConfigurableApplicationContext second =
        start("--spring.profiles.active=demo", "--landwatch.demo.month=false")) {
      assertThat(usernames(second)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(userCreations(second)).isEqualTo(expected.size());
      assertThat(
              Caller.basic(port(second), "officer-640104", DEMO_PASSWORD).get("/api/me").status())
          .isEqualTo(200);
    }
    assertThat(countOf(output.getOut(), "演示模式：已创建")).isEqualTo(seeded);
  }

  private ConfigurableApplicationContext start(String... arguments) {
    List<String> all = new ArrayList<>();
    all.add("--server.port=0");
    all.add("--landwatch.data-dir=" + dataDir);
    all.add("--landwatch.security.initial-admin.password=");
    all.addAll(Arrays.asList(arguments));
    return new SpringApplicationBuilder(LandwatchApplication.class).run(all.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private static List<String> usernames(ConfigurableApplicationContext context) {
    return context
        .getBean(JdbcTemplate.class)
        .queryForList("SELECT username FROM app_user ORDER BY username", String.class);
  }

  private static String demoUser(ConfigurableApplicationContext context, String username) {
    return context
        .getBean(JdbcTemplate.class)
        .queryForObject(
            "SELECT unit_code, roles FROM app_user WHERE username = ?",
            (rs, row) ->
                rs.getString("unit_code")
                    + " "
                    + Arrays.toString((String[]) rs.getArray("roles").getArray()),
            username);
  }

  private static int userCreations(ConfigurableApplicationContext context) {
    return context
        .getBean(JdbcTemplate.class)
        .queryForObject(
            "SELECT count(*) FROM audit_event WHERE action = 'user.create'", Integer.class);
  }

  private static int adminCreations(ConfigurableApplicationContext context) {
    return context
        .getBean(JdbcTemplate.class)
        .queryForObject(
            "SELECT count(*) FROM audit_event WHERE action = 'user.create' AND object_id = 'admin'",
            Integer.class);
  }

  private static long linesWith(CapturedOutput output, String text) {
    return output.getOut().lines().filter(line -> line.contains(text)).count();
  }

  private static int countOf(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
