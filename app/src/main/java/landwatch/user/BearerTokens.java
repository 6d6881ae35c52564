package landwatch.user;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Authenticates {@code Authorization: Bearer}: our own API tokens ({@code lw_…}), and, when a
 * provider is configured ({@code spring.security.oauth2.resourceserver.jwt.*}), its JWTs, whose
 * claims map to a user as at single sign-on.
 */
final class BearerTokens {

  private BearerTokens() {}

  static AuthenticationManager manager(
      ApiTokens tokens,
      JwtDecoder jwtDecoder,
      SingleSignOnUsers singleSignOn,
      AuthenticationEventPublisher events) {
    List<AuthenticationProvider> providers = new ArrayList<>();
    providers.add(new ApiTokenProvider(tokens, jwtDecoder != null));
    if (jwtDecoder != null) {
      JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
      jwt.setJwtAuthenticationConverter(
          token -> singleSignOn.fromClaims(token.getClaims()).authentication());
      providers.add(jwt);
    }
    ProviderManager manager = new ProviderManager(providers);
    manager.setAuthenticationEventPublisher(new FailuresOnly(events));
    return manager;
  }

  /**
   * A refused token is audited like any refused sign-in, but a token accepted proves nothing about
   * the password: its success must not end a run of wrong passwords (a script calling every minute
   * would otherwise lift the lock-out for whoever is guessing).
   */
  private record FailuresOnly(AuthenticationEventPublisher events)
      implements AuthenticationEventPublisher {

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {}

    @Override
    public void publishAuthenticationFailure(
        AuthenticationException exception, Authentication authentication) {
      events.publishAuthenticationFailure(exception, authentication);
    }
  }

  /** Our tokens; anything else is left to the JWT provider, or refused without one. */
  private record ApiTokenProvider(ApiTokens tokens, boolean jwtsAccepted)
      implements AuthenticationProvider {

    @Override
    public Authentication authenticate(Authentication authentication) {
      String value = ((BearerTokenAuthenticationToken) authentication).getToken();
      if (!ApiTokens.isOurs(value)) {
        if (jwtsAccepted) {
          return null;
        }
        throw new InvalidBearerTokenException("not a token of this application");
      }
      SignedInUser user =
          tokens
              .authenticate(value)
              .orElseThrow(() -> new InvalidBearerTokenException("unknown, expired or revoked"));
      if (!user.isEnabled()) {
        throw new DisabledException("the token's user is disabled");
      }
      return user.authentication();
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
  }
}
