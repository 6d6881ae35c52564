package landwatch.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

  private static HolidayCalendar parse(String json) {
    return HolidayCalendar.load(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  private static String file(int year, String holidays, String workingDays) {
    return "{\"calendar\": \"holidays\", \"year\": "
        + year
        + ", \"source\": \"test\", \"holidays\": ["
        + holidays
        + "], \"workingDays\": ["
        + workingDays
        + "]}";
  }

  @Test
  void theShippedCalendarIsTheStateCouncils2026Schedule() {
    HolidayCalendar calendar = HolidayCalendar.fromClasspath("calendar/holidays-2026.json");

    assertThat(calendar.years()).containsExactly(2026);
    // 元旦 3, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7.
    assertThat(calendar.holidays()).hasSize(33);
    assertThat(calendar.holidayOn(LocalDate.of(2026, 2, 17))).contains("春节");
    assertThat(calendar.holidayOn(LocalDate.of(2026, 10, 7))).contains("国庆节");
    assertThat(calendar.makeUpWorkingDays())
        .containsExactly(
            LocalDate.of(2026, 1, 4),
            LocalDate.of(2026, 2, 14),
            LocalDate.of(2026, 2, 28),
            LocalDate.of(2026, 5, 9),
            LocalDate.of(2026, 9, 20),
            LocalDate.of(2026, 10, 10));
  }

  @Test
  void aMakeUpWorkingDayOnAWeekdayIsRefused() {
    assertThatThrownBy(() -> parse(file(2026, "", "{\"name\": \"x\", \"date\": \"2026-02-13\"}")))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("2026-02-13 is a FRIDAY");
  }

  @Test
  void aDayThatIsBothHolidayAndWorkingDayIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    file(
                        2026,
                        "{\"name\": \"春节\", \"from\": \"2026-02-14\", \"to\": \"2026-02-16\"}",
                        "{\"name\": \"x\", \"date\": \"2026-02-14\"}")))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("2026-02-14 is also a holiday (春节)");
  }

  @Test
  void aHolidayEndingBeforeItBeginsIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    file(
                        2026,
                        "{\"name\": \"x\", \"from\": \"2026-10-07\", \"to\": \"2026-10-01\"}",
                        "")))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("\"to\" 2026-10-01 is before \"from\" 2026-10-07");
  }

  @Test
  void aDateOfAnotherYearIsTakenForATypo() {
    assertThatThrownBy(
            () ->
                parse(
                    file(
                        2026,
                        "{\"name\": \"春节\", \"from\": \"2025-02-15\", \"to\": \"2025-02-23\"}",
                        "")))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("2025-02-15 lies outside the file's year (2026)");
  }

  @Test
  void aNewYearHolidayMayBeginInTheLastDaysOfTheYearBefore() {
    HolidayCalendar calendar =
        parse(
            file(2024, "{\"name\": \"元旦\", \"from\": \"2023-12-30\", \"to\": \"2024-01-01\"}", ""));

    assertThat(calendar.holidays()).contains(LocalDate.of(2023, 12, 30));
    assertThat(calendar.covers(2023)).isFalse();
  }

  @Test
  void unknownKeysAndMalformedDatesAreRefused() {
    assertThatThrownBy(() -> parse(file(2026, "{\"name\": \"x\", \"date\": \"2026-10-01\"}", "")))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("unknown key \"date\"");
    assertThatThrownBy(
            () ->
                parse(
                    file(
                        2026,
                        "{\"name\": \"x\", \"from\": \"2026-10-1\", \"to\": \"2026-10-07\"}",
                        "")))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("must be a date such as 2026-10-01");
    assertThatThrownBy(() -> parse("not json"))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void twoFilesForOneYearAreRefused() {
    HolidayCalendar one = parse(file(2026, "", ""));

    assertThatThrownBy(() -> HolidayCalendar.combine(List.of(one, parse(file(2026, "", "")))))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("two holiday calendars for 2026");
  }

  @Test
  void filesThatDisagreeOnADayAreRefused() {
    HolidayCalendar holiday =
        parse(
            file(2027, "{\"name\": \"元旦\", \"from\": \"2026-12-26\", \"to\": \"2027-01-01\"}", ""));
    HolidayCalendar working = parse(file(2026, "", "{\"name\": \"x\", \"date\": \"2026-12-26\"}"));

    assertThatThrownBy(() -> HolidayCalendar.combine(List.of(working, holiday)))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining(
            "2026-12-26 is a holiday in one calendar and a working day in another");
  }
}
