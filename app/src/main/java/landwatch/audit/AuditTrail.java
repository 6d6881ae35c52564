package landwatch.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit trail. A feature records its own state changes inside the transaction that
 * makes them, with before and after, so the record and the change commit or vanish together; what a
 * request did not record itself is recorded by {@link AuditRequestFilter} when it ends, so that
 * every state-changing request and every refusal leaves exactly one record.
 */
@Service
public class AuditTrail {

  static final String AUDITED = AuditTrail.class.getName() + ".audited";
  static final String REFUSAL = AuditTrail.class.getName() + ".refusal";
  static final String ANONYMOUS = "anonymous";
  static final String SYSTEM = "system";

  private final AuditStore store;

  public AuditTrail(AuditStore store) {
    this.store = store;
  }

  /** Records an entry for whoever is signed in on this thread (or the system, outside requests). */
  public void record(AuditEntry entry) {
    recordAs(SecurityContextHolder.getContext().getAuthentication(), entry);
  }

  /** Records an entry for whoever the authentication names: one just ended by signing out. */
  public void recordAs(Authentication authentication, AuditEntry entry) {
    Optional<HttpServletRequest> request = currentRequest();
    store.append(
        actorOf(authentication, request),
        entry,
        request.map(RequestFacts::of).orElse(RequestFacts.NONE));
    request.ifPresent(AuditTrail::markAuditedOnCommit);
  }

  /**
   * Notes that the current request is being refused for a reason its answer does not tell (an
   * object outside the caller's jurisdiction answers 404, as if it did not exist): the request's
   * record names it.
   */
  public static void refusing(String reason) {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes != null) {
      attributes.setAttribute(REFUSAL, reason, RequestAttributes.SCOPE_REQUEST);
    }
  }

  public static boolean isAudited(HttpServletRequest request) {
    return request.getAttribute(AUDITED) != null;
  }

  /** Records how a request ended, with its status: a refusal before any feature saw it, say. */
  public void recordRequest(
      HttpServletRequest request, Authentication authentication, AuditEntry entry, int status) {
    store.append(
        actorOf(authentication, Optional.of(request)),
        entry,
        RequestFacts.of(request).withStatus(status));
    request.setAttribute(AUDITED, Boolean.TRUE);
  }

  private static void markAuditedOnCommit(HttpServletRequest request) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              request.setAttribute(AUDITED, Boolean.TRUE);
            }
          });
    } else {
      request.setAttribute(AUDITED, Boolean.TRUE);
    }
  }

  private static Optional<HttpServletRequest> currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
        ? Optional.of(servlet.getRequest())
        : Optional.empty();
  }

  static Who actorOf(Authentication authentication, Optional<HttpServletRequest> request) {
    if (authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      return new Who(request.isPresent() ? ANONYMOUS : SYSTEM, null, List.of());
    }
    if (authentication.getPrincipal() instanceof Actor actor) {
      return new Who(actor.username(), actor.unitCode(), actor.roleNames());
    }
    return new Who(authentication.getName(), null, List.of());
  }

  record Who(String name, String unitCode, List<String> roles) {}

  record RequestFacts(String method, String path, Integer status, String remoteAddress) {

    static final RequestFacts NONE = new RequestFacts(null, null, null, null);

    static RequestFacts of(HttpServletRequest request) {
      return new RequestFacts(
          request.getMethod(), request.getRequestURI(), null, request.getRemoteAddr());
    }

    RequestFacts withStatus(int status) {
      return new RequestFacts(method, path, status, remoteAddress);
    }
  }
}
