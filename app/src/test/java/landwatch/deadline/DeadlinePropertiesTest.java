package landwatch.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The application's own configuration files, with nothing set, give the documented defaults. */
@SpringBootTest(
    classes = DeadlineConfiguration.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DeadlinePropertiesTest {

  @Autowired DeadlineProperties properties;
  @Autowired MonthlyDeadlines monthly;
  @Autowired CorrectionDeadlines corrections;

  @Test
  void theDefaultsHold() {
    assertThat(properties.countyDay()).isEqualTo(20);
    assertThat(properties.provinceDay()).isEqualTo(25);
    assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(properties.correctionWorkingDays()).isEqualTo(5);
    assertThat(properties.holidays()).containsExactly("classpath:calendar/holidays-2026.json");
  }

  @Test
  void theBeansUseThem() {
    DueDates may = monthly.forMonth(YearMonth.of(2026, 5));
    assertThat(may.county().lastDay()).isEqualTo(LocalDate.of(2026, 6, 20));
    assertThat(may.province().overdueAt()).isEqualTo(Instant.parse("2026-06-25T16:00:00Z"));
    // Returned Wednesday 23 September: Thu 24, 中秋节 and 国庆节 off, then Mon 28 to Thu 8 October.
    assertThat(corrections.forReturnAt(Instant.parse("2026-09-23T02:00:00Z")).lastDay())
        .isEqualTo(LocalDate.of(2026, 10, 8));
  }

  @Nested
  class Configured {

    private final ApplicationContextRunner runner =
        new ApplicationContextRunner().withUserConfiguration(DeadlineConfiguration.class);

    @Test
    void everyPropertyBinds(@TempDir Path dir) throws IOException {
      Path next = dir.resolve("holidays-2027.json");
      Files.writeString(
          next,
          """
          {"calendar": "holidays", "year": 2027, "source": "test",
           "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
           "workingDays": []}
          """);

      runner
          .withPropertyValues(
              "landwatch.deadlines.county-day=31",
              "landwatch.deadlines.province-day=31",
              "landwatch.deadlines.zone=UTC",
              "landwatch.deadlines.correction-working-days=3",
              "landwatch.deadlines.holidays=classpath:calendar/holidays-2026.json," + next.toUri())
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                DueDates january =
                    context.getBean(MonthlyDeadlines.class).forMonth(YearMonth.of(2026, 1));
                assertThat(january.county().lastDay()).isEqualTo(LocalDate.of(2026, 2, 28));
                assertThat(january.province().zone()).isEqualTo(ZoneId.of("UTC"));
                assertThat(context.getBean(HolidayCalendar.class).years())
                    .containsExactly(2026, 2027);
                // Tue 29 December: Wed 30, Thu 31, 1–3 January off, Mon 4.
                assertThat(
                        context
                            .getBean(CorrectionDeadlines.class)
                            .forReturnAt(Instant.parse("2026-12-29T12:00:00Z"))
                            .overdueAt())
                    .isEqualTo(LocalDate.of(2027, 1, 5).atStartOfDay(ZoneOffset.UTC).toInstant());
              });
    }

    @Test
    void aCountyDayAfterTheProvinceDayStopsTheStart() {
      runner
          .withPropertyValues("landwatch.deadlines.county-day=26")
          .run(
              context ->
                  assertThat(context)
                      .getFailure()
                      .rootCause()
                      .isInstanceOf(DeadlineConfigurationException.class)
                      .hasMessageContaining("county-day 26 is after province-day 25"));
    }

    @Test
    void aMissingHolidayFileStopsTheStart(@TempDir Path dir) {
      String missing = dir.resolve("holidays-2027.json").toUri().toString();

      runner
          .withPropertyValues("landwatch.deadlines.holidays=" + missing)
          .run(
              context ->
                  assertThat(context)
                      .getFailure()
                      .rootCause()
                      .hasMessageContaining("holiday calendar " + missing + " not found"));
    }

    @Test
    void aCorrectionPeriodOfNoDaysStopsTheStart() {
      runner
          .withPropertyValues("landwatch.deadlines.correction-working-days=0")
          .run(
              context ->
                  assertThat(context)
                      .getFailure()
                      .rootCause()
                      .hasMessageContaining("correction-working-days 0"));
    }
  }
}
