package landwatch.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Users in PostgreSQL. */
@Repository
class UserStore {

  private static final String COLUMNS =
      "id, username, display_name, unit_code, roles, password_hash, password_changed_at, enabled,"
          + " failed_sign_ins, locked_until, created_at, updated_at";

  private final JdbcTemplate jdbc;

  UserStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored user with what sign-in needs. */
  record StoredUser(long id, UserAccount account, String passwordHash, Instant passwordChangedAt) {}

  Optional<StoredUser> find(String username) {
    return select(username, "");
  }

  /** For an update: the row stays locked until the transaction ends. */
  Optional<StoredUser> findForUpdate(String username) {
    return select(username, " FOR UPDATE");
  }

  private Optional<StoredUser> select(String username, String lock) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM app_user WHERE username = ?" + lock,
            (rs, row) -> stored(rs),
            username)
        .stream()
        .findFirst();
  }

  List<UserAccount> search(String unitCode, Role role, Boolean enabled, int page, int size) {
    List<Object> arguments = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM app_user WHERE TRUE");
    if (unitCode != null) {
      sql.append(" AND unit_code = ?");
      arguments.add(unitCode);
    }
    if (role != null) {
      sql.append(" AND ? = ANY (roles)");
      arguments.add(role.name());
    }
    if (enabled != null) {
      sql.append(" AND enabled = ?");
      arguments.add(enabled);
    }
    sql.append(" ORDER BY username LIMIT ? OFFSET ?");
    arguments.add(size);
    arguments.add((long) page * size);
    return jdbc.query(sql.toString(), (rs, row) -> stored(rs).account(), arguments.toArray());
  }

  boolean anyUser() {
    return Boolean.TRUE.equals(
        jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM app_user)", Boolean.class));
  }

  /** Enabled admins other than the one named: a change may not leave the province without one. */
  int otherEnabledAdmins(String username) {
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM app_user WHERE enabled AND 'ADMIN' = ANY (roles) AND username <> ?",
            Integer.class,
            username);
    return count == null ? 0 : count;
  }

  /** Serialises changes that could remove the last admin, across application instances. */
  void lockAdministration() {
    jdbc.queryForObject(
        "SELECT pg_advisory_xact_lock(hashtext('landwatch.user-administration'))::text",
        String.class);
  }

  void insert(String username, String displayName, String unitCode, List<Role> roles, String hash) {
    jdbc.update(
        connection -> {
          var statement =
              connection.prepareStatement(
                  "INSERT INTO app_user (username, display_name, unit_code, roles, password_hash)"
                      + " VALUES (?, ?, ?, ?, ?)");
          statement.setString(1, username);
          statement.setString(2, displayName);
          statement.setString(3, unitCode);
          statement.setArray(4, connection.createArrayOf("text", names(roles)));
          statement.setString(5, hash);
          return statement;
        });
  }

  void updateProfile(String username, String displayName, String unitCode, List<Role> roles) {
    jdbc.update(
        connection -> {
          var statement =
              connection.prepareStatement(
                  "UPDATE app_user SET display_name = ?, unit_code = ?, roles = ?,"
                      + " updated_at = now() WHERE username = ?");
          statement.setString(1, displayName);
          statement.setString(2, unitCode);
          statement.setArray(3, connection.createArrayOf("text", names(roles)));
          statement.setString(4, username);
          return statement;
        });
  }

  void setEnabled(String username, boolean enabled) {
    jdbc.update(
        "UPDATE app_user SET enabled = ?, failed_sign_ins = 0, locked_until = NULL,"
            + " updated_at = now() WHERE username = ?",
        enabled,
        username);
  }

  void setPassword(String username, String hash) {
    jdbc.update(
        "UPDATE app_user SET password_hash = ?, password_changed_at = clock_timestamp(),"
            + " failed_sign_ins = 0, locked_until = NULL, updated_at = now() WHERE username = ?",
        hash,
        username);
  }

  /**
   * Counts a failed sign-in and locks the account once the lock-out's failures are reached in a
   * row; answers the lock's end, if this failure set one.
   */
  Optional<Instant> countFailure(String username, SecurityProperties.SignIn lockOut) {
    int maxFailures = lockOut.maxFailures();
    Instant lockUntil = Instant.now().plus(lockOut.lockDuration());
    return jdbc
        .query(
            "UPDATE app_user SET"
                + " failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= ? THEN 0 ELSE failed_sign_ins + 1 END,"
                + " locked_until = CASE WHEN failed_sign_ins + 1 >= ? THEN ? ELSE locked_until END"
                + " WHERE username = ? RETURNING failed_sign_ins = 0 AS locked",
            (rs, row) -> rs.getBoolean("locked"),
            maxFailures,
            maxFailures,
            Timestamp.from(lockUntil),
            username)
        .stream()
        .findFirst()
        .filter(Boolean::booleanValue)
        .map(locked -> lockUntil);
  }

  /** Revokes every live API token of the user; answers how many. */
  int revokeTokens(String username) {
    return jdbc.update(
        "UPDATE api_token SET revoked_at = now() WHERE revoked_at IS NULL"
            + " AND user_id = (SELECT id FROM app_user WHERE username = ?)",
        username);
  }

  void clearFailures(String username) {
    jdbc.update(
        "UPDATE app_user SET failed_sign_ins = 0 WHERE username = ? AND failed_sign_ins > 0",
        username);
  }

  private static String[] names(List<Role> roles) {
    return roles.stream().map(Role::name).toArray(String[]::new);
  }

  private static StoredUser stored(ResultSet rs) throws SQLException {
    Array roles = rs.getArray("roles");
    return new StoredUser(
        rs.getLong("id"),
        new UserAccount(
            rs.getString("username"),
            rs.getString("display_name"),
            rs.getString("unit_code"),
            Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).toList(),
            rs.getBoolean("enabled"),
            rs.getInt("failed_sign_ins"),
            rs.getObject("locked_until", OffsetDateTime.class),
            rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class)),
        rs.getString("password_hash"),
        rs.getTimestamp("password_changed_at").toInstant());
  }
}
