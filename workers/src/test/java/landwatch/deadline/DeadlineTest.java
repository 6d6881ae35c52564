package landwatch.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  private final Deadline dueOn25February =
      new Deadline(LocalDate.of(2026, 2, 25), ZoneId.of("Asia/Shanghai"));

  @Test
  void theLastDayIsOnTimeUntilItsVeryEnd() {
    Instant lastMomentOfTheDay = Instant.parse("2026-02-25T15:59:59.999999999Z");

    assertThat(dueOn25February.isOverdue(lastMomentOfTheDay)).isFalse();
    assertThat(dueOn25February.daysLeft(lastMomentOfTheDay)).isZero();
    assertThat(dueOn25February.isOverdue(dueOn25February.overdueAt())).isTrue();
    assertThat(dueOn25February.daysLeft(dueOn25February.overdueAt())).isEqualTo(-1);
  }

  @Test
  void aTimerReadsTheOverdueInstantAsTheProvincesMidnight() {
    assertThat(dueOn25February.overdueAtText()).isEqualTo("2026-02-26T00:00+08:00");
  }

  @Test
  void daysLeftCountsCalendarDaysInTheDeadlinesZone() {
    // 20 February 23:30 in Shanghai, still the 20th in UTC too.
    assertThat(dueOn25February.daysLeft(Instant.parse("2026-02-20T15:30:00Z"))).isEqualTo(5);
    // 21 February 00:30 in Shanghai while UTC still shows the 20th.
    assertThat(dueOn25February.daysLeft(Instant.parse("2026-02-20T16:30:00Z"))).isEqualTo(4);
  }

  @Test
  void daysOverdueIsZeroWhileOnTimeAndCountsWholeDaysAfter() {
    assertThat(dueOn25February.daysOverdue(Instant.parse("2026-02-24T00:00:00Z"))).isZero();
    assertThat(dueOn25February.daysOverdue(Instant.parse("2026-02-25T16:00:00Z"))).isEqualTo(1);
    assertThat(dueOn25February.daysOverdue(Instant.parse("2026-03-01T12:00:00Z"))).isEqualTo(4);
  }
}
