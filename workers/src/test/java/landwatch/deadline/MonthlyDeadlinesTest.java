package landwatch.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MonthlyDeadlinesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void aMonthsBatchIsDueOnTheTwentiethAndTwentyFifthOfTheNextMonthByDefault() {
    DueDates due = MonthlyDeadlines.defaults().forMonth(YearMonth.of(2026, 5));

    assertThat(due.issued()).isEqualTo(YearMonth.of(2026, 5));
    assertThat(due.county().lastDay()).isEqualTo(LocalDate.of(2026, 6, 20));
    assertThat(due.province().lastDay()).isEqualTo(LocalDate.of(2026, 6, 25));
    assertThat(due.province().zone()).isEqualTo(SHANGHAI);
  }

  @Test
  void theDeadlineIsTheFirstInstantAfterTheWholeLastDayInShanghai() {
    DueDates due = MonthlyDeadlines.defaults().forMonth(YearMonth.of(2026, 5));

    // Midnight of 26 June in Shanghai is 16:00 UTC on the 25th.
    assertThat(due.province().overdueAt()).isEqualTo(Instant.parse("2026-06-25T16:00:00Z"));
    assertThat(due.county().overdueAt()).isEqualTo(Instant.parse("2026-06-20T16:00:00Z"));
  }

  @Test
  void aDecemberBatchIsDueInJanuaryOfTheNextYear() {
    DueDates due = MonthlyDeadlines.defaults().forMonth(YearMonth.of(2026, 12));

    assertThat(due.county().lastDay()).isEqualTo(LocalDate.of(2027, 1, 20));
    assertThat(due.province().lastDay()).isEqualTo(LocalDate.of(2027, 1, 25));
  }

  @Test
  void aDayBeyondTheMonthsLengthIsItsLastDay() {
    MonthlyDeadlines endOfMonth = new MonthlyDeadlines(31, 31, SHANGHAI);

    assertThat(endOfMonth.forMonth(YearMonth.of(2026, 1)).county().lastDay())
        .isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(endOfMonth.forMonth(YearMonth.of(2024, 1)).county().lastDay())
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(endOfMonth.forMonth(YearMonth.of(2026, 2)).province().lastDay())
        .isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(endOfMonth.forMonth(YearMonth.of(2026, 3)).province().lastDay())
        .isEqualTo(LocalDate.of(2026, 4, 30));
  }

  @Test
  void clampingNeverPutsTheCountyAfterTheProvince() {
    DueDates february = new MonthlyDeadlines(29, 30, SHANGHAI).forMonth(YearMonth.of(2026, 1));

    assertThat(february.county().lastDay()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(february.province().lastDay()).isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void anIssueDateGivesItsMonth() {
    assertThat(MonthlyDeadlines.defaults().forIssueDate(LocalDate.of(2026, 2, 28)).issued())
        .isEqualTo(YearMonth.of(2026, 2));
  }

  @Test
  void theMonthOfAnIssueInstantIsShanghaisNotUtcs() {
    MonthlyDeadlines deadlines = MonthlyDeadlines.defaults();
    Instant beforeMidnightInShanghai = Instant.parse("2026-01-31T15:59:59Z");
    Instant afterMidnightInShanghai = Instant.parse("2026-01-31T16:00:00Z");

    assertThat(deadlines.forIssuedAt(beforeMidnightInShanghai).issued())
        .isEqualTo(YearMonth.of(2026, 1));
    // Still 31 January in UTC, already 1 February in Shanghai.
    assertThat(deadlines.forIssuedAt(afterMidnightInShanghai).issued())
        .isEqualTo(YearMonth.of(2026, 2));
    assertThat(deadlines.forIssuedAt(afterMidnightInShanghai).province().lastDay())
        .isEqualTo(LocalDate.of(2026, 3, 25));
  }

  @Test
  void theSameDayEndsEightHoursLaterInUtcThanInShanghai() {
    YearMonth january = YearMonth.of(2026, 1);
    Deadline shanghai = MonthlyDeadlines.defaults().forMonth(january).province();
    Deadline utc = new MonthlyDeadlines(20, 25, ZoneOffset.UTC).forMonth(january).province();
    Instant justAfterShanghaiMidnight = Instant.parse("2026-02-25T16:00:00Z");

    assertThat(shanghai.isOverdue(justAfterShanghaiMidnight)).isTrue();
    assertThat(utc.isOverdue(justAfterShanghaiMidnight)).isFalse();
    assertThat(utc.overdueAt()).isEqualTo(Instant.parse("2026-02-26T00:00:00Z"));
  }

  @Test
  void aCountyDayAfterTheProvinceDayIsRefused() {
    assertThatThrownBy(() -> new MonthlyDeadlines(26, 25, SHANGHAI))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("county-day 26 is after province-day 25");
  }

  @Test
  void aDayThatIsNoDayOfAMonthIsRefused() {
    assertThatThrownBy(() -> new MonthlyDeadlines(0, 25, SHANGHAI))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("county-day 0 is not a day of the month");
    assertThatThrownBy(() -> new MonthlyDeadlines(20, 32, SHANGHAI))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("province-day 32 is not a day of the month");
  }

  @Test
  void aMissingZoneIsRefused() {
    assertThatThrownBy(() -> new MonthlyDeadlines(20, 25, null))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageContaining("zone");
  }
}
