package landwatch.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import landwatch.engine.SecretFile;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bearer tokens for scripts and API clients, each tied to a user and acting as them, with an
 * expiry. Only a SHA-256 of a token is stored, so the table leaks nothing usable.
 */
@Service
public class ApiTokens {

  static final String PREFIX = "lw_";
  private static final String TOKEN = "api-token";

  private final JdbcTemplate jdbc;
  private final UserStore users;
  private final UserAccounts accounts;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final SecurityProperties.Tokens settings;

  ApiTokens(
      JdbcTemplate jdbc,
      UserStore users,
      UserAccounts accounts,
      AuditTrail audit,
      TransactionTemplate transaction,
      SecurityProperties properties) {
    this.jdbc = jdbc;
    this.users = users;
    this.accounts = accounts;
    this.audit = audit;
    this.transaction = transaction;
    this.settings = properties.tokens();
  }

  public IssuedToken issue(SignedInUser owner, String name, Integer validDays) {
    if (owner.singleSignOn()) {
      throw new UserProblem(
          HttpStatus.CONFLICT,
          "Single sign-on",
          "统一身份认证用户请使用身份提供方签发的令牌",
          "single sign-on users use the identity provider's tokens");
    }
    if (name == null || name.isBlank() || name.strip().length() > 64) {
      throw UserProblem.invalid("令牌名称须为 1–64 个字符", "a token name has 1–64 characters");
    }
    Duration validity =
        validDays == null ? settings.defaultValidity() : Duration.ofDays(validDays.longValue());
    if (validity.isNegative()
        || validity.isZero()
        || validity.compareTo(settings.maxValidity()) > 0) {
      throw UserProblem.invalid(
          "有效期须为 1–" + settings.maxValidity().toDays() + " 天",
          "a token is valid for 1–" + settings.maxValidity().toDays() + " days");
    }
    String value = PREFIX + SecretFile.generate();
    Instant expires = Instant.now().plus(validity);
    return transaction.execute(
        status -> {
          long userId =
              users
                  .find(owner.username())
                  .map(UserStore.StoredUser::id)
                  .orElseThrow(() -> UserProblem.notFound(owner.username()));
          ApiToken token =
              jdbc.queryForObject(
                  "INSERT INTO api_token (user_id, name, token_hash, expires_at) VALUES (?, ?, ?, ?)"
                      + " RETURNING id, name, created_at, expires_at, revoked_at",
                  (rs, row) -> token(rs),
                  userId,
                  name.strip(),
                  hash(value),
                  Timestamp.from(expires));
          audit.record(
              AuditEntry.done("api-token.issue", TOKEN, String.valueOf(token.id())).after(token));
          return new IssuedToken(token, value);
        });
  }

  public List<ApiToken> of(SignedInUser owner) {
    return jdbc.query(
        "SELECT t.id, t.name, t.created_at, t.expires_at, t.revoked_at FROM api_token t"
            + " JOIN app_user u ON u.id = t.user_id WHERE u.username = ? ORDER BY t.id",
        (rs, row) -> token(rs),
        owner.username());
  }

  /** Revokes one of the owner's tokens; another user's token is as unknown as a missing one. */
  public ApiToken revoke(SignedInUser owner, long id) {
    return transaction.execute(
        status -> {
          ApiToken revoked =
              jdbc
                  .query(
                      "UPDATE api_token t SET revoked_at = coalesce(t.revoked_at, now())"
                          + " FROM app_user u WHERE u.id = t.user_id AND u.username = ? AND t.id = ?"
                          + " RETURNING t.id, t.name, t.created_at, t.expires_at, t.revoked_at",
                      (rs, row) -> token(rs),
                      owner.username(),
                      id)
                  .stream()
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new UserProblem(
                              HttpStatus.NOT_FOUND,
                              "Unknown token",
                              "令牌 " + id + " 不存在",
                              "no token " + id));
          audit.record(
              AuditEntry.done("api-token.revoke", TOKEN, String.valueOf(id))
                  .after(Map.of("revoked", true)));
          return revoked;
        });
  }

  /** The user a presented token acts as, if it is ours, unexpired and not revoked. */
  Optional<SignedInUser> authenticate(String value) {
    if (!isOurs(value)) {
      return Optional.empty();
    }
    return jdbc
        .queryForList(
            "SELECT u.username FROM api_token t JOIN app_user u ON u.id = t.user_id"
                + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > now()",
            String.class,
            hash(value))
        .stream()
        .findFirst()
        .flatMap(accounts::find);
  }

  static boolean isOurs(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    return new ApiToken(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("expires_at", OffsetDateTime.class),
        rs.getTimestamp("revoked_at") != null);
  }

  private static byte[] hash(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
