package landwatch.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * The answers of refused requests, in Chinese and English, each audited: 401 for a caller who is
 * not signed in (a browser's page visit goes to the sign-in page instead), 403 for a role or CSRF
 * refusal. No Basic challenge is sent, so browsers never offer to keep a password themselves.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final AuditTrail audit;
  private final ObjectMapper json;

  SecurityProblems(AuditTrail audit, ObjectMapper json) {
    this.audit = audit;
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (isPageVisit(request)) {
      response.sendRedirect(request.getContextPath() + "/login");
      return;
    }
    String detail = SignInMessages.of(failure);
    refuse(request, HttpStatus.UNAUTHORIZED, detail);
    response.setHeader("WWW-Authenticate", "Bearer realm=\"landwatch\"");
    write(response, HttpStatus.UNAUTHORIZED, "Not signed in", detail);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    String detail =
        denied instanceof CsrfException
            ? "请求缺少有效的 CSRF 令牌，请刷新页面后重试 / the request lacks a valid CSRF token;"
                + " reload the page and try again"
            : "无权执行此操作 / your role does not allow this";
    refuse(request, HttpStatus.FORBIDDEN, detail);
    write(response, HttpStatus.FORBIDDEN, "Forbidden", detail);
  }

  void write(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }

  private void refuse(HttpServletRequest request, HttpStatus status, String detail) {
    if (!AuditTrail.isAudited(request)) {
      audit.recordRequest(
          request,
          SecurityContextHolder.getContext().getAuthentication(),
          AuditEntry.refused(
              request.getMethod() + " " + request.getRequestURI(), null, null, detail),
          status.value());
    }
  }

  /** A browser navigating to a page, not a script or the web application calling the API. */
  static boolean isPageVisit(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String accept = request.getHeader("Accept");
    return "GET".equals(request.getMethod())
        && accept != null
        && accept.contains(MediaType.TEXT_HTML_VALUE)
        && !path.startsWith("/api/")
        && !path.startsWith("/actuator/")
        && !path.startsWith("/v2/");
  }

  /** What a refused sign-in tells the person, without saying whether the user exists. */
  static final class SignInMessages {

    private SignInMessages() {}

    static String of(AuthenticationException failure) {
      if (failure instanceof LockedException) {
        return "多次登录失败，账户已临时锁定，请稍后再试 / the account is locked after repeated failed"
            + " sign-ins; try again later";
      }
      if (failure instanceof DisabledException) {
        return "账户已停用，请联系系统管理员 / the account is disabled; ask an administrator";
      }
      if (failure instanceof ClaimsRefused) {
        return "统一身份认证的用户、单位或角色在本系统无效 / the identity provider's user, unit or"
            + " roles are not valid here: "
            + failure.getMessage();
      }
      if (failure instanceof InvalidBearerTokenException) {
        return "令牌无效、已过期或已撤销 / the token is invalid, expired or revoked";
      }
      if (failure instanceof BadCredentialsException) {
        return "用户名或密码错误 / wrong username or password";
      }
      return "请先登录 / sign in first";
    }
  }
}
