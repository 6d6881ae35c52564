package landwatch.user;

import java.util.List;

/** {@code GET /api/me}: who I am, where, and what I may do. */
public record Me(
    String username,
    String displayName,
    String unitCode,
    String unitName,
    String unitLevel,
    List<Role> roles,
    List<String> groups,
    boolean singleSignOn) {

  static Me of(SignedInUser user) {
    return new Me(
        user.username(),
        user.displayName(),
        user.unitCode(),
        user.unit().name(),
        user.unit().level().name(),
        user.roles(),
        user.groups(),
        user.singleSignOn());
  }
}
