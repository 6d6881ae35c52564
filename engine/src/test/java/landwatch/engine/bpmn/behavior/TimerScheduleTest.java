package landwatch.engine.bpmn.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimerScheduleTest {

  private static final long NOW = Instant.parse("2026-03-25T08:00:00Z").toEpochMilli();

  @Test
  void durationsAddToNowIncludingCalendarPeriods() {
    assertThat(TimerSchedule.duration("PT1H", NOW).dueDate())
        .isEqualTo(Instant.parse("2026-03-25T09:00:00Z").toEpochMilli());
    assertThat(TimerSchedule.duration("P1M", NOW).dueDate())
        .isEqualTo(Instant.parse("2026-04-25T08:00:00Z").toEpochMilli());
    assertThat(TimerSchedule.duration("P1DT2H", NOW).dueDate())
        .isEqualTo(Instant.parse("2026-03-26T10:00:00Z").toEpochMilli());
  }

  @Test
  void datesWithZoneOrOffset() {
    assertThat(TimerSchedule.date("2026-04-01T00:00:00+08:00").dueDate())
        .isEqualTo(Instant.parse("2026-03-31T16:00:00Z").toEpochMilli());
  }

  @Test
  void cyclesCountRepetitions() {
    TimerSchedule bounded = TimerSchedule.cycle("R3/PT10M", NOW);
    assertThat(bounded.repetitions()).isEqualTo(3);
    assertThat(bounded.interval()).isEqualTo("PT10M");
    assertThat(bounded.dueDate()).isEqualTo(NOW + 600_000);
    assertThat(TimerSchedule.cycle("R/PT1H", NOW).repetitions()).isEqualTo(-1);
  }

  @Test
  void cyclesWithAStartDateAreFirstDueAtTheStartOrAnIntervalFromNowWhenItHasPassed() {
    TimerSchedule future = TimerSchedule.cycle("R2/2026-03-26T06:00:00+08:00/PT1H", NOW);
    assertThat(future.dueDate()).isEqualTo(Instant.parse("2026-03-25T22:00:00Z").toEpochMilli());
    assertThat(future.repetitions()).isEqualTo(2);
    assertThat(future.interval()).isEqualTo("PT1H");
    TimerSchedule past = TimerSchedule.cycle("R/2026-01-01T00:00:00Z/P1D", NOW);
    assertThat(past.dueDate()).isEqualTo(Instant.parse("2026-03-26T08:00:00Z").toEpochMilli());
    assertThat(past.repetitions()).isEqualTo(-1);
    assertThatThrownBy(() -> TimerSchedule.cycle("R2/2026-03-26T06:00:00Z/hourly", NOW))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void cronCyclesRepeatAtTheirNextMatch() {
    TimerSchedule mondays = TimerSchedule.cycle("0 0 9 * * MON", NOW);
    assertThat(mondays.dueDate()).isEqualTo(Instant.parse("2026-03-30T09:00:00Z").toEpochMilli());
    assertThat(mondays.repetitions()).isEqualTo(-1);
    assertThat(TimerSchedule.addInterval(mondays.dueDate(), mondays.interval()))
        .isEqualTo(Instant.parse("2026-04-06T09:00:00Z").toEpochMilli());
  }

  @Test
  void anythingElseIsNotACycle() {
    assertThatThrownBy(() -> TimerSchedule.cycle("every monday", NOW))
        .isInstanceOf(DateTimeParseException.class);
  }
}
