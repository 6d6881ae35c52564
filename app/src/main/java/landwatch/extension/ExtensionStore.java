package landwatch.extension;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import landwatch.spot.SpotDeadlineMoves.SpotDeadlines;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The extension tables of V6: applications, their spots, the decisions on them. */
@Repository
class ExtensionStore {

  private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String COLUMNS =
      "a.id, a.county_code, a.city_code, a.status, a.reason, a.requested_due, a.granted_due,"
          + " a.approval_chain, (SELECT count(*) FROM extension_spot es WHERE es.extension_id = a.id),"
          + " a.document_name, a.document_type, a.document_bytes, a.applied_by, a.applied_at,"
          + " a.decided_at, a.extended_at";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  ExtensionStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** What a county applied for, with the stored reference of its written application. */
  record NewApplication(
      String countyCode,
      String cityCode,
      String reason,
      LocalDate requestedDue,
      ApprovalChain chain,
      Map<String, Object> document,
      String documentName,
      String documentType,
      long documentBytes,
      String appliedBy,
      List<SpotDeadlines> spots) {}

  long insert(NewApplication application) {
    long id =
        jdbc.queryForObject(
            "INSERT INTO extension_application (county_code, city_code, reason, requested_due,"
                + " approval_chain, document, document_name, document_type, document_bytes,"
                + " applied_by) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?) RETURNING id",
            Long.class,
            application.countyCode(),
            application.cityCode(),
            application.reason(),
            application.requestedDue(),
            write(application.chain().names()),
            write(application.document()),
            application.documentName(),
            application.documentType(),
            application.documentBytes(),
            application.appliedBy());
    jdbc.batchUpdate(
        "INSERT INTO extension_spot (extension_id, spot_id, county_due_before, province_due_before)"
            + " VALUES (?, ?, ?, ?)",
        application.spots().stream()
            .map(s -> new Object[] {id, s.spotId(), s.countyDue(), s.provinceDue()})
            .toList());
    return id;
  }

  /** The spots among these that an undecided (or approved, not yet applied) application holds. */
  List<String> pendingAmong(List<Long> spotIds) {
    if (spotIds.isEmpty()) {
      return List.of();
    }
    return jdbc.queryForList(
        "SELECT s.monitoring_code FROM extension_spot es JOIN extension_application a"
            + " ON a.id = es.extension_id JOIN spot s ON s.id = es.spot_id"
            + " WHERE es.spot_id = ANY (?) AND (a.status IN ('APPLIED', 'ENDORSED')"
            + " OR (a.status = 'APPROVED' AND a.extended_at IS NULL)) ORDER BY 1",
        String.class,
        (Object) spotIds.toArray(Long[]::new));
  }

  /** The process variables an application's instance starts with. */
  record Unstarted(
      long id,
      String countyCode,
      String cityCode,
      String reason,
      LocalDate requestedDue,
      List<String> approvalChain,
      Map<String, Object> document,
      String appliedBy,
      List<String> spotCodes,
      LocalDate latestCountyDue) {}

  List<Unstarted> unstarted() {
    return jdbc.query(
        "SELECT a.id, a.county_code, a.city_code, a.reason, a.requested_due, a.approval_chain,"
            + " a.document, a.applied_by,"
            + " (SELECT json_agg(s.monitoring_code ORDER BY s.monitoring_code) FROM extension_spot es"
            + "  JOIN spot s ON s.id = es.spot_id WHERE es.extension_id = a.id),"
            + " (SELECT max(es.county_due_before) FROM extension_spot es WHERE es.extension_id = a.id)"
            + " FROM extension_application a WHERE a.started_at IS NULL ORDER BY a.id LIMIT 100",
        (rs, row) ->
            new Unstarted(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, LocalDate.class),
                read(rs.getString(6), TEXTS),
                read(rs.getString(7), MAP),
                rs.getString(8),
                read(rs.getString(9), TEXTS),
                rs.getObject(10, LocalDate.class)));
  }

  void markStarted(long id) {
    jdbc.update(
        "UPDATE extension_application SET started_at = clock_timestamp()"
            + " WHERE id = ? AND started_at IS NULL",
        id);
  }

  /** The application's status and chain, its row locked until the transaction ends. */
  record Locked(
      long id,
      String countyCode,
      String cityCode,
      String status,
      List<String> approvalChain,
      LocalDate grantedDue,
      OffsetDateTime extendedAt) {}

  Optional<Locked> lock(long id) {
    return jdbc
        .query(
            "SELECT id, county_code, city_code, status, approval_chain, granted_due, extended_at"
                + " FROM extension_application WHERE id = ? FOR UPDATE",
            (rs, row) ->
                new Locked(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    read(rs.getString(5), TEXTS),
                    rs.getObject(6, LocalDate.class),
                    rs.getObject(7, OffsetDateTime.class)),
            id)
        .stream()
        .findFirst();
  }

  /** The decision a job recorded already, if it did. */
  Optional<ExtensionView.Decision> decisionOf(long jobKey) {
    return jdbc.query(DECISIONS + " WHERE job_key = ?", ExtensionStore::decision, jobKey).stream()
        .findFirst();
  }

  void appendDecision(long id, String level, ExtensionView.Decision decision, long jobKey) {
    jdbc.update(
        "INSERT INTO extension_decision (extension_id, level, approved, opinion, granted_due,"
            + " decided_by, decided_at, job_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        level,
        decision.approved(),
        decision.opinion(),
        decision.grantedDueDate(),
        decision.decidedBy(),
        Timestamp.from(decision.decidedAt().toInstant()),
        jobKey);
  }

  void decide(long id, String status, LocalDate grantedDue, OffsetDateTime at) {
    jdbc.update(
        "UPDATE extension_application SET status = ?, granted_due = ?,"
            + " decided_at = CASE WHEN ? IN ('APPROVED', 'REFUSED') THEN ? ELSE decided_at END"
            + " WHERE id = ?",
        status,
        grantedDue,
        status,
        Timestamp.from(at.toInstant()),
        id);
  }

  List<String> spotCodes(long id) {
    return jdbc.queryForList(
        "SELECT s.monitoring_code FROM extension_spot es JOIN spot s ON s.id = es.spot_id"
            + " WHERE es.extension_id = ? ORDER BY s.monitoring_code",
        String.class,
        id);
  }

  void setDatesAfter(long id, long spotId, LocalDate county, LocalDate province) {
    jdbc.update(
        "UPDATE extension_spot SET county_due_after = ?, province_due_after = ?"
            + " WHERE extension_id = ? AND spot_id = ?",
        county,
        province,
        id,
        spotId);
  }

  void markExtended(long id, OffsetDateTime at) {
    jdbc.update(
        "UPDATE extension_application SET extended_at = ? WHERE id = ?",
        Timestamp.from(at.toInstant()),
        id);
  }

  void setTimersMoved(long id, String monitoringCode, boolean moved) {
    jdbc.update(
        "UPDATE extension_spot es SET timers_moved = ? FROM spot s"
            + " WHERE s.id = es.spot_id AND es.extension_id = ? AND s.monitoring_code = ?",
        moved,
        id,
        monitoringCode);
  }

  /** Applications of the regions (all when empty), newest first. */
  List<ExtensionView> list(Optional<List<String>> counties, String status, int page, int size) {
    List<Object> arguments = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE true");
    counties.ifPresent(
        codes -> {
          where.append(" AND a.county_code = ANY (?)");
          arguments.add(codes.toArray(String[]::new));
        });
    if (status != null) {
      where.append(" AND a.status = ?");
      arguments.add(status);
    }
    arguments.add(size);
    arguments.add((long) page * size);
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM extension_application a"
            + where
            + " ORDER BY a.id DESC LIMIT ? OFFSET ?",
        this::view,
        arguments.toArray());
  }

  long count(Optional<List<String>> counties, String status) {
    List<Object> arguments = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE true");
    counties.ifPresent(
        codes -> {
          where.append(" AND county_code = ANY (?)");
          arguments.add(codes.toArray(String[]::new));
        });
    if (status != null) {
      where.append(" AND status = ?");
      arguments.add(status);
    }
    return jdbc.queryForObject(
        "SELECT count(*) FROM extension_application" + where, Long.class, arguments.toArray());
  }

  Optional<ExtensionView> find(long id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM extension_application a WHERE a.id = ?", this::view, id)
        .stream()
        .findFirst()
        .map(
            view ->
                view.withDetails(
                    jdbc.query(
                        "SELECT s.monitoring_code, es.county_due_before, es.province_due_before,"
                            + " es.county_due_after, es.province_due_after, es.timers_moved"
                            + " FROM extension_spot es JOIN spot s ON s.id = es.spot_id"
                            + " WHERE es.extension_id = ? ORDER BY s.monitoring_code",
                        (rs, row) ->
                            new ExtensionView.Spot(
                                rs.getString(1),
                                rs.getObject(2, LocalDate.class),
                                rs.getObject(3, LocalDate.class),
                                rs.getObject(4, LocalDate.class),
                                rs.getObject(5, LocalDate.class),
                                (Boolean) rs.getObject(6)),
                        id),
                    jdbc.query(
                        DECISIONS + " WHERE extension_id = ? ORDER BY id",
                        ExtensionStore::decision,
                        id)));
  }

  Optional<Map<String, Object>> document(long id) {
    return jdbc
        .query(
            "SELECT document FROM extension_application WHERE id = ?",
            (rs, row) -> read(rs.getString(1), MAP),
            id)
        .stream()
        .findFirst();
  }

  private static final String DECISIONS =
      "SELECT level, approved, opinion, granted_due, decided_by, decided_at FROM extension_decision";

  private static ExtensionView.Decision decision(ResultSet rs, int row) throws SQLException {
    return new ExtensionView.Decision(
        rs.getString(1),
        rs.getBoolean(2),
        rs.getString(3),
        rs.getObject(4, LocalDate.class),
        rs.getString(5),
        rs.getObject(6, OffsetDateTime.class));
  }

  private ExtensionView view(ResultSet rs, int row) throws SQLException {
    return new ExtensionView(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getObject(6, LocalDate.class),
        rs.getObject(7, LocalDate.class),
        read(rs.getString(8), TEXTS),
        rs.getInt(9),
        new ExtensionView.Document(rs.getString(10), rs.getString(11), rs.getLong(12)),
        rs.getString(13),
        rs.getObject(14, OffsetDateTime.class),
        rs.getObject(15, OffsetDateTime.class),
        rs.getObject(16, OffsetDateTime.class),
        null,
        null);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
