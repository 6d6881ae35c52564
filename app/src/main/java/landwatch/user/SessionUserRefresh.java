package landwatch.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session keeps the user as they were at sign-in; an admin's change must hold at once. So the
 * session's user is read again on every request: disabled (or deleted) or a new password ends the
 * session, a changed unit or role applies to this very request.
 */
final class SessionUserRefresh extends OncePerRequestFilter {

  private final UserAccounts accounts;
  private final SingleSignOnUsers singleSignOn;

  SessionUserRefresh(UserAccounts accounts, SingleSignOnUsers singleSignOn) {
    this.accounts = accounts;
    this.singleSignOn = singleSignOn;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
      Optional<SignedInUser> fresh =
          accounts
              .find(user.username())
              .filter(SignedInUser::isEnabled)
              .filter(current -> !passwordChangedSince(user, current));
      if (fresh.isEmpty()) {
        end(request);
      } else {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(fresh.get().authentication());
        SecurityContextHolder.setContext(context);
      }
    } else if (authentication instanceof OAuth2AuthenticationToken token
        && token.getPrincipal() instanceof SsoUser sso) {
      // The sign-in's claims mapped again: a user taken from a local account follows its changes.
      try {
        SignedInUser fresh = singleSignOn.fromClaims(sso.getClaims());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
            new OAuth2AuthenticationToken(
                new SsoUser(sso, fresh),
                fresh.getAuthorities(),
                token.getAuthorizedClientRegistrationId()));
        SecurityContextHolder.setContext(context);
      } catch (AuthenticationException e) {
        end(request);
      }
    }
    chain.doFilter(request, response);
  }

  /** A session rests on the password it signed in with; a new one ends it. */
  private static boolean passwordChangedSince(SignedInUser signedIn, SignedInUser current) {
    return signedIn.passwordChangedAt() != null
        && current.passwordChangedAt() != null
        && current.passwordChangedAt().isAfter(signedIn.passwordChangedAt());
  }

  private static void end(HttpServletRequest request) {
    SecurityContextHolder.clearContext();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
