package landwatch.user;

import java.util.List;

/** {@code POST /api/users}; without a password one is generated and answered once. */
public record NewUser(
    String username, String displayName, String unitCode, List<Role> roles, String password) {}
