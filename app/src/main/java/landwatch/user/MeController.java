package landwatch.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account: who they are, their password, their API tokens. */
@RestController
class MeController {

  private final UserAdministration users;
  private final UserAccounts accounts;
  private final ApiTokens tokens;

  MeController(UserAdministration users, UserAccounts accounts, ApiTokens tokens) {
    this.users = users;
    this.accounts = accounts;
    this.tokens = tokens;
  }

  @GetMapping("/api/me")
  Me me() {
    return Me.of(CurrentUser.get());
  }

  /** {@code {"currentPassword": "…", "newPassword": "…"}}. */
  @PostMapping("/api/me/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void changePassword(@RequestBody Map<String, String> body, HttpServletRequest request) {
    SignedInUser user = CurrentUser.get();
    users.changeOwnPassword(user, body.get("currentPassword"), body.get("newPassword"));
    // The new password ends every session resting on the old one, except the one that set it.
    HttpSession session = request.getSession(false);
    if (session != null) {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(accounts.find(user.username()).orElseThrow().authentication());
      session.setAttribute(
          HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
  }

  @GetMapping("/api/tokens")
  List<ApiToken> tokens() {
    return tokens.of(CurrentUser.get());
  }

  /** {@code {"name": "…", "validDays": n}}: the token is in the answer, and never again. */
  @PostMapping("/api/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  IssuedToken issue(@RequestBody Map<String, Object> body, HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      // Else a stolen token could renew itself for ever.
      throw new UserProblem(
          HttpStatus.FORBIDDEN,
          "Token cannot issue tokens",
          "不能以令牌签发新令牌，请以密码登录后签发",
          "a token cannot issue tokens: sign in with the password to issue one");
    }
    Object days = body.get("validDays");
    if (days != null && !(days instanceof Integer)) {
      throw UserProblem.invalid("有效期天数须为整数", "validDays must be a whole number");
    }
    Object name = body.get("name");
    return tokens.issue(CurrentUser.get(), name == null ? null : name.toString(), (Integer) days);
  }

  @DeleteMapping("/api/tokens/{id}")
  ApiToken revoke(@PathVariable long id) {
    return tokens.revoke(CurrentUser.get(), id);
  }
}
