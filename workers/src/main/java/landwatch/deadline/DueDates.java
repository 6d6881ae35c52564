package landwatch.deadline;

import java.time.YearMonth;
import java.util.Objects;

/**
 * When a month's batch is due.
 *
 * @param issued the month the batch was issued in
 * @param county the county's own deadline, which leaves the city time to review
 * @param province the province's deadline (§三(一)3 "月清"), never before the county's
 */
public record DueDates(YearMonth issued, Deadline county, Deadline province) {

  public DueDates {
    Objects.requireNonNull(issued, "issued");
    Objects.requireNonNull(county, "county");
    Objects.requireNonNull(province, "province");
  }
}
