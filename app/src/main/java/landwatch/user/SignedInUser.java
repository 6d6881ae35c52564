package landwatch.user;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import landwatch.audit.Actor;
import landwatch.region.Region;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind a request, however they signed in (password, token, single sign-on): their
 * unit, roles and the candidate groups these give. Kept in the session, so it is serializable and
 * refreshed from the database on every request ({@code SessionUserRefresh}).
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, Actor, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final String username;
  private final String displayName;
  private final Region unit;
  private final List<Role> roles;
  private final boolean enabled;
  private final boolean locked;
  private final boolean singleSignOn;
  private final Instant passwordChangedAt;
  private String passwordHash;

  SignedInUser(
      String username,
      String displayName,
      Region unit,
      List<Role> roles,
      String passwordHash,
      Instant passwordChangedAt,
      boolean enabled,
      boolean locked,
      boolean singleSignOn) {
    this.username = username;
    this.displayName = displayName;
    this.unit = unit;
    this.roles = List.copyOf(roles);
    this.passwordHash = passwordHash;
    this.passwordChangedAt = passwordChangedAt;
    this.enabled = enabled;
    this.locked = locked;
    this.singleSignOn = singleSignOn;
  }

  @Override
  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public Region unit() {
    return unit;
  }

  @Override
  public String unitCode() {
    return unit.code();
  }

  public List<Role> roles() {
    return roles;
  }

  @Override
  public List<String> roleNames() {
    return roles.stream().map(Role::name).toList();
  }

  /** The BPMN candidate groups of the user's tasks. */
  public List<String> groups() {
    return roles.stream().map(role -> role.group(unit)).flatMap(Optional::stream).toList();
  }

  /** When the password this sign-in rests on was set; null for single sign-on. */
  public Instant passwordChangedAt() {
    return passwordChangedAt;
  }

  /** Signed in through the offices' identity provider, not with a password of ours. */
  public boolean singleSignOn() {
    return singleSignOn;
  }

  /** The authentication of a request this user is signed in for, whatever the mechanism. */
  public UsernamePasswordAuthenticationToken authentication() {
    return UsernamePasswordAuthenticationToken.authenticated(this, null, getAuthorities());
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isAccountNonLocked() {
    return !locked;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedInUser user && user.username.equals(username);
  }

  @Override
  public int hashCode() {
    return username.hashCode();
  }

  @Override
  public String toString() {
    return username;
  }
}
