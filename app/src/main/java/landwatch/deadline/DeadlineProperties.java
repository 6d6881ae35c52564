package landwatch.deadline;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deadlines' settings; each one unset keeps its default.
 *
 * @param countyDay day of month M+1 by which the county must have reported month M's spots
 * @param provinceDay day of month M+1 by which the province expects them (§三(一)3, the 25th)
 * @param zone the calendar the days begin and end in
 * @param correctionWorkingDays working days a county has to correct a returned spot
 * @param holidays holiday schedules, one file per year: classpath resources or {@code file:} paths
 */
@ConfigurationProperties("landwatch.deadlines")
public record DeadlineProperties(
    Integer countyDay,
    Integer provinceDay,
    ZoneId zone,
    Integer correctionWorkingDays,
    List<String> holidays) {

  static final String DEFAULT_HOLIDAYS = "classpath:calendar/holidays-2026.json";

  public DeadlineProperties {
    countyDay = countyDay == null ? MonthlyDeadlines.DEFAULT_COUNTY_DAY : countyDay;
    provinceDay = provinceDay == null ? MonthlyDeadlines.DEFAULT_PROVINCE_DAY : provinceDay;
    zone = zone == null ? MonthlyDeadlines.DEFAULT_ZONE : zone;
    correctionWorkingDays =
        correctionWorkingDays == null
            ? CorrectionDeadlines.DEFAULT_WORKING_DAYS
            : correctionWorkingDays;
    holidays =
        holidays == null || holidays.isEmpty() ? List.of(DEFAULT_HOLIDAYS) : List.copyOf(holidays);
  }
}
