package landwatch.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * How the sign-in form and sign-out answer: a browser is sent on to a page, the web application
 * (asking for JSON) gets the user or a problem detail and stays where it is.
 */
@Component
class SignInResponses
    implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

  private final SavedRequestAwareAuthenticationSuccessHandler pages =
      new SavedRequestAwareAuthenticationSuccessHandler();
  private final SecurityProblems problems;
  private final AuditTrail audit;
  private final ObjectMapper json;

  SignInResponses(SecurityProblems problems, AuditTrail audit, ObjectMapper json) {
    this.problems = problems;
    this.audit = audit;
    this.json = json;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, jakarta.servlet.ServletException {
    if (wantsJson(request)) {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(
          response.getOutputStream(), Me.of(CurrentUser.of(authentication).orElseThrow()));
      return;
    }
    pages.onAuthenticationSuccess(request, response, authentication);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (failure instanceof OAuth2AuthenticationException refused) {
      audit.record(
          AuditEntry.refused(
              "sign-in",
              "single-sign-on",
              null,
              "统一身份认证登录未被接受 / sign-in through the identity provider refused: "
                  + refused.getError()));
    }
    if (wantsJson(request)) {
      problems.write(
          response,
          HttpStatus.UNAUTHORIZED,
          "Sign-in refused",
          SecurityProblems.SignInMessages.of(failure));
      return;
    }
    String kind =
        failure instanceof OAuth2AuthenticationException
            ? "sso"
            : failure instanceof LockedException
                ? "locked"
                : failure instanceof DisabledException ? "disabled" : "credentials";
    response.sendRedirect(request.getContextPath() + "/login?error=" + kind);
  }

  @Override
  public void onLogoutSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    if (authentication != null) {
      audit.recordAs(authentication, AuditEntry.done("sign-out", "user", authentication.getName()));
    }
    if (wantsJson(request)) {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    response.sendRedirect(request.getContextPath() + "/login?logout");
  }

  private static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null
        && accept.contains(MediaType.APPLICATION_JSON_VALUE)
        && !accept.contains(MediaType.TEXT_HTML_VALUE);
  }
}
