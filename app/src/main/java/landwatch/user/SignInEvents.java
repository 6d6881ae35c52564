package landwatch.user;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Sign-in outcomes: a refused sign-in is audited and counts towards the lock-out of the account; an
 * interactive sign-in is audited; a successful sign-in ends the run of failures (a bearer token
 * does not count as one: {@code BearerTokens}).
 */
@Component
class SignInEvents {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  private final UserStore store;
  private final AuditTrail audit;
  private final SecurityProperties.SignIn settings;

  SignInEvents(UserStore store, AuditTrail audit, SecurityProperties properties) {
    this.store = store;
    this.audit = audit;
    this.settings = properties.signIn();
  }

  @EventListener
  void refused(AbstractAuthenticationFailureEvent event) {
    Authentication attempt = event.getAuthentication();
    if (attempt instanceof OAuth2LoginAuthenticationToken) {
      // Audited by SignInResponses, which also sees the refusals decided before any provider ran
      // (an unknown state); its events would record it twice, the second time as the
      // application-wide manager's "no provider for this".
      return;
    }
    String reason = SecurityProblems.SignInMessages.of(event.getException());
    if (attempt instanceof BearerTokenAuthenticationToken) {
      audit.record(AuditEntry.refused("sign-in", "bearer-token", null, reason));
      return;
    }
    String username = attempt.getName();
    if (event.getException() instanceof BadCredentialsException) {
      Optional<Instant> lockedUntil = store.countFailure(username, settings);
      if (lockedUntil.isPresent()) {
        reason +=
            "；连续失败 "
                + settings.maxFailures()
                + " 次，账户锁定至 "
                + TIME.format(lockedUntil.get())
                + " / locked after "
                + settings.maxFailures()
                + " failures until "
                + lockedUntil.get();
      }
    }
    // The caller is not signed in: the name they typed is what they tried, not who they are.
    audit.record(AuditEntry.refused("sign-in", "user", username, reason));
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    store.clearFailures(event.getAuthentication().getName());
  }

  @EventListener
  void signedIn(InteractiveAuthenticationSuccessEvent event) {
    String username = event.getAuthentication().getName();
    audit.record(AuditEntry.done("sign-in", "user", username));
  }
}
