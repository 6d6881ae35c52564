package landwatch.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Closes the audit of a request that passed authorisation: a state-changing request, or one refused
 * for jurisdiction, that its feature did not record itself (a rejected upload rolls its own record
 * back with its changes) is recorded here with its outcome and the problem it answered. Refusals
 * before authorisation are recorded where they are decided ({@code SecurityProblems}).
 *
 * <p>On the engine's API, where the system itself makes thousands of calls an hour and the engine
 * keeps its own record of every command, only refusals are recorded ({@link #refusalsOnly}).
 */
public class AuditRequestFilter extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final AuditTrail trail;
  private final boolean refusalsOnly;

  private AuditRequestFilter(AuditTrail trail, boolean refusalsOnly) {
    this.trail = trail;
    this.refusalsOnly = refusalsOnly;
  }

  public static AuditRequestFilter everyChange(AuditTrail trail) {
    return new AuditRequestFilter(trail, false);
  }

  public static AuditRequestFilter refusalsOnly(AuditTrail trail) {
    return new AuditRequestFilter(trail, true);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      closeAudit(
          request, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.getClass().getSimpleName());
      throw e;
    }
    closeAudit(request, response.getStatus(), null);
  }

  private void closeAudit(HttpServletRequest request, int status, String failure) {
    Object refusal = request.getAttribute(AuditTrail.REFUSAL);
    boolean refused =
        refusal != null
            || status == HttpServletResponse.SC_UNAUTHORIZED
            || status == HttpServletResponse.SC_FORBIDDEN;
    if (AuditTrail.isAudited(request)
        || (refusalsOnly ? !refused : !refused && READS.contains(request.getMethod()))) {
      return;
    }
    Outcome outcome =
        status >= 500
            ? Outcome.FAILED
            : refusal != null || status >= 400 ? Outcome.REFUSED : Outcome.DONE;
    String reason =
        refusal != null ? refusal.toString() : failure != null ? failure : detail(request, status);
    trail.recordRequest(
        request,
        SecurityContextHolder.getContext().getAuthentication(),
        new AuditEntry(action(request), null, null, null, null, outcome, reason),
        status);
  }

  private static String detail(HttpServletRequest request, int status) {
    Object detail = request.getAttribute(ProblemCapture.DETAIL);
    if (detail != null) {
      return detail.toString();
    }
    return status == HttpServletResponse.SC_UNAUTHORIZED
        ? "未通过身份验证 / not authenticated"
        : status == HttpServletResponse.SC_FORBIDDEN ? "无权访问 / forbidden" : null;
  }

  /** The mapping the request was routed to ({@code POST /api/batches}), else its path. */
  private static String action(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
  }
}
