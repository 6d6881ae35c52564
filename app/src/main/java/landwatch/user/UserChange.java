package landwatch.user;

import java.util.List;

/** {@code PATCH /api/users/{username}}: what is given changes, what is null stays. */
public record UserChange(String displayName, String unitCode, List<Role> roles) {}
