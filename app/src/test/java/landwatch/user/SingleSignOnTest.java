package landwatch.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import landwatch.app.TestUsers;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spatial.Uploads;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The offices' OpenID Connect provider, plugged in by configuration only. The provider is a stub
 * (discovery, keys, authorization and token endpoints) that signs what the test tells it to; what
 * is under test is the application's side: token validation, the mapping of claims to unit and
 * roles, the local users that still decide, the code flow of the browser sign-in, the audit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SingleSignOnTest {

  private static final String PROVIDER = "office";
  private static final String CLIENT_ID = "landwatch";
  private static final String CLIENT_SECRET = "stub-secret-" + UUID.randomUUID();
  private static final String CLIENT_NAME = "宁夏自然资源统一身份认证";
  private static final String SESSION_COOKIE = "LANDWATCH_SESSION";
  private static final Cgcs2000Crs ZONE_35 = Cgcs2000Crs.gaussKruger(105, true);
  private static final ObjectMapper JSON = new ObjectMapper();

  // Up before the application context, which reads the provider's discovery document at start.
  private static final StubIssuer ISSUER = StubIssuer.start();

  @DynamicPropertySource
  static void identityProvider(DynamicPropertyRegistry properties) {
    String registration = "spring.security.oauth2.client.registration." + PROVIDER + ".";
    properties.add(registration + "client-id", () -> CLIENT_ID);
    properties.add(registration + "client-secret", () -> CLIENT_SECRET);
    properties.add(registration + "client-name", () -> CLIENT_NAME);
    properties.add(registration + "scope", () -> "openid");
    properties.add(
        "spring.security.oauth2.client.provider." + PROVIDER + ".issuer-uri", ISSUER::issuer);
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
    // Claim names other than the defaults, so that a setting the application ignored shows.
    properties.add("landwatch.security.oidc.username-claim", () -> "uid");
    properties.add("landwatch.security.oidc.display-name-claim", () -> "cn");
    properties.add("landwatch.security.oidc.unit-claim", () -> "dept_code");
    properties.add("landwatch.security.oidc.roles-claim", () -> "groups");
    properties.add("landwatch.security.oidc.role-mapping[ZF-SHENHE]", () -> "CITY_REVIEWER");
    properties.add("landwatch.security.oidc.role-mapping[zf.officer]", () -> "COUNTY_OFFICER");
  }

  @AfterAll
  static void stopIssuer() {
    ISSUER.stop();
  }

  @Autowired TestRestTemplate anonymous;
  @LocalServerPort int port;

  private TestRestTemplate admin;
  private final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

  @BeforeEach
  void signInAsAdmin() {
    admin = TestUsers.admin(anonymous);
  }

  @Test
  void aProviderTokenWithUnitAndRolesActsAsThatCountysOfficerWithinItsJurisdiction() {
    String own = "SSO" + suffix + "-OWN";
    String sibling = "SSO" + suffix + "-SIB";
    String otherCity = "SSO" + suffix + "-FAR";
    uploadSpots(Map.of(own, "640104", sibling, "640121", otherCity, "640522"));
    String username = "sso-officer-" + suffix;
    String token =
        ISSUER.accessToken(
            claims(username)
                .claim("cn", "兴庆区执法员")
                .claim("dept_code", "640104")
                .claim("groups", List.of("COUNTY_OFFICER")));

    ResponseEntity<JsonNode> me = get("/api/me", token);

    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody().path("username").asText()).isEqualTo(username);
    assertThat(me.getBody().path("displayName").asText()).isEqualTo("兴庆区执法员");
    assertThat(me.getBody().path("unitCode").asText()).isEqualTo("640104");
    assertThat(me.getBody().path("unitLevel").asText()).isEqualTo("COUNTY");
    assertThat(texts(me.getBody().path("roles"))).containsExactly("COUNTY_OFFICER");
    assertThat(texts(me.getBody().path("groups"))).containsExactly("county:640104:officer");
    assertThat(me.getBody().path("singleSignOn").asBoolean()).isTrue();

    ResponseEntity<JsonNode> ownSpot = get("/api/spots/" + own, token);
    assertThat(ownSpot.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ownSpot.getBody().path("regionCode").asText()).isEqualTo("640104");
    assertThat(get("/api/spots/" + sibling, token).getStatusCode())
        .as("a sibling county's spot does not exist for this officer")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/spots/" + otherCity, token).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(admin.getForEntity("/api/spots/" + sibling, JsonNode.class).getStatusCode())
        .as("the spot is there for the province")
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/users", token).getStatusCode())
        .as("the claimed roles are all the token gives")
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aProviderRoleNameIsMappedToOursByConfiguration() {
    String inCity = "SSO" + suffix + "-CITY";
    String otherCity = "SSO" + suffix + "-ELSEWHERE";
    uploadSpots(Map.of(inCity, "640121", otherCity, "640522"));
    String reviewer =
        ISSUER.accessToken(
            claims("sso-reviewer-" + suffix)
                .claim("dept_code", "640100")
                .claim("groups", List.of("ZF-SHENHE")));

    ResponseEntity<JsonNode> me = get("/api/me", reviewer);

    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody().path("unitLevel").asText()).isEqualTo("CITY");
    assertThat(texts(me.getBody().path("roles"))).containsExactly("CITY_REVIEWER");
    assertThat(texts(me.getBody().path("groups"))).containsExactly("city:640100:reviewer");
    assertThat(me.getBody().path("displayName").asText())
        .as("without a display-name claim the username stands in")
        .isEqualTo("sso-reviewer-" + suffix);
    assertThat(get("/api/spots/" + inCity, reviewer).getStatusCode())
        .as("a county of the city")
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/spots/" + otherCity, reviewer).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // Some providers send their groups as one space-separated string, among names of other apps.
    String officer =
        ISSUER.accessToken(
            claims("sso-mapped-" + suffix)
                .claim("dept_code", "640522")
                .claim("groups", "oa.user zf.officer"));
    ResponseEntity<JsonNode> officerMe = get("/api/me", officer);
    assertThat(officerMe.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(texts(officerMe.getBody().path("roles"))).containsExactly("COUNTY_OFFICER");
    assertThat(texts(officerMe.getBody().path("groups"))).containsExactly("county:640522:officer");
  }

  @Test
  void claimsThatDoNotMakeAUserHereAreRefused() {
    Map<String, JWTClaimsSet.Builder> refused = new LinkedHashMap<>();
    refused.put(
        "a city role for a county",
        claims("sso-misfit-" + suffix)
            .claim("dept_code", "640104")
            .claim("groups", List.of("CITY_REVIEWER")));
    refused.put(
        "an unknown unit",
        claims("sso-nowhere-" + suffix)
            .claim("dept_code", "649999")
            .claim("groups", List.of("COUNTY_OFFICER")));
    refused.put(
        "roles without a unit",
        claims("sso-unitless-" + suffix).claim("groups", List.of("COUNTY_OFFICER")));
    refused.put(
        "a unit with no role of ours",
        claims("sso-roleless-" + suffix)
            .claim("dept_code", "640104")
            .claim("groups", List.of("oa.user")));
    refused.put(
        "an admin role claimed at the province: admins sign in with a password",
        claims("sso-admin-" + suffix)
            .claim("dept_code", "640000")
            .claim("groups", List.of("ADMIN")));
    refused.put("a provider account named like the local admin, without claims", claims("admin"));
    refused.put(
        "an admin role claimed by a county",
        claims("sso-usurper-" + suffix)
            .claim("dept_code", "640104")
            .claim("groups", List.of("COUNTY_OFFICER", "ADMIN")));

    refused.forEach(
        (why, claims) -> {
          ResponseEntity<JsonNode> me = get("/api/me", ISSUER.accessToken(claims));
          assertThat(me.getStatusCode()).as(why).isEqualTo(HttpStatus.UNAUTHORIZED);
          assertProblem(me, why);
          assertThat(me.getBody().path("detail").asText())
              .as(why + ": told what is wrong, not that a password was")
              .contains("本系统无效", "not valid here")
              .doesNotContain("密码");
        });
  }

  @Test
  void withoutUnitAndRolesTheLocalUserOfThatNameDecides() {
    String username = "sso-local-" + suffix;
    createUser(username, "640522", "CONTRACTOR");
    String token = ISSUER.accessToken(claims(username));

    ResponseEntity<JsonNode> me = get("/api/me", token);

    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody().path("unitCode").asText()).isEqualTo("640522");
    assertThat(texts(me.getBody().path("roles"))).containsExactly("CONTRACTOR");
    assertThat(texts(me.getBody().path("groups"))).containsExactly("county:640522:contractor");
    assertThat(me.getBody().path("displayName").asText()).isEqualTo("本地 " + username);
    assertThat(me.getBody().path("singleSignOn").asBoolean()).isTrue();

    ResponseEntity<JsonNode> stranger =
        get("/api/me", ISSUER.accessToken(claims("sso-stranger-" + suffix)));
    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertProblem(stranger, "no local user of that name");

    assertThat(
            admin
                .postForEntity("/api/users/" + username + "/disable", null, JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> disabled = get("/api/me", token);
    assertThat(disabled.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(disabled.getBody().path("detail").asText()).contains("停用", "disabled");
    ResponseEntity<JsonNode> disabledWithClaims =
        get(
            "/api/me",
            ISSUER.accessToken(
                claims(username)
                    .claim("dept_code", "640522")
                    .claim("groups", List.of("COUNTY_OFFICER"))));
    assertThat(disabledWithClaims.getStatusCode())
        .as("whatever the provider says of a user disabled here")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void expiredForgedAndForeignTokensAreRefusedAndTheRefusalsAudited() throws JOSEException {
    String username = "sso-probe-" + suffix;
    Instant now = Instant.now();
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put(
        "expired",
        ISSUER.sign(
            officerClaims(username)
                .issuer(ISSUER.issuer())
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1))))
                .build(),
            ISSUER.key()));
    tokens.put(
        "forged",
        ISSUER.sign(
            officerClaims(username)
                .issuer(ISSUER.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build(),
            // Another key under the same key id: only the signature can tell.
            new RSAKeyGenerator(2048).keyID(ISSUER.key().getKeyID()).generate()));
    tokens.put(
        "foreign",
        ISSUER.sign(
            officerClaims(username)
                .issuer("http://127.0.0.1:1/realms/elsewhere")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build(),
            ISSUER.key()));
    assertThat(get("/api/me", ISSUER.accessToken(officerClaims(username))).getStatusCode())
        .as("the same claims, properly issued, are accepted")
        .isEqualTo(HttpStatus.OK);

    tokens.forEach(
        (kind, token) -> {
          ResponseEntity<JsonNode> refused = get(probePath(kind), token);
          assertThat(refused.getStatusCode()).as(kind).isEqualTo(HttpStatus.UNAUTHORIZED);
          assertProblem(refused, kind);
          assertThat(refused.getBody().path("detail").asText())
              .as(kind)
              .contains("令牌无效", "token is invalid");
        });

    JsonNode audit =
        admin.getForObject("/api/audit?outcome=REFUSED&size=500", JsonNode.class).path("items");
    tokens
        .keySet()
        .forEach(
            kind -> {
              List<JsonNode> records =
                  StreamSupport.stream(audit.spliterator(), false)
                      .filter(record -> record.path("path").asText().equals(probePath(kind)))
                      .toList();
              assertThat(records).as(kind).hasSize(1);
              assertThat(records.get(0).path("actor").asText()).isEqualTo("anonymous");
              assertThat(records.get(0).path("reason").asText()).contains("token is invalid");
            });
  }

  @Test
  void theBrowserSignsInThroughTheProvidersCodeFlow() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> signInPage = browser.get(app("/login"));
    assertThat(signInPage.statusCode()).isEqualTo(200);
    assertThat(signInPage.body()).contains("/oauth2/authorization/" + PROVIDER, CLIENT_NAME);

    String username = "sso-browser-" + suffix;
    URI callback =
        browser.authorizeAtProvider(
            claims(username)
                .claim("cn", "银川市审核员")
                .claim("dept_code", "640100")
                .claim("groups", List.of("ZF-SHENHE")));
    String sessionBefore = browser.cookie(SESSION_COOKIE);

    HttpResponse<String> signedIn = browser.get(callback);

    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath())
        .isEqualTo("/");
    assertThat(browser.cookie(SESSION_COOKIE))
        .as("a new session id at sign-in")
        .isNotNull()
        .isNotEqualTo(sessionBefore);
    HttpResponse<String> me = browser.getJson(app("/api/me"));
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode user = JSON.readTree(me.body());
    assertThat(user.path("username").asText()).isEqualTo(username);
    assertThat(user.path("displayName").asText()).isEqualTo("银川市审核员");
    assertThat(user.path("unitCode").asText()).isEqualTo("640100");
    assertThat(texts(user.path("roles"))).containsExactly("CITY_REVIEWER");
    assertThat(texts(user.path("groups"))).containsExactly("city:640100:reviewer");
    assertThat(user.path("singleSignOn").asBoolean()).isTrue();

    JsonNode signIns =
        admin.getForObject("/api/audit?actor=" + username + "&action=sign-in", JsonNode.class);
    assertThat(signIns.path("total").asLong()).isEqualTo(1);
    assertThat(signIns.at("/items/0/outcome").asText()).isEqualTo("DONE");
    assertThat(signIns.at("/items/0/actorUnit").asText()).isEqualTo("640100");
  }

  @Test
  void aBrowserSignInTheApplicationCannotAcceptEndsOnTheSignInPageAndIsAudited() throws Exception {
    Browser unknownUnit = new Browser();
    URI lost =
        unknownUnit.authorizeAtProvider(
            claims("sso-lost-" + suffix)
                .claim("dept_code", "649999")
                .claim("groups", List.of("COUNTY_OFFICER")));
    assertRefusedSignIn(unknownUnit, lost, "unknown unit 649999 for sso-lost-" + suffix);

    Browser replayed = new Browser();
    URI callback = replayed.authorizeAtProvider(officerClaims("sso-replay-" + suffix));
    ISSUER.signNextWithNonce("a-nonce-of-another-sign-in");
    assertRefusedSignIn(replayed, callback, "invalid_nonce");

    Browser forged = new Browser();
    URI genuine = forged.authorizeAtProvider(officerClaims("sso-forged-" + suffix));
    URI forgedState =
        app(
            "/login/oauth2/code/"
                + PROVIDER
                + "?code="
                + query(genuine).get("code")
                + "&state=forged-"
                + suffix);
    assertRefusedSignIn(forged, forgedState, "authorization_request_not_found");
  }

  @Test
  void anAdminsChangeToTheLocalUserHoldsAtOnceInItsProviderSession() throws Exception {
    String username = "sso-session-" + suffix;
    createUser(username, "640104", "CONTRACTOR");
    Browser browser = new Browser();
    assertThat(browser.get(browser.authorizeAtProvider(claims(username))).statusCode())
        .isEqualTo(302);
    JsonNode before = JSON.readTree(browser.getJson(app("/api/me")).body());
    assertThat(texts(before.path("groups"))).containsExactly("county:640104:contractor");

    HttpResponse<String> changed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(app("/api/users/" + username))
                    .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString(
                            "{\"unitCode\":\"640522\",\"roles\":[\"COUNTY_OFFICER\"]}"))
                    .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD)
                                        .getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(changed.statusCode()).isEqualTo(200);

    JsonNode after = JSON.readTree(browser.getJson(app("/api/me")).body());
    assertThat(after.path("unitCode").asText()).isEqualTo("640522");
    assertThat(texts(after.path("roles"))).containsExactly("COUNTY_OFFICER");
    assertThat(texts(after.path("groups"))).containsExactly("county:640522:officer");

    assertThat(
            admin
                .postForEntity("/api/users/" + username + "/disable", null, JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(browser.getJson(app("/api/me")).statusCode()).isEqualTo(401);
  }

  /**
   * The callback ends on the sign-in page, which says the provider's sign-in was not accepted, the
   * browser is not signed in, and the refusal is audited once, with its reason.
   */
  private void assertRefusedSignIn(Browser browser, URI callback, String reason)
      throws IOException, InterruptedException {
    long before = singleSignOnRefusals().path("total").asLong();

    HttpResponse<String> refused = browser.get(callback);

    assertThat(refused.statusCode()).as(reason).isEqualTo(302);
    URI page = URI.create(refused.headers().firstValue("Location").orElseThrow());
    assertThat(page.getPath()).as(reason).isEqualTo("/login");
    assertThat(browser.get(app(page.getRawPath() + "?" + page.getRawQuery())).body())
        .as(reason)
        .contains("统一身份认证登录未被本系统接受");
    assertThat(browser.getJson(app("/api/me")).statusCode()).as(reason).isEqualTo(401);
    // Counted rather than searched for: no other test of this class refuses a browser sign-in.
    JsonNode after = singleSignOnRefusals();
    assertThat(after.path("total").asLong()).as(reason).isEqualTo(before + 1);
    assertThat(after.at("/items/0/reason").asText()).contains(reason);
    assertThat(after.at("/items/0/path").asText()).isEqualTo("/login/oauth2/code/" + PROVIDER);
  }

  private JsonNode singleSignOnRefusals() {
    return admin.getForObject(
        "/api/audit?action=sign-in&objectType=single-sign-on&outcome=REFUSED&size=1",
        JsonNode.class);
  }

  private static JWTClaimsSet.Builder claims(String username) {
    return new JWTClaimsSet.Builder().subject("stub-" + username).claim("uid", username);
  }

  private static JWTClaimsSet.Builder officerClaims(String username) {
    return claims(username).claim("dept_code", "640104").claim("groups", List.of("COUNTY_OFFICER"));
  }

  private String probePath(String kind) {
    return "/api/spots/PROBE-" + suffix + "-" + kind;
  }

  private ResponseEntity<JsonNode> get(String path, String bearer) {
    return anonymous.exchange(
        RequestEntity.get(path)
            .headers(headers -> headers.setBearerAuth(bearer))
            .accept(MediaType.APPLICATION_JSON)
            .build(),
        JsonNode.class);
  }

  private static void assertProblem(ResponseEntity<JsonNode> response, String why) {
    assertThat(
            response
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .as(why)
        .isTrue();
    assertThat(response.getBody().path("status").asInt()).as(why).isEqualTo(401);
    assertThat(response.getBody().path("detail").asText()).as(why).isNotBlank();
  }

  private void createUser(String username, String unit, String role) {
    Map<String, Object> user =
        Map.of(
            "username",
            username,
            "displayName",
            "本地 " + username,
            "unitCode",
            unit,
            "roles",
            List.of(role));
    assertThat(admin.postForEntity("/api/users", user, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  private void uploadSpots(Map<String, String> regionByCode) {
    List<Feature> features = new ArrayList<>();
    regionByCode.forEach(
        (code, region) -> {
          NingxiaCounty county = NingxiaCounty.byCode(region);
          double lon = (county.minLon() + county.maxLon()) / 2 + features.size() * 0.001;
          double lat = (county.minLat() + county.maxLat()) / 2;
          features.add(
              KnownShapes.spot(
                  features.size(), code, county, KnownShapes.square(ZONE_35, lon, lat, 50)));
        });
    byte[] batch = new GeoJsonWriter(Cgcs2000Crs.geographic()).write(features.iterator());
    assertThat(
            Uploads.post(admin, "/api/batches", "sso-" + suffix + ".geojson", batch)
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  private URI app(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static Map<String, String> query(URI uri) {
    return form(uri.getRawQuery());
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        parameters.put(
            URLDecoder.decode(
                equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
            equals < 0
                ? ""
                : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }

  /**
   * A browser without a cookie store: java.net drops the Secure session cookie over http, so the
   * cookies are kept here by hand, and redirects are followed by the test, one step at a time.
   */
  private final class Browser {

    private final HttpClient http =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
      return send(uri, "text/html");
    }

    HttpResponse<String> getJson(URI uri) throws IOException, InterruptedException {
      return send(uri, MediaType.APPLICATION_JSON_VALUE);
    }

    String cookie(String name) {
      return cookies.get(name);
    }

    /**
     * Starts the sign-in at the application, checks the authorization request it sends the browser
     * to, and lets the provider sign the user in with the given claims: answers the application's
     * callback the provider redirects to.
     */
    URI authorizeAtProvider(JWTClaimsSet.Builder user) throws IOException, InterruptedException {
      HttpResponse<String> start = get(app("/oauth2/authorization/" + PROVIDER));
      assertThat(start.statusCode()).isEqualTo(302);
      assertThat(cookies).containsKey(SESSION_COOKIE);
      URI authorization = URI.create(start.headers().firstValue("Location").orElseThrow());
      assertThat(authorization.toString()).startsWith(ISSUER.issuer() + "/protocol/auth?");
      Map<String, String> request = query(authorization);
      assertThat(request)
          .containsEntry("response_type", "code")
          .containsEntry("client_id", CLIENT_ID)
          .containsEntry("scope", "openid")
          .containsEntry("redirect_uri", app("/login/oauth2/code/" + PROVIDER).toString());
      assertThat(request.get("state")).isNotBlank();
      assertThat(request.get("nonce")).isNotBlank();

      ISSUER.signInNext(user);
      HttpResponse<String> approved = get(authorization);
      assertThat(approved.statusCode()).isEqualTo(302);
      URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
      assertThat(query(callback)).containsEntry("state", request.get("state"));
      return callback;
    }

    private HttpResponse<String> send(URI uri, String accept)
        throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", accept);
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            String.join(
                "; ",
                cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return response;
    }
  }

  /**
   * The identity provider, as far as the application talks to it: discovery, its key set, an
   * authorization endpoint that signs in whoever the test names next, and a token endpoint that
   * exchanges the code for an ID token bound to the authorization request's nonce.
   */
  private static final class StubIssuer {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final RSAKey key;
    private final String issuer;
    private final AtomicReference<JWTClaimsSet.Builder> nextUser = new AtomicReference<>();
    private final AtomicReference<String> nextNonce = new AtomicReference<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    private record Grant(JWTClaimsSet.Builder user, String nonce, String redirectUri) {}

    private StubIssuer() throws IOException, JOSEException {
      key =
          new RSAKeyGenerator(2048)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/ningxia";
      server.setExecutor(threads);
      server.createContext("/", this::handle);
      server.start();
    }

    static StubIssuer start() {
      try {
        return new StubIssuer();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }

    void stop() {
      server.stop(0);
      threads.shutdownNow();
    }

    String issuer() {
      return issuer;
    }

    RSAKey key() {
      return key;
    }

    /** An access token of this issuer, valid for five minutes. */
    String accessToken(JWTClaimsSet.Builder claims) {
      Instant now = Instant.now();
      try {
        return sign(
            claims
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build(),
            key);
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }

    String sign(JWTClaimsSet claims, RSAKey signer) throws JOSEException {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(signer.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(signer));
      return jwt.serialize();
    }

    void signInNext(JWTClaimsSet.Builder user) {
      nextUser.set(user);
    }

    /** The next ID token carries this nonce instead of the authorization request's. */
    void signNextWithNonce(String nonce) {
      nextNonce.set(nonce);
    }

    private void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        String base = URI.create(issuer).getPath();
        switch (path.startsWith(base) ? path.substring(base.length()) : path) {
          case "/.well-known/openid-configuration" -> discovery(exchange);
          case "/protocol/certs" -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
          case "/protocol/auth" -> authorize(exchange);
          case "/protocol/token" -> token(exchange);
          default -> answer(exchange, 404, "{\"error\":\"not_found\"}");
        }
      }
    }

    private void discovery(HttpExchange exchange) throws IOException {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("issuer", issuer);
      metadata.put("authorization_endpoint", issuer + "/protocol/auth");
      metadata.put("token_endpoint", issuer + "/protocol/token");
      metadata.put("jwks_uri", issuer + "/protocol/certs");
      metadata.put("response_types_supported", List.of("code"));
      metadata.put("subject_types_supported", List.of("public"));
      metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
      metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
      metadata.put("grant_types_supported", List.of("authorization_code"));
      metadata.put("scopes_supported", List.of("openid"));
      answer(exchange, 200, JSON.writeValueAsString(metadata));
    }

    /** Signs in the user the test named and sends the browser back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
      Map<String, String> request = query(exchange.getRequestURI());
      JWTClaimsSet.Builder user = nextUser.getAndSet(null);
      if (user == null || !CLIENT_ID.equals(request.get("client_id"))) {
        answer(exchange, 400, "{\"error\":\"invalid_request\"}");
        return;
      }
      String code = UUID.randomUUID().toString();
      grants.put(code, new Grant(user, request.get("nonce"), request.get("redirect_uri")));
      exchange
          .getResponseHeaders()
          .add(
              "Location",
              request.get("redirect_uri")
                  + "?code="
                  + code
                  + "&state="
                  + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(302, -1);
    }

    /** The code, once, for the client that authenticates with its secret. */
    private void token(HttpExchange exchange) throws IOException {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> form = form(body);
      String expectedClient =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
      Grant grant = grants.remove(form.getOrDefault("code", ""));
      if (!"POST".equals(exchange.getRequestMethod())
          || !expectedClient.equals(exchange.getRequestHeaders().getFirst("Authorization"))
          || !"authorization_code".equals(form.get("grant_type"))
          || grant == null
          || !grant.redirectUri().equals(form.get("redirect_uri"))) {
        answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
        return;
      }
      String nonce = nextNonce.getAndSet(null);
      Instant now = Instant.now();
      String idToken;
      try {
        idToken =
            sign(
                grant
                    .user()
                    .issuer(issuer)
                    .audience(CLIENT_ID)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                    .claim("nonce", nonce != null ? nonce : grant.nonce())
                    .build(),
                key);
      } catch (JOSEException e) {
        answer(exchange, 500, "{\"error\":\"server_error\"}");
        return;
      }
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("access_token", UUID.randomUUID().toString());
      answer.put("token_type", "Bearer");
      answer.put("expires_in", 300);
      answer.put("scope", "openid");
      answer.put("id_token", idToken);
      answer(exchange, 200, JSON.writeValueAsString(answer));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }
}
