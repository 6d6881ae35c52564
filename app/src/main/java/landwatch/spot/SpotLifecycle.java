package landwatch.spot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import landwatch.spot.judgment.Judgment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The lifecycle tables of V5: progress, events, judgments. */
@Repository
public class SpotLifecycle {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  SpotLifecycle(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The spot with its progress row locked until the transaction ends. */
  Optional<LifecycleSpot> lock(String monitoringCode) {
    return jdbc
        .query(
            "SELECT s.id, s.monitoring_code, s.batch_id, s.region_code, s.change_type, p.state,"
                + " b.sampling_seed FROM spot s JOIN spot_progress p ON p.spot_id = s.id"
                + " JOIN batch b ON b.id = s.batch_id WHERE s.monitoring_code = ? FOR UPDATE OF p",
            (rs, row) ->
                new LifecycleSpot(
                    rs.getLong("id"),
                    rs.getString("monitoring_code"),
                    rs.getLong("batch_id"),
                    rs.getString("region_code"),
                    rs.getString("change_type"),
                    SpotState.valueOf(rs.getString("state")),
                    rs.getString("sampling_seed")),
            monitoringCode)
        .stream()
        .findFirst();
  }

  /** The outputs a job's step answered with, if that job was recorded already. */
  Optional<Map<String, Object>> outputsOf(long jobKey) {
    return jdbc
        .query(
            "SELECT detail -> 'outputs' FROM spot_event WHERE job_key = ?",
            (rs, row) -> read(rs.getString(1)),
            jobKey)
        .stream()
        .findFirst();
  }

  long appendEvent(
      long spotId,
      String step,
      OffsetDateTime at,
      String actor,
      Map<String, Object> detail,
      Long jobKey) {
    return jdbc.queryForObject(
        "INSERT INTO spot_event (spot_id, step, occurred_at, actor, detail, job_key)"
            + " VALUES (?, ?, ?, ?, ?::jsonb, ?) RETURNING id",
        Long.class,
        spotId,
        step,
        Timestamp.from(at.toInstant()),
        actor,
        write(detail),
        jobKey);
  }

  void appendJudgment(long spotId, long eventId, JudgmentEntry entry) {
    jdbc.update(
        "INSERT INTO spot_judgment (spot_id, basis, judgment, category, detail, judged_by,"
            + " judged_at, late, event_id) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)",
        spotId,
        entry.basis(),
        entry.judgment().name(),
        entry.category(),
        write(entry.detail()),
        entry.judgedBy(),
        Timestamp.from(entry.judgedAt().toInstant()),
        entry.late(),
        eventId);
  }

  void apply(long spotId, ProgressChange change) {
    List<String> assignments = new ArrayList<>();
    List<Object> arguments = new ArrayList<>();
    change
        .values()
        .forEach(
            (column, value) -> {
              boolean asJson = ProgressChange.isJson(column);
              assignments.add(column + (asJson ? " = ?::jsonb" : " = ?"));
              arguments.add(asJson ? write(value) : jdbcValue(value));
            });
    change.increments().forEach(column -> assignments.add(column + " = " + column + " + 1"));
    assignments.add("updated_at = now()");
    arguments.add(spotId);
    jdbc.update(
        "UPDATE spot_progress SET " + String.join(", ", assignments) + " WHERE spot_id = ?",
        arguments.toArray());
  }

  /** The latest judgment of the given bases, or empty. */
  public Optional<RecordedJudgment> latestJudgment(long spotId, List<String> bases) {
    return jdbc
        .query(
            "SELECT basis, judgment, category, judged_by, judged_at FROM spot_judgment"
                + " WHERE spot_id = ? AND basis = ANY (?) ORDER BY id DESC LIMIT 1",
            (rs, row) ->
                new RecordedJudgment(
                    rs.getString("basis"),
                    Judgment.valueOf(rs.getString("judgment")),
                    rs.getString("category"),
                    rs.getString("judged_by"),
                    rs.getObject("judged_at", OffsetDateTime.class)),
            spotId,
            bases.toArray(String[]::new))
        .stream()
        .findFirst();
  }

  /** A stored judgment, as the outcome and the spot's page show it. */
  public record RecordedJudgment(
      String basis, Judgment judgment, String category, String judgedBy, OffsetDateTime judgedAt) {}

  private static Object jdbcValue(Object value) {
    return value instanceof OffsetDateTime time ? Timestamp.from(time.toInstant()) : value;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a lifecycle record", e);
    }
  }

  private Map<String, Object> read(String text) {
    try {
      return text == null ? Map.of() : json.readValue(text, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable lifecycle record", e);
    }
  }
}
