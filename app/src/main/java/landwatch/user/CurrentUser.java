package landwatch.user;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of this request, however they signed in. */
public final class CurrentUser {

  private CurrentUser() {}

  public static Optional<SignedInUser> find() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  /**
   * The user of this request; only called behind a rule that demands sign-in, so its absence is a
   * wiring fault, not the caller's.
   */
  public static SignedInUser get() {
    return find()
        .orElseThrow(() -> new IllegalStateException("no signed-in user behind a signed-in rule"));
  }

  static Optional<SignedInUser> of(Authentication authentication) {
    if (authentication == null) {
      return Optional.empty();
    }
    if (authentication.getPrincipal() instanceof SignedInUser user) {
      return Optional.of(user);
    }
    if (authentication.getPrincipal() instanceof SsoUser sso) {
      return Optional.of(sso.user());
    }
    return Optional.empty();
  }
}
