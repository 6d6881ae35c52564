package landwatch.deadline;

import java.time.Instant;
import java.util.Objects;

/** When a county must have corrected a spot the city returned (退回): a number of working days. */
public final class CorrectionDeadlines {

  public static final int DEFAULT_WORKING_DAYS = 5;

  private final WorkingDays workingDays;
  private final int days;

  public CorrectionDeadlines(WorkingDays workingDays, int days) {
    if (days < 1) {
      throw new DeadlineConfigurationException(
          "correction-working-days "
              + days
              + ": a county needs at least one working day to correct");
    }
    this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
    this.days = days;
  }

  public Deadline forReturnAt(Instant returned) {
    return workingDays.after(returned, days);
  }

  public int workingDays() {
    return days;
  }
}
