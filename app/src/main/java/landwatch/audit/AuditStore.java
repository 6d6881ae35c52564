package landwatch.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The audit trail in PostgreSQL, where triggers keep it append-only. */
@Repository
public class AuditStore {

  private static final int MAX_TEXT = 2000;

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public AuditStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void append(AuditTrail.Who who, AuditEntry entry, AuditTrail.RequestFacts request) {
    jdbc.update(
        connection -> {
          var statement =
              connection.prepareStatement(
                  "INSERT INTO audit_event (actor, actor_unit, actor_roles, action, object_type,"
                      + " object_id, before_state, after_state, outcome, reason, http_method,"
                      + " request_path, http_status, remote_address)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)");
          statement.setString(1, clip(who.name(), 64));
          statement.setString(2, who.unitCode());
          statement.setArray(3, connection.createArrayOf("text", who.roles().toArray()));
          statement.setString(4, clip(entry.action(), 64));
          statement.setString(5, clip(entry.objectType(), 32));
          statement.setString(6, clip(entry.objectId(), MAX_TEXT));
          statement.setString(7, write(entry.before()));
          statement.setString(8, write(entry.after()));
          statement.setString(9, entry.outcome().name());
          statement.setString(10, clip(entry.reason(), MAX_TEXT));
          statement.setString(11, request.method());
          statement.setString(12, clip(request.path(), MAX_TEXT));
          statement.setObject(13, request.status());
          statement.setString(14, clip(request.remoteAddress(), 64));
          return statement;
        });
  }

  /** One page of records matching the query, newest first, and how many match in all. */
  public AuditPage search(AuditQuery query) {
    List<Object> arguments = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    condition(where, arguments, "actor = ?", query.actor());
    condition(where, arguments, "actor_unit = ?", query.unit());
    condition(where, arguments, "action = ?", query.action());
    condition(where, arguments, "object_type = ?", query.objectType());
    condition(where, arguments, "object_id = ?", query.objectId());
    condition(
        where, arguments, "outcome = ?", query.outcome() == null ? null : query.outcome().name());
    condition(where, arguments, "occurred_at >= ?", timestamp(query.from()));
    condition(where, arguments, "occurred_at < ?", timestamp(query.to()));
    Long total =
        jdbc.queryForObject(
            "SELECT count(*) FROM audit_event" + where, Long.class, arguments.toArray());
    List<Object> paged = new ArrayList<>(arguments);
    paged.add(query.size());
    paged.add((long) query.page() * query.size());
    List<AuditEvent> items =
        jdbc.query(
            "SELECT * FROM audit_event" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
            (rs, row) -> event(rs),
            paged.toArray());
    return new AuditPage(items, query.page(), query.size(), total == null ? 0 : total);
  }

  private static void condition(
      StringBuilder where, List<Object> arguments, String clause, Object value) {
    if (value != null) {
      where.append(" AND ").append(clause);
      arguments.add(value);
    }
  }

  private static Timestamp timestamp(OffsetDateTime time) {
    return time == null ? null : Timestamp.from(time.toInstant());
  }

  private AuditEvent event(ResultSet rs) throws SQLException {
    Array roles = rs.getArray("actor_roles");
    return new AuditEvent(
        rs.getLong("id"),
        rs.getObject("occurred_at", OffsetDateTime.class),
        rs.getString("actor"),
        rs.getString("actor_unit"),
        roles == null ? List.of() : Arrays.asList((String[]) roles.getArray()),
        rs.getString("action"),
        rs.getString("object_type"),
        rs.getString("object_id"),
        read(rs.getString("before_state")),
        read(rs.getString("after_state")),
        Outcome.valueOf(rs.getString("outcome")),
        rs.getString("reason"),
        rs.getString("http_method"),
        rs.getString("request_path"),
        (Integer) rs.getObject("http_status"),
        rs.getString("remote_address"));
  }

  private static String clip(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }

  private String write(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private JsonNode read(String value) {
    if (value == null) {
      return null;
    }
    try {
      return json.readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored audit state is unreadable", e);
    }
  }
}
