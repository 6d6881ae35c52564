package landwatch.user;

import java.io.Serial;
import java.util.List;
import landwatch.audit.Actor;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A user signed in through the identity provider's login, as the session keeps them. */
final class SsoUser extends DefaultOidcUser implements Actor {

  @Serial private static final long serialVersionUID = 1L;

  private final SignedInUser user;

  SsoUser(OidcUser oidc, SignedInUser user) {
    super(user.getAuthorities(), oidc.getIdToken(), oidc.getUserInfo());
    this.user = user;
  }

  SignedInUser user() {
    return user;
  }

  @Override
  public String getName() {
    return user.username();
  }

  @Override
  public String username() {
    return user.username();
  }

  @Override
  public String unitCode() {
    return user.unitCode();
  }

  @Override
  public List<String> roleNames() {
    return user.roleNames();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SsoUser sso && sso.user.equals(user) && super.equals(other);
  }

  @Override
  public int hashCode() {
    return user.hashCode();
  }
}
