package landwatch.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final HolidayCalendar CALENDAR_2026 =
      HolidayCalendar.fromClasspath("calendar/holidays-2026.json");

  private final WorkingDays workingDays = new WorkingDays(CALENDAR_2026, SHANGHAI);
  private final CorrectionDeadlines corrections =
      new CorrectionDeadlines(workingDays, CorrectionDeadlines.DEFAULT_WORKING_DAYS);

  private static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  private LocalDate correctionDue(String returnedAt) {
    return corrections.forReturnAt(shanghai(returnedAt)).lastDay();
  }

  @Test
  void theDayOfTheReturnDoesNotCountAndTheWeekendIsSkipped() {
    // Thursday 12 March: Fri 13, Mon 16, Tue 17, Wed 18, Thu 19.
    assertThat(correctionDue("2026-03-12T10:00")).isEqualTo(LocalDate.of(2026, 3, 19));
    // Friday 13 March, late in the day: Mon 16 to Fri 20.
    assertThat(correctionDue("2026-03-13T17:45")).isEqualTo(LocalDate.of(2026, 3, 20));
  }

  @Test
  void theDeadlineIsTheEndOfTheLastWorkingDayInShanghai() {
    Deadline due = corrections.forReturnAt(shanghai("2026-03-12T10:00"));

    assertThat(due.overdueAt()).isEqualTo(Instant.parse("2026-03-19T16:00:00Z"));
    assertThat(due.zone()).isEqualTo(SHANGHAI);
  }

  @Test
  void theReturnDayIsTheDayInShanghaiNotInUtc() {
    // Both instants are Thursday 12 March in UTC; the second is already Friday in Shanghai.
    assertThat(corrections.forReturnAt(Instant.parse("2026-03-12T15:59:00Z")).lastDay())
        .isEqualTo(LocalDate.of(2026, 3, 19));
    assertThat(corrections.forReturnAt(Instant.parse("2026-03-12T16:01:00Z")).lastDay())
        .isEqualTo(LocalDate.of(2026, 3, 20));
  }

  @Test
  void theSpringFestivalIsSkippedAndItsMakeUpSaturdaysCount() {
    // Wed 11 Feb: Thu 12, Fri 13, Sat 14 (调休上班), then 15–23 off, Tue 24, Wed 25.
    assertThat(correctionDue("2026-02-11T09:00")).isEqualTo(LocalDate.of(2026, 2, 25));
    // Tue 24 Feb: Wed 25, Thu 26, Fri 27, Sat 28 (调休上班), Mon 2 March.
    assertThat(correctionDue("2026-02-24T09:00")).isEqualTo(LocalDate.of(2026, 3, 2));
    // Returned on the holiday itself (Sun 15 Feb, 腊月二十八): Tue 24 … Sat 28.
    assertThat(correctionDue("2026-02-15T11:00")).isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void midAutumnAndNationalDayAreSkippedAndTheirMakeUpDaysCount() {
    // Fri 18 Sep: Sat 19 off, Sun 20 (调休上班), Mon 21, Tue 22, Wed 23, Thu 24.
    assertThat(correctionDue("2026-09-18T16:00")).isEqualTo(LocalDate.of(2026, 9, 24));
    // Wed 23 Sep: Thu 24, 25–27 中秋节, Mon 28, Tue 29, Wed 30, 1–7 Oct 国庆节, Thu 8 Oct.
    assertThat(correctionDue("2026-09-23T16:00")).isEqualTo(LocalDate.of(2026, 10, 8));
    // Mon 28 Sep: Tue 29, Wed 30, Thu 8 Oct, Fri 9, Sat 10 (调休上班).
    assertThat(correctionDue("2026-09-28T16:00")).isEqualTo(LocalDate.of(2026, 10, 10));
  }

  @Test
  void aWorkingDayIsAWeekdayThatIsNoHolidayOrAMakeUpDay() {
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 3, 9))).isTrue();
  }

  @Test
  void aCountIntoAYearWithoutACalendarIsRefusedRatherThanGuessed() {
    assertThatThrownBy(() -> correctionDue("2026-12-28T10:00"))
        .isInstanceOf(CalendarNotCoveredException.class)
        .hasMessageContaining("2027")
        .hasMessageContaining("landwatch.deadlines.holidays");
  }

  @Test
  void nextYearsCalendarContinuesTheCountAcrossNewYear() {
    String newYear2027 =
        """
        {"calendar": "holidays", "year": 2027, "source": "test",
         "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
         "workingDays": []}
        """;
    HolidayCalendar both =
        HolidayCalendar.combine(
            List.of(
                CALENDAR_2026,
                HolidayCalendar.load(
                    new ByteArrayInputStream(newYear2027.getBytes(StandardCharsets.UTF_8)),
                    "2027")));
    CorrectionDeadlines acrossNewYear = new CorrectionDeadlines(new WorkingDays(both, SHANGHAI), 5);

    // Mon 28 Dec: Tue 29, Wed 30, Thu 31, 1–3 Jan off, Mon 4, Tue 5.
    assertThat(acrossNewYear.forReturnAt(shanghai("2026-12-28T10:00")).lastDay())
        .isEqualTo(LocalDate.of(2027, 1, 5));
  }

  @Test
  void aCorrectionPeriodOfNoWorkingDaysIsRefused() {
    assertThatThrownBy(() -> new CorrectionDeadlines(workingDays, 0))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("correction-working-days 0");
  }
}
