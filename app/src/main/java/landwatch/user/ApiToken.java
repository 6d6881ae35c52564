package landwatch.user;

import java.time.OffsetDateTime;

/** A bearer token as its owner sees it; the token itself is only in {@link IssuedToken}. */
public record ApiToken(
    long id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt, boolean revoked) {}
