package landwatch.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A deadline that runs to the end of its last day in the calendar's zone. It is represented by the
 * start of the following day ({@link #overdueAt()}), not by 23:59:59.999: a timer set to that
 * instant fires only once the whole last day has passed, and no fraction of a second is lost to a
 * clock or a serialisation that rounds.
 *
 * @param lastDay the last day on which the work is still on time
 * @param zone the zone in which that day begins and ends (the province's, Asia/Shanghai)
 */
public record Deadline(LocalDate lastDay, ZoneId zone) {

  public Deadline {
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(zone, "zone");
  }

  /** The first instant at which the work is late; what a timer fires at. */
  public Instant overdueAt() {
    return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * {@link #overdueAt()} as a model's timer reads it: an ISO date-time with the zone's offset
   * ({@code 2026-11-21T00:00+08:00}), so the variable shows the province's own midnight.
   */
  public String overdueAtText() {
    return overdueAt().atZone(zone).toOffsetDateTime().toString();
  }

  public boolean isOverdue(Instant now) {
    return !now.isBefore(overdueAt());
  }

  /**
   * Calendar days from {@code now}'s day to the last day: 0 on the last day itself, negative once
   * overdue (-1 on the day after), so "overdue" and "fewer than 0 days left" never disagree.
   */
  public long daysLeft(Instant now) {
    return ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), lastDay);
  }

  /** Whole days past the last day; 0 while on time. */
  public long daysOverdue(Instant now) {
    return Math.max(0, -daysLeft(now));
  }
}
