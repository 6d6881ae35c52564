package landwatch.engine.bpmn;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** ISO-8601 timer values: a date, a duration, or a repeating cycle {@code R[n]/duration}. */
public record TimerSchedule(long dueDate, int repetitions, String interval) {

  public static TimerSchedule date(Object value) {
    String text = String.valueOf(value).trim();
    try {
      return new TimerSchedule(ZonedDateTime.parse(text).toInstant().toEpochMilli(), 1, null);
    } catch (DateTimeParseException e) {
      return new TimerSchedule(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli(), 1, null);
    }
  }

  public static TimerSchedule duration(Object value, long now) {
    return new TimerSchedule(addInterval(now, String.valueOf(value).trim()), 1, null);
  }

  public static TimerSchedule cycle(Object value, long now) {
    String text = String.valueOf(value).trim();
    if (!text.startsWith("R")) {
      throw new DateTimeParseException("only ISO-8601 repeating intervals (R[n]/duration) are supported as cycles", text, 0);
    }
    int slash = text.indexOf('/');
    if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
      throw new DateTimeParseException("expected R[n]/duration", text, 0);
    }
    String count = text.substring(1, slash);
    int repetitions = count.isEmpty() ? -1 : Integer.parseInt(count);
    String interval = text.substring(slash + 1);
    return new TimerSchedule(addInterval(now, interval), repetitions, interval);
  }

  public static long addInterval(long from, String interval) {
    try {
      return from + Duration.parse(interval).toMillis();
    } catch (DateTimeParseException e) {
      int t = interval.indexOf('T');
      Period period = Period.parse(t < 0 ? interval : interval.substring(0, t));
      Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + interval.substring(t));
      return Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC).plus(period).plus(time).toInstant().toEpochMilli();
    }
  }
}
