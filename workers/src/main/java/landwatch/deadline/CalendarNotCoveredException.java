package landwatch.deadline;

/**
 * A working-day count reached a year for which no holiday schedule is configured. Counting on as if
 * that year had no holidays would silently shorten a county's deadline, so the count is refused
 * until the State Council's schedule for the year is added to {@code landwatch.deadlines.holidays}.
 */
public class CalendarNotCoveredException extends RuntimeException {

  private final int year;

  public CalendarNotCoveredException(int year) {
    super(
        "未配置 "
            + year
            + " 年的法定节假日安排，无法计算工作日期限 (no holiday calendar for "
            + year
            + ": add the year's schedule to landwatch.deadlines.holidays)");
    this.year = year;
  }

  public int year() {
    return year;
  }
}
