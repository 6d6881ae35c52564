package landwatch.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import landwatch.app.TestUsers;

/**
 * Users for tests that share one application context, so each gets a name of its own (nanoTime
 * suffix), created by the first admin over {@code /api/users}.
 */
public final class Accounts {

  private static final Pattern CSRF_FIELD =
      Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");

  /** What every user created here signs in with. */
  public static final String PASSWORD = "Correct-horse-42";

  private Accounts() {}

  public static Caller admin(int port) {
    return Caller.basic(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
  }

  /** A name no other test uses: {@code prefix-<nanoTime in base 36>}. */
  public static String unique(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime() & Long.MAX_VALUE, 36);
  }

  /** Creates a user with {@link #PASSWORD} and answers their name. */
  public static String create(int port, String prefix, String unit, Role... roles) {
    String username = unique(prefix);
    Caller.Reply created = admin(port).post("/api/users", newUser(username, unit, PASSWORD, roles));
    assertThat(created.status()).as("create %s: %s", username, created).isEqualTo(201);
    return username;
  }

  /** The body of {@code POST /api/users}; {@code password} null for a generated one. */
  public static Map<String, Object> newUser(
      String username, String unit, String password, Role... roles) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", username);
    user.put("displayName", "测试用户 " + username);
    user.put("unitCode", unit);
    user.put("roles", Arrays.stream(roles).map(Role::name).toList());
    if (password != null) {
      user.put("password", password);
    }
    return user;
  }

  public static Caller as(int port, String username) {
    return Caller.basic(port, username, PASSWORD);
  }

  /** A browser signed in through the form with {@link #PASSWORD}, as the web application does. */
  public static Caller signIn(int port, String username) {
    Caller browser = Caller.anonymous(port);
    Caller.Reply signedIn = submitSignIn(browser, username, PASSWORD, Caller.JSON);
    assertThat(signedIn.status()).as("sign-in of %s: %s", username, signedIn).isEqualTo(200);
    return browser;
  }

  /** Opens the sign-in page and submits its form, as a browser ({@code accept}) would. */
  public static Caller.Reply submitSignIn(
      Caller browser, String username, String password, String accept) {
    String token = csrfField(browser.get("/login", "Accept", Caller.HTML));
    return browser.form(
        "/login",
        Map.of("username", username, "password", password, "_csrf", token),
        "Accept",
        accept);
  }

  /** The CSRF token of a page's form. */
  public static String csrfField(Caller.Reply page) {
    Matcher field = CSRF_FIELD.matcher(page.body());
    assertThat(field.find()).as("a _csrf field in %s", page.body()).isTrue();
    return field.group(1);
  }
}
