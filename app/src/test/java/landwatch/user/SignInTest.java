package landwatch.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import landwatch.audit.AuditRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signing in against the running application: the form with CSRF protection and its cookies, wrong
 * passwords and the lock-out, disabled users, API tokens, and the answers of a refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInTest {

  private static final String WRONG = "not-the-password";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityProperties security;

  Caller admin;

  @BeforeEach
  void admin() {
    admin = Accounts.admin(port);
  }

  // ---------------------------------------------------------------- the form and CSRF

  @Test
  void theSignInPageIsChineseAndCarriesTheCsrfTokenOfItsCookie() {
    Caller browser = Caller.anonymous(port);

    Caller.Reply page = browser.get("/login", "Accept", Caller.HTML);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("<html lang=\"zh-CN\">", "用户登录", "用户名", "密码", "登录</button>")
        .contains("name=\"username\"", "name=\"password\"", "method=\"post\"");
    Caller.SetCookie cookie = page.setCookie("XSRF-TOKEN").orElseThrow();
    assertThat(Accounts.csrfField(page)).isEqualTo(cookie.value());
    // the web application reads it to echo it in X-XSRF-TOKEN, so it is not HttpOnly
    assertThat(cookie.has("HttpOnly")).isFalse();
    assertThat(cookie.has("Secure")).isTrue();
    assertThat(cookie.attribute("SameSite")).isEqualToIgnoringCase("Lax");
  }

  @Test
  void aFormSignInWithoutTheCsrfTokenIsRefused() {
    String user = Accounts.create(port, "form", "640104", Role.COUNTY_OFFICER);
    Caller browser = Caller.anonymous(port);
    browser.get("/login", "Accept", Caller.HTML);
    long mark = AuditRecords.mark(jdbc);

    Caller.Reply refused =
        browser.form(
            "/login",
            Map.of("username", user, "password", Accounts.PASSWORD),
            "Accept",
            Caller.HTML);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(refused.detail()).contains("CSRF");
    assertThat(refused.setCookie("LANDWATCH_SESSION")).isEmpty();
    assertThat(browser.get("/api/me").status()).isEqualTo(401);
    List<JsonNode> records = AuditRecords.since(admin, mark, "action", "POST /login");
    assertThat(records).hasSize(1);
    assertThat(records.get(0).path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(records.get(0).path("reason").asText()).contains("CSRF");
  }

  @Test
  void aBrowserSignedInWithTheTokenGoesHomeWithASecureSessionCookie() {
    String user = Accounts.create(port, "home", "640104", Role.COUNTY_OFFICER);
    Caller browser = Caller.anonymous(port);
    browser.get("/", "Accept", Caller.HTML);
    String anonymousSession = browser.cookie("LANDWATCH_SESSION").orElseThrow();
    String token = Accounts.csrfField(browser.get("/login", "Accept", Caller.HTML));
    long mark = AuditRecords.mark(jdbc);

    Caller.Reply signedIn =
        browser.form(
            "/login",
            Map.of("username", user, "password", Accounts.PASSWORD, "_csrf", token),
            "Accept",
            Caller.HTML);

    assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(302);
    assertThat(URI.create(signedIn.header("Location").orElseThrow()).getPath()).isEqualTo("/");
    Caller.SetCookie session = signedIn.setCookie("LANDWATCH_SESSION").orElseThrow();
    assertThat(session.has("HttpOnly")).isTrue();
    assertThat(session.has("Secure")).isTrue();
    assertThat(session.attribute("SameSite")).isEqualToIgnoringCase("Lax");
    // a session planted before sign-in does not become the signed-in one
    assertThat(session.value()).isNotEqualTo(anonymousSession);
    assertThat(
            Caller.anonymous(port)
                .withCookies("GET", "/api/me", "LANDWATCH_SESSION=" + anonymousSession)
                .status())
        .isEqualTo(401);
    Caller.Reply home = browser.get("/", "Accept", Caller.HTML);
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).as("the web application's page").contains("<div id=\"app\">");
    assertThat(browser.get("/api/me").json().path("unitName").asText()).isEqualTo("兴庆区");
    assertThat(browser.get("/api/me").json().path("username").asText()).isEqualTo(user);
    List<JsonNode> records = AuditRecords.since(admin, mark, "action", "sign-in");
    assertThat(records).hasSize(1);
    assertThat(records.get(0).path("outcome").asText()).isEqualTo("DONE");
    assertThat(records.get(0).path("actor").asText()).isEqualTo(user);
  }

  @Test
  void theWebApplicationSigningInWithJsonGetsTheUser() {
    String user = Accounts.create(port, "spa", "640105", Role.COUNTY_OFFICER);
    Caller browser = Caller.anonymous(port);
    String token = Accounts.csrfField(browser.get("/login", "Accept", Caller.HTML));

    Caller.Reply signedIn =
        browser.form(
            "/login",
            Map.of("username", user, "password", Accounts.PASSWORD, "_csrf", token),
            "Accept",
            Caller.JSON);

    assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(200);
    JsonNode me = signedIn.json();
    assertThat(me.path("username").asText()).isEqualTo(user);
    assertThat(me.path("unitCode").asText()).isEqualTo("640105");
    assertThat(me.path("unitName").asText()).isEqualTo("西夏区");
    assertThat(me.path("roles").toString()).isEqualTo("[\"COUNTY_OFFICER\"]");
    assertThat(me.path("groups").toString()).isEqualTo("[\"county:640105:officer\"]");
    assertThat(signedIn.setCookie("LANDWATCH_SESSION")).isPresent();
    // a token known before sign-in (one a forged page could have planted) is replaced
    Caller.Reply stale =
        browser.post("/api/tokens", Map.of("name", "stale"), "X-XSRF-TOKEN", token);
    assertThat(stale.status()).isEqualTo(403);
    assertThat(browser.get("/api/tokens").json()).isEmpty();
    assertThat(browser.cookie("XSRF-TOKEN").orElseThrow()).isNotEqualTo(token);
  }

  @Test
  void aStateChangingCallOfASessionNeedsTheCsrfHeader() {
    String user = Accounts.create(port, "csrf", "640104", Role.COUNTY_OFFICER);
    Caller browser = Accounts.signIn(port, user);
    // sign-in replaced the CSRF token; the next answer carries the new cookie
    browser.get("/api/me");
    long mark = AuditRecords.mark(jdbc);

    Caller.Reply refused = browser.post("/api/tokens", Map.of("name", "from-a-forged-page"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.detail()).contains("CSRF");
    assertThat(browser.get("/api/tokens").json()).isEmpty();
    List<JsonNode> records = AuditRecords.since(admin, mark);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).path("action").asText()).isEqualTo("POST /api/tokens");
    assertThat(records.get(0).path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(records.get(0).path("actor").asText()).isEqualTo(user);

    Caller.Reply wrongToken =
        browser.post("/api/tokens", Map.of("name", "guessed"), "X-XSRF-TOKEN", "guessed-token");
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(browser.get("/api/tokens").json()).isEmpty();

    Caller.Reply issued = browser.post("/api/tokens", Map.of("name", "mine"), browser.csrf());
    assertThat(issued.status()).as("%s", issued).isEqualTo(201);
    assertThat(browser.get("/api/tokens").json()).hasSize(1);
  }

  @Test
  void signingOutEndsTheSession() {
    String user = Accounts.create(port, "bye", "640104", Role.COUNTY_OFFICER);
    Caller browser = Accounts.signIn(port, user);
    browser.get("/api/me");
    String session = browser.cookieHeader();

    assertThat(browser.post("/logout", null).status()).as("without CSRF").isEqualTo(403);
    assertThat(browser.get("/api/me").status()).isEqualTo(200);
    long mark = AuditRecords.mark(jdbc);
    Caller.Reply out = browser.post("/logout", null, browser.csrf());

    assertThat(out.status()).isEqualTo(204);
    List<JsonNode> records = AuditRecords.since(admin, mark);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).path("action").asText()).isEqualTo("sign-out");
    assertThat(records.get(0).path("actor").asText()).isEqualTo(user);
    assertThat(Caller.anonymous(port).withCookies("GET", "/api/me", session, "Accept", "*/*"))
        .extracting(Caller.Reply::status)
        .isEqualTo(401);
  }

  @Test
  void aBrowserSigningOutLandsOnTheSignInPage() {
    String user = Accounts.create(port, "byebrowser", "640104", Role.COUNTY_OFFICER);
    Caller browser = Accounts.signIn(port, user);
    String token = Accounts.csrfField(browser.get("/login", "Accept", Caller.HTML));

    Caller.Reply out = browser.form("/logout", Map.of("_csrf", token), "Accept", Caller.HTML);

    assertThat(out.status()).isEqualTo(302);
    assertThat(out.header("Location").orElseThrow()).endsWith("/login?logout");
    assertThat(browser.get("/login?logout", "Accept", Caller.HTML).body()).contains("您已安全退出");
    assertThat(browser.get("/api/me").status()).isEqualTo(401);
  }

  // ---------------------------------------------------------------- refused sign-ins

  @Test
  void aWrongPasswordIsRefusedAndAudited() {
    String user = Accounts.create(port, "wrong", "640104", Role.COUNTY_OFFICER);
    long mark = AuditRecords.mark(jdbc);

    Caller.Reply basic = Caller.basic(port, user, WRONG).get("/api/me");
    Caller browser = Caller.anonymous(port);
    Caller.Reply form = Accounts.submitSignIn(browser, user, WRONG, Caller.HTML);

    assertThat(basic.status()).isEqualTo(401);
    assertThat(basic.detail()).contains("用户名或密码错误", "wrong username or password");
    assertThat(form.status()).isEqualTo(302);
    assertThat(form.header("Location").orElseThrow()).endsWith("/login?error=credentials");
    Caller.Reply json =
        browser.form(
            "/login",
            Map.of("username", user, "password", WRONG, "_csrf", browser.csrf()[1]),
            "Accept",
            Caller.JSON);
    assertThat(json.status()).isEqualTo(401);
    assertThat(json.detail()).contains("用户名或密码错误", "wrong username or password");
    List<JsonNode> records = AuditRecords.since(admin, mark);
    assertThat(records).hasSize(3);
    for (JsonNode record : records) {
      assertThat(record.path("action").asText()).isEqualTo("sign-in");
      assertThat(record.path("objectId").asText()).isEqualTo(user);
      assertThat(record.path("actor").asText())
          .as("a stranger typing a name is not that user")
          .isEqualTo("anonymous");
      assertThat(record.path("outcome").asText()).isEqualTo("REFUSED");
      assertThat(record.path("reason").asText()).contains("wrong username or password");
    }
    assertThat(browser.get("/login?error=credentials", "Accept", Caller.HTML).body())
        .contains("用户名或密码错误");
    assertThat(browser.get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void repeatedWrongPasswordsLockTheAccountUntilAnAdminEnablesIt() {
    String user = Accounts.create(port, "locked", "640104", Role.COUNTY_OFFICER);
    int maxFailures = security.signIn().maxFailures();
    long mark = AuditRecords.mark(jdbc);

    for (int i = 0; i < maxFailures; i++) {
      assertThat(Caller.basic(port, user, WRONG).get("/api/me").status()).isEqualTo(401);
    }
    Caller.Reply correct = Accounts.as(port, user).get("/api/me");

    assertThat(correct.status()).isEqualTo(401);
    assertThat(correct.detail()).contains("账户已临时锁定", "locked");
    Caller.Reply form =
        Accounts.submitSignIn(Caller.anonymous(port), user, Accounts.PASSWORD, Caller.HTML);
    assertThat(form.header("Location").orElseThrow()).endsWith("/login?error=locked");
    List<JsonNode> records = AuditRecords.since(admin, mark, "action", "sign-in");
    assertThat(records).hasSize(maxFailures + 2);
    assertThat(records)
        .allSatisfy(r -> assertThat(r.path("outcome").asText()).isEqualTo("REFUSED"));
    assertThat(records.get(maxFailures - 2).path("reason").asText()).doesNotContain("locked");
    assertThat(records.get(maxFailures - 1).path("reason").asText())
        .contains("账户锁定至", "locked after " + maxFailures + " failures");
    assertThat(records.get(maxFailures).path("reason").asText()).contains("账户已临时锁定");
    assertThat(records.get(maxFailures + 1).path("reason").asText()).contains("账户已临时锁定");

    assertThat(admin.post("/api/users/" + user + "/enable", null).status()).isEqualTo(200);

    assertThat(Accounts.as(port, user).get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void onlyFailuresInARowLockTheAccount() {
    String user = Accounts.create(port, "row", "640104", Role.COUNTY_OFFICER);
    int maxFailures = security.signIn().maxFailures();

    for (int i = 0; i < maxFailures - 1; i++) {
      Caller.basic(port, user, WRONG).get("/api/me");
    }
    assertThat(Accounts.as(port, user).get("/api/me").status()).isEqualTo(200);
    for (int i = 0; i < maxFailures - 1; i++) {
      Caller.basic(port, user, WRONG).get("/api/me");
    }

    assertThat(Accounts.as(port, user).get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void usingATokenDoesNotEndARunOfWrongPasswords() {
    String user = Accounts.create(port, "cron", "640104", Role.COUNTY_OFFICER);
    String token =
        Accounts.as(port, user)
            .post("/api/tokens", Map.of("name", "cron"))
            .json()
            .path("value")
            .asText();
    int maxFailures = security.signIn().maxFailures();

    for (int i = 0; i < maxFailures - 1; i++) {
      Caller.basic(port, user, WRONG).get("/api/me");
      assertThat(Caller.bearer(port, token).get("/api/me").status()).isEqualTo(200);
    }
    Caller.basic(port, user, WRONG).get("/api/me");

    Caller.Reply correct = Accounts.as(port, user).get("/api/me");
    assertThat(correct.status()).as("%s", correct).isEqualTo(401);
    assertThat(correct.detail()).contains("locked");
  }

  @Test
  void aDisabledUserIsRefusedAndTheirSessionAndTokensEndAtOnce() {
    String user = Accounts.create(port, "disabled", "640104", Role.COUNTY_OFFICER);
    Caller browser = Accounts.signIn(port, user);
    assertThat(browser.get("/api/me").status()).isEqualTo(200);
    String token =
        Accounts.as(port, user)
            .post("/api/tokens", Map.of("name", "cron"))
            .json()
            .path("value")
            .asText();
    assertThat(Caller.bearer(port, token).get("/api/me").status()).isEqualTo(200);

    assertThat(admin.post("/api/users/" + user + "/disable", null).status()).isEqualTo(200);

    assertThat(browser.get("/api/me").status()).isEqualTo(401);
    Caller.Reply basic = Accounts.as(port, user).get("/api/me");
    assertThat(basic.status()).isEqualTo(401);
    assertThat(basic.detail()).contains("账户已停用", "disabled");
    Caller.Reply bearer = Caller.bearer(port, token).get("/api/me");
    assertThat(bearer.status()).isEqualTo(401);
    assertThat(bearer.detail()).contains("账户已停用", "disabled");
    Caller.Reply form =
        Accounts.submitSignIn(Caller.anonymous(port), user, Accounts.PASSWORD, Caller.HTML);
    assertThat(form.header("Location").orElseThrow()).endsWith("/login?error=disabled");
  }

  @Test
  void aNewPasswordEndsTheSessionsSignedInWithTheOldOneButNotTheOneThatSetIt() {
    String user = Accounts.create(port, "newpass", "640104", Role.COUNTY_OFFICER);
    Caller setter = Accounts.signIn(port, user);
    Caller other = Accounts.signIn(port, user);
    String replacement = "a-new-password-" + user;
    assertThat(setter.get("/api/me").status()).isEqualTo(200);

    Caller.Reply changed =
        setter.post(
            "/api/me/password",
            Map.of("currentPassword", Accounts.PASSWORD, "newPassword", replacement),
            setter.csrf());
    assertThat(changed.status()).as("%s", changed).isEqualTo(204);

    assertThat(setter.get("/api/me").status()).isEqualTo(200);
    assertThat(other.get("/api/me").status()).isEqualTo(401);
    assertThat(Caller.basic(port, user, replacement).get("/api/me").status()).isEqualTo(200);

    Caller.Reply reset = admin.post("/api/users/" + user + "/password", null);
    assertThat(reset.status()).isEqualTo(200);
    assertThat(setter.get("/api/me").status())
        .as("an admin's reset ends even the session that set the last password")
        .isEqualTo(401);
  }

  @Test
  void wrongCurrentPasswordsWhenChangingItCountTowardsTheLockOut() {
    String user = Accounts.create(port, "guess", "640104", Role.COUNTY_OFFICER);
    String token =
        Accounts.as(port, user)
            .post("/api/tokens", Map.of("name", "stolen"))
            .json()
            .path("value")
            .asText();
    Caller thief = Caller.bearer(port, token);
    for (int i = 0; i < 5; i++) {
      Caller.Reply guess =
          thief.post(
              "/api/me/password",
              Map.of("currentPassword", WRONG + i, "newPassword", "a-new-password-" + user));
      assertThat(guess.status()).isEqualTo(400);
    }
    Caller.Reply locked =
        thief.post(
            "/api/me/password",
            Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "a-new-password-" + user));
    assertThat(locked.status()).as("%s", locked).isEqualTo(409);
    assertThat(locked.detail()).contains("锁定", "locked");
    assertThat(Accounts.as(port, user).get("/api/me").detail()).contains("locked");
  }

  @Test
  void aTokenIssuesNoTokensAndAnAdminsResetRevokesThemAll() {
    String user = Accounts.create(port, "reset", "640104", Role.COUNTY_OFFICER);
    String token =
        Accounts.as(port, user)
            .post("/api/tokens", Map.of("name", "cron"))
            .json()
            .path("value")
            .asText();
    Caller.Reply renewed =
        Caller.bearer(port, token).post("/api/tokens", Map.of("name", "forever"));
    assertThat(renewed.status()).isEqualTo(403);
    assertThat(renewed.detail()).contains("令牌", "token");

    assertThat(admin.post("/api/users/" + user + "/password", null).status()).isEqualTo(200);
    assertThat(Caller.bearer(port, token).get("/api/me").status()).isEqualTo(401);
  }

  // ---------------------------------------------------------------- API tokens

  @Test
  void anApiTokenIsShownOnceWorksAsBearerAndEndsWhenRevoked() {
    String user = Accounts.create(port, "script", "640104", Role.COUNTY_OFFICER);
    Caller owner = Accounts.as(port, user);

    Caller.Reply issued = owner.post("/api/tokens", Map.of("name", "nightly", "validDays", 7));

    assertThat(issued.status()).as("%s", issued).isEqualTo(201);
    String value = issued.json().path("value").asText();
    long id = issued.json().at("/token/id").asLong();
    assertThat(value).startsWith("lw_");
    assertThat(Caller.bearer(port, value).get("/api/me").json().path("username").asText())
        .isEqualTo(user);
    Caller.Reply listed = owner.get("/api/tokens");
    assertThat(listed.json()).hasSize(1);
    assertThat(listed.json().get(0).path("id").asLong()).isEqualTo(id);
    assertThat(listed.json().get(0).path("name").asText()).isEqualTo("nightly");
    assertThat(listed.json().get(0).has("value")).isFalse();
    assertThat(listed.body()).doesNotContain(value, value.substring(3));

    JsonNode audited = AuditRecords.search(admin, "objectType", "api-token", "objectId", "" + id);
    assertThat(audited.path("total").asLong()).isEqualTo(1);
    assertThat(audited.at("/items/0/action").asText()).isEqualTo("api-token.issue");
    assertThat(audited.at("/items/0/actor").asText()).isEqualTo(user);
    assertThat(audited.toString()).doesNotContain(value.substring(3));

    Caller.Reply revoked = owner.delete("/api/tokens/" + id);

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().path("revoked").asBoolean()).isTrue();
    Caller.Reply refused = Caller.bearer(port, value).get("/api/me");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.detail()).contains("已撤销", "revoked");
  }

  @Test
  void aTokenNeedsANameAndAValidityWithinTheLimit() {
    String user = Accounts.create(port, "limits", "640104", Role.COUNTY_OFFICER);
    Caller owner = Accounts.as(port, user);
    long maxDays = security.tokens().maxValidity().toDays();

    for (Map<String, Object> body :
        List.<Map<String, Object>>of(
            Map.of("name", " "),
            Map.of("name", "x".repeat(65)),
            Map.of("name", "zero", "validDays", 0),
            Map.of("name", "long", "validDays", maxDays + 1),
            Map.of("name", "text", "validDays", "7"))) {
      Caller.Reply refused = owner.post("/api/tokens", body);
      assertThat(refused.status()).as("%s: %s", body, refused).isEqualTo(400);
      assertThat(refused.detail()).as("%s", body).matches("(?s).*\\p{IsHan}.* / .*[a-z].*");
    }
    assertThat(owner.get("/api/tokens").json()).isEmpty();
    Caller.Reply longest = owner.post("/api/tokens", Map.of("name", "year", "validDays", maxDays));
    assertThat(longest.status()).isEqualTo(201);
  }

  @Test
  void anotherUsersTokenIsUnknown() {
    String owner = Accounts.create(port, "owner", "640104", Role.COUNTY_OFFICER);
    String other = Accounts.create(port, "other", "640104", Role.COUNTY_OFFICER);
    Caller.Reply issued = Accounts.as(port, owner).post("/api/tokens", Map.of("name", "mine"));
    long id = issued.json().at("/token/id").asLong();

    Caller.Reply refused = Accounts.as(port, other).delete("/api/tokens/" + id);

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.detail()).contains("令牌 " + id + " 不存在", "no token " + id);
    assertThat(Accounts.as(port, other).get("/api/tokens").json()).isEmpty();
    String value = issued.json().path("value").asText();
    assertThat(Caller.bearer(port, value).get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void anExpiredTokenIsRefused() {
    String user = Accounts.create(port, "expiry", "640104", Role.COUNTY_OFFICER);
    Caller.Reply issued = Accounts.as(port, user).post("/api/tokens", Map.of("name", "short"));
    String value = issued.json().path("value").asText();
    assertThat(Caller.bearer(port, value).get("/api/me").status()).isEqualTo(200);

    jdbc.update(
        "UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?",
        issued.json().at("/token/id").asLong());

    Caller.Reply refused = Caller.bearer(port, value).get("/api/me");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.detail()).contains("已过期", "expired");
  }

  @Test
  void aTokenOfNoOneIsRefused() {
    assertThat(Caller.bearer(port, "lw_" + "A".repeat(32)).get("/api/me").status()).isEqualTo(401);
    assertThat(Caller.bearer(port, "not-one-of-ours").get("/api/me").status()).isEqualTo(401);
  }

  // ---------------------------------------------------------------- what refusals and pages carry

  @Test
  void noRefusalInvitesBasicCredentials() {
    String user = Accounts.create(port, "challenge", "640104", Role.COUNTY_OFFICER);
    List<Caller.Reply> refusals =
        List.of(
            Caller.anonymous(port).get("/api/me"),
            Caller.anonymous(port).get("/api/users"),
            Caller.basic(port, user, WRONG).get("/api/me"),
            Caller.basic(port, "nobody-" + user, WRONG).get("/api/me"),
            Caller.bearer(port, "lw_unknown").get("/api/me"),
            Caller.anonymous(port)
                .post("/api/tokens", Map.of("name", "x"), "Authorization", "Basic x"));

    for (Caller.Reply refusal : refusals) {
      assertThat(refusal.status()).as("%s", refusal).isEqualTo(401);
      assertThat(refusal.headers().allValues("WWW-Authenticate"))
          .as("challenge of %s", refusal)
          .isNotEmpty()
          .allSatisfy(challenge -> assertThat(challenge).startsWith("Bearer"))
          .noneSatisfy(challenge -> assertThat(challenge).containsIgnoringCase("basic"));
    }
  }

  @Test
  void aPageVisitWithoutASessionGoesToTheSignInPage() {
    Caller.Reply visit = Caller.anonymous(port).get("/", "Accept", Caller.HTML);

    assertThat(visit.status()).isEqualTo(302);
    assertThat(URI.create(visit.header("Location").orElseThrow()).getPath()).isEqualTo("/login");
    assertThat(visit.headers().allValues("WWW-Authenticate")).isEmpty();
  }

  @Test
  void pagesCarryTheContentSecurityPolicy() {
    String user = Accounts.create(port, "csp", "640104", Role.COUNTY_OFFICER);
    Caller browser = Accounts.signIn(port, user);

    for (Caller.Reply page :
        List.of(
            Caller.anonymous(port).get("/login", "Accept", Caller.HTML),
            browser.get("/", "Accept", Caller.HTML))) {
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.header("Content-Security-Policy"))
          .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
      assertThat(page.header("Content-Security-Policy").orElseThrow())
          .contains("script-src 'self'", "frame-ancestors 'none'", "form-action 'self'");
      assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
    }
  }
}
