package landwatch.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The month's due dates: spots issued in month M are due to the province on a day of month M+1 (the
 * 25th, §三(一)3), and to the county's own deadline a few days earlier (the 20th) so the city can
 * review before the province's cutoff. A configured day past the end of a month (31 in April, 29–31
 * in February) means that month's last day.
 */
public final class MonthlyDeadlines {

  public static final int DEFAULT_COUNTY_DAY = 20;
  public static final int DEFAULT_PROVINCE_DAY = 25;
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  private final int countyDay;
  private final int provinceDay;
  private final ZoneId zone;

  public MonthlyDeadlines(int countyDay, int provinceDay, ZoneId zone) {
    requireDayOfMonth("county-day", countyDay);
    requireDayOfMonth("province-day", provinceDay);
    if (countyDay > provinceDay) {
      throw new DeadlineConfigurationException(
          "county-day "
              + countyDay
              + " is after province-day "
              + provinceDay
              + ": the county's deadline must leave the city time to review before the province's"
              + " (县级截止日不得晚于自治区截止日)");
    }
    if (zone == null) {
      throw new DeadlineConfigurationException("zone is required (e.g. Asia/Shanghai)");
    }
    this.countyDay = countyDay;
    this.provinceDay = provinceDay;
    this.zone = zone;
  }

  public static MonthlyDeadlines defaults() {
    return new MonthlyDeadlines(DEFAULT_COUNTY_DAY, DEFAULT_PROVINCE_DAY, DEFAULT_ZONE);
  }

  public DueDates forMonth(YearMonth issued) {
    YearMonth due = issued.plusMonths(1);
    return new DueDates(issued, on(due, countyDay), on(due, provinceDay));
  }

  public DueDates forIssueDate(LocalDate issued) {
    return forMonth(YearMonth.from(issued));
  }

  /** The month is the one the province's calendar shows at that instant, not UTC's. */
  public DueDates forIssuedAt(Instant issued) {
    return forIssueDate(issued.atZone(zone).toLocalDate());
  }

  public int countyDay() {
    return countyDay;
  }

  public int provinceDay() {
    return provinceDay;
  }

  public ZoneId zone() {
    return zone;
  }

  private Deadline on(YearMonth month, int day) {
    return new Deadline(month.atDay(Math.min(day, month.lengthOfMonth())), zone);
  }

  private static void requireDayOfMonth(String name, int day) {
    if (day < 1 || day > 31) {
      throw new DeadlineConfigurationException(
          name + " " + day + " is not a day of the month (1–31)");
    }
  }
}
