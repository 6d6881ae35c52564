package landwatch.spot;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import landwatch.deadline.Deadline;
import landwatch.deadline.MonthlyDeadlines;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves a spot's due dates, for an approved extension: its progress row gets the new dates (an
 * overdue flag whose deadline now lies ahead is lowered: the spot is no longer overdue, while the
 * event history keeps that it was) and its history an {@code EXTENDED} event. The timers in the
 * spot's instance are moved by message, by the caller.
 */
@Component
public class SpotDeadlineMoves {

  private final JdbcTemplate jdbc;
  private final SpotLifecycle lifecycle;
  private final MonthlyDeadlines deadlines;

  SpotDeadlineMoves(JdbcTemplate jdbc, SpotLifecycle lifecycle, MonthlyDeadlines deadlines) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.deadlines = deadlines;
  }

  /** A spot's deadlines as its progress row holds them. */
  public record SpotDeadlines(
      long spotId,
      String monitoringCode,
      String regionCode,
      SpotState state,
      LocalDate countyDue,
      LocalDate provinceDue) {}

  /** The spot with its progress row locked until the transaction ends. */
  public Optional<SpotDeadlines> lock(String monitoringCode) {
    return jdbc
        .query(
            "SELECT s.id, s.monitoring_code, s.region_code, p.state, p.county_due, p.province_due"
                + " FROM spot s JOIN spot_progress p ON p.spot_id = s.id"
                + " WHERE s.monitoring_code = ? FOR UPDATE OF p",
            (rs, row) ->
                new SpotDeadlines(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    SpotState.valueOf(rs.getString(4)),
                    rs.getObject(5, LocalDate.class),
                    rs.getObject(6, LocalDate.class)),
            monitoringCode)
        .stream()
        .findFirst();
  }

  public void move(
      long spotId,
      LocalDate county,
      LocalDate province,
      OffsetDateTime at,
      String actor,
      Map<String, Object> detail) {
    ProgressChange change =
        new ProgressChange().set("county_due", county).set("province_due", province);
    if (!new Deadline(county, deadlines.zone()).isOverdue(at.toInstant())) {
      change.set("county_overdue", false);
    }
    if (!new Deadline(province, deadlines.zone()).isOverdue(at.toInstant())) {
      change.set("province_overdue", false);
    }
    lifecycle.appendEvent(spotId, "EXTENDED", at, actor, detail, null);
    lifecycle.apply(spotId, change);
  }
}
