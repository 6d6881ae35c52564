package landwatch.extension;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A spot's due dates before and after an extension. The granted date is the county's new last day;
 * the province's moves by as many days, so the city keeps the review time the month gave it.
 */
public record ExtendedDueDates(
    LocalDate previousCounty, LocalDate previousProvince, LocalDate county, LocalDate province) {

  public ExtendedDueDates {
    Objects.requireNonNull(previousCounty, "previousCounty");
    Objects.requireNonNull(previousProvince, "previousProvince");
    Objects.requireNonNull(county, "county");
    Objects.requireNonNull(province, "province");
  }

  public static ExtendedDueDates grant(
      LocalDate currentCounty, LocalDate currentProvince, LocalDate granted) {
    if (!granted.isAfter(currentCounty)) {
      throw new IllegalArgumentException(
          "granted " + granted + " does not move the county's due date " + currentCounty);
    }
    long reviewDays = ChronoUnit.DAYS.between(currentCounty, currentProvince);
    return new ExtendedDueDates(
        currentCounty, currentProvince, granted, granted.plusDays(reviewDays));
  }
}
