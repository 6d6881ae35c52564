package landwatch.user;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import landwatch.region.Region;
import landwatch.region.RegionService;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;

/**
 * Maps the identity provider's claims (an ID token at login, a JWT on the API) to a user of ours:
 * the unit and roles come from the configured claims ({@code landwatch.security.oidc}), or, when
 * the provider sends none, from a user an admin created under the same name. A local user an admin
 * disabled stays disabled, whatever the provider says.
 */
@Component
class SingleSignOnUsers {

  private final SecurityProperties.Oidc settings;
  private final RegionService regions;
  private final UserStore store;
  private final UserAccounts accounts;

  SingleSignOnUsers(
      SecurityProperties properties,
      RegionService regions,
      UserStore store,
      UserAccounts accounts) {
    this.settings = properties.oidc();
    this.regions = regions;
    this.store = store;
    this.accounts = accounts;
  }

  SignedInUser fromClaims(Map<String, Object> claims) {
    String claimed = text(claims.get(settings.usernameClaim()));
    String username = claimed != null ? claimed : text(claims.get("sub"));
    if (username == null) {
      throw new ClaimsRefused("the identity provider named no user");
    }
    Optional<UserStore.StoredUser> local = store.find(username);
    if (local.isPresent() && !local.get().account().enabled()) {
      throw new DisabledException("user " + username + " is disabled here");
    }
    String unitCode = text(claims.get(settings.unitClaim()));
    List<String> roleNames = names(claims.get(settings.rolesClaim()));
    if (unitCode == null && roleNames.isEmpty()) {
      return local
          .map(accounts::signedIn)
          .filter(SingleSignOnUsers::notAnAdministrator)
          .map(SingleSignOnUsers::asSingleSignOn)
          .orElseThrow(
              () ->
                  new ClaimsRefused(
                      "the identity provider gave "
                          + username
                          + " neither unit nor roles, and no user of that name exists here (or it is"
                          + " an administrator, who signs in with a password)"));
    }
    if (unitCode == null || !regions.exists(unitCode)) {
      throw new ClaimsRefused("unknown unit " + unitCode + " for " + username);
    }
    Region unit = regions.get(unitCode);
    List<Role> roles = roles(roleNames, unit, username);
    String displayName = text(claims.get(settings.displayNameClaim()));
    return new SignedInUser(
        username,
        displayName == null ? username : displayName,
        unit,
        roles,
        null,
        null,
        true,
        false,
        true);
  }

  private List<Role> roles(List<String> names, Region unit, String username) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      Role role = settings.roleMapping().get(name);
      if (role == null) {
        role =
            Arrays.stream(Role.values())
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElse(null);
      }
      if (role != null) {
        roles.add(role);
      }
    }
    if (roles.contains(Role.ADMIN)) {
      throw new ClaimsRefused(
          "administrators sign in with their own password, not through "
              + username
              + "'s provider account");
    }
    boolean judgesItself = regions.isCountyLevel(unit.code());
    if (roles.isEmpty() || roles.stream().anyMatch(role -> !role.fits(unit, judgesItself))) {
      throw new ClaimsRefused(
          "roles " + names + " of " + username + " do not fit unit " + unit.code());
    }
    return List.copyOf(roles);
  }

  /**
   * The provider's names are not ours to trust with the keys of the system: a provider account
   * named like an admin here must not become one.
   */
  private static boolean notAnAdministrator(SignedInUser user) {
    return !user.roles().contains(Role.ADMIN);
  }

  private static SignedInUser asSingleSignOn(SignedInUser user) {
    return new SignedInUser(
        user.username(),
        user.displayName(),
        user.unit(),
        user.roles(),
        null,
        null,
        true,
        false,
        true);
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static List<String> names(Object value) {
    List<String> names = new ArrayList<>();
    if (value instanceof Collection<?> many) {
      many.forEach(item -> names.addAll(names(item)));
    } else if (value != null) {
      for (String part : value.toString().split("[\\s,]+")) {
        if (!part.isEmpty()) {
          names.add(part);
        }
      }
    }
    return names;
  }
}
