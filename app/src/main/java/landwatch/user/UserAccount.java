package landwatch.user;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A user as stored and as admins see it ({@code /api/users}); never the password hash. */
public record UserAccount(
    String username,
    String displayName,
    String unitCode,
    List<Role> roles,
    boolean enabled,
    int failedSignIns,
    OffsetDateTime lockedUntil,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** Locked out by repeated wrong passwords at {@code now}. */
  public boolean isLocked(Instant now) {
    return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
  }
}
