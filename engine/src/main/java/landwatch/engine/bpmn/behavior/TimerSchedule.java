package landwatch.engine.bpmn.behavior;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.scheduling.support.CronExpression;

/**
 * Timer values: an ISO-8601 date, an ISO-8601 duration, or a cycle, either a repeating interval
 * {@code R[n]/duration} or {@code R[n]/start/duration} (the start a date-time with offset or zone),
 * or a cron expression (Spring's six-field syntax, as Zeebe accepts).
 */
public record TimerSchedule(long dueDate, int repetitions, String interval) {

  public static TimerSchedule date(Object value) {
    String text = String.valueOf(value).trim();
    try {
      return new TimerSchedule(ZonedDateTime.parse(text).toInstant().toEpochMilli(), 1, null);
    } catch (DateTimeParseException e) {
      return new TimerSchedule(
          LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli(), 1, null);
    }
  }

  public static TimerSchedule duration(Object value, long now) {
    return new TimerSchedule(addInterval(now, String.valueOf(value).trim()), 1, null);
  }

  private static final String CRON = "cron:";

  public static TimerSchedule cycle(Object value, long now) {
    String text = String.valueOf(value).trim();
    if (!text.startsWith("R")) {
      if (!CronExpression.isValidExpression(text)) {
        throw new DateTimeParseException("expected R[n]/duration or a cron expression", text, 0);
      }
      return new TimerSchedule(addInterval(now, CRON + text), -1, CRON + text);
    }
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new DateTimeParseException("expected R[n]/duration or R[n]/start/duration", text, 0);
    }
    String count = parts[0].substring(1);
    int repetitions = count.isEmpty() ? -1 : Integer.parseInt(count);
    String interval = parts[parts.length - 1];
    if (parts.length == 2) {
      return new TimerSchedule(addInterval(now, interval), repetitions, interval);
    }
    // As Zeebe 8.8: the first repetition is due at the start date; once that has passed, an
    // interval from now (computed even then, so that a bad interval fails when the timer is
    // created)
    long start = ZonedDateTime.parse(parts[1]).toInstant().toEpochMilli();
    long afterNow = addInterval(now, interval);
    return new TimerSchedule(start > now ? start : afterNow, repetitions, interval);
  }

  /**
   * The next due date after {@code from}: a cron cycle's next match, or {@code from} plus the
   * interval.
   */
  public static long addInterval(long from, String interval) {
    if (interval.startsWith(CRON)) {
      ZonedDateTime next =
          CronExpression.parse(interval.substring(CRON.length()))
              .next(Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC));
      if (next == null) {
        throw new DateTimeParseException("the cron expression never matches again", interval, 0);
      }
      return next.toInstant().toEpochMilli();
    }
    try {
      return from + Duration.parse(interval).toMillis();
    } catch (DateTimeParseException e) {
      int t = interval.indexOf('T');
      Period period = Period.parse(t < 0 ? interval : interval.substring(0, t));
      Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + interval.substring(t));
      return Instant.ofEpochMilli(from)
          .atZone(ZoneOffset.UTC)
          .plus(period)
          .plus(time)
          .toInstant()
          .toEpochMilli();
    }
  }
}
