package landwatch.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Counting working days in the province's calendar. The day something happens does not count (as
 * the Civil Code counts periods, art. 201: "开始的当日不计入"), whatever time of day it is: a spot returned
 * on Friday afternoon with five working days is due at the end of the next Friday.
 */
public final class WorkingDays {

  private final HolidayCalendar calendar;
  private final ZoneId zone;

  public WorkingDays(HolidayCalendar calendar, ZoneId zone) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * The end of the {@code count}-th working day after the day of {@code start}.
   *
   * @throws CalendarNotCoveredException when the count runs into a year without a holiday calendar
   */
  public Deadline after(Instant start, int count) {
    return new Deadline(nthWorkingDayAfter(start.atZone(zone).toLocalDate(), count), zone);
  }

  public LocalDate nthWorkingDayAfter(LocalDate start, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, not " + count);
    }
    LocalDate day = start;
    int counted = 0;
    while (counted < count) {
      day = day.plusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  public boolean isWorkingDay(LocalDate day) {
    return calendar.isWorkingDay(day);
  }

  public ZoneId zone() {
    return zone;
  }
}
