package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Timer catch, boundary and start events, driven by pinning the engine's clock instead of sleeping.
 */
class TimerTest extends EngineTest {

  private static long inFuture(Duration duration) {
    return System.currentTimeMillis() + duration.toMillis();
  }

  @Test
  void timerCatchEventFiresWhenItsDurationHasPassed() {
    String id = uniqueId("timer");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent(
                "wait", e -> e.timerWithDurationExpression("\"PT\" + string(hours) + \"H\""))
            .endEvent()
            .done());
    long instance = start(id, Map.of("hours", 2));
    pinClock(inFuture(Duration.ofHours(1)));
    assertThat(processState(instance)).isEqualTo("ACTIVE");
    pinClock(inFuture(Duration.ofHours(3)));
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void timerWithADateFiresAtThatDate() {
    String id = uniqueId("timer-date");
    String date = Instant.ofEpochMilli(inFuture(Duration.ofDays(3))).toString();
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.timerWithDate(date))
            .endEvent()
            .done());
    long instance = start(id);
    pinClock(inFuture(Duration.ofDays(4)));
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void interruptingTimerBoundaryEventCancelsTheOverdueTask() {
    String id = uniqueId("deadline");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("verify", t -> t.zeebeJobType(id))
            .boundaryEvent("overdue", b -> b.timerWithDuration("P5D"))
            .serviceTask("warn", t -> t.zeebeJobType(id + "-warn"))
            .endEvent()
            .moveToActivity("verify")
            .endEvent()
            .done());
    long instance = start(id);
    pinClock(inFuture(Duration.ofDays(6)));
    assertThat(activate(id + "-warn", 1)).hasSize(1);
    assertThat(elementIds(instance, "TERMINATED")).contains("verify");
  }

  @Test
  void nonInterruptingCycleBoundaryFiresRepeatedlyWhileTheTaskWaits() {
    String id = uniqueId("reminder");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("verify", t -> t.zeebeJobType(id))
            .boundaryEvent("remind", b -> b.cancelActivity(false).timerWithCycle("R3/PT1H"))
            .serviceTask("remind-officer", t -> t.zeebeJobType(id + "-remind"))
            .endEvent()
            .moveToActivity("verify")
            .endEvent()
            .done());
    start(id);
    long now = System.currentTimeMillis();
    pinClock(now + Duration.ofMinutes(61).toMillis());
    pinClock(now + Duration.ofMinutes(122).toMillis());
    assertThat(activate(id + "-remind", 10)).hasSize(2);
    assertThat(activate(id, 1)).hasSize(1);
  }

  /**
   * How often the boundary event "remind" fired (counted as element instances: jobs would time
   * out).
   */
  private long reminders(long instance) {
    return elements(instance).stream().filter(e -> e.getElementId().equals("remind")).count();
  }

  private String reminderProcess(String id, String cycle) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("verify", t -> t.zeebeJobType(id))
            .boundaryEvent("remind", b -> b.cancelActivity(false).timerWithCycle(cycle))
            .serviceTask("remind-officer", t -> t.zeebeJobType(id + "-remind"))
            .endEvent()
            .moveToActivity("verify")
            .endEvent()
            .done());
    return id;
  }

  @Test
  void cycleWithAStartDateFiresFirstAtTheStartThenEveryIntervalNTimes() {
    long startDate =
        Instant.ofEpochMilli(inFuture(Duration.ofDays(1)))
            .truncatedTo(ChronoUnit.SECONDS)
            .toEpochMilli();
    long instance =
        start(
            reminderProcess(
                uniqueId("cycle-start"), "R2/" + Instant.ofEpochMilli(startDate) + "/PT1H"));
    pinClock(startDate - Duration.ofMinutes(1).toMillis());
    assertThat(reminders(instance)).isZero();
    pinClock(startDate + Duration.ofMinutes(30).toMillis());
    assertThat(reminders(instance)).isEqualTo(1);
    // the repetitions keep to the start date, not to when the clock was seen past it
    pinClock(startDate + Duration.ofMinutes(59).toMillis());
    assertThat(reminders(instance)).isEqualTo(1);
    pinClock(startDate + Duration.ofHours(1).toMillis());
    assertThat(reminders(instance)).isEqualTo(2);
    pinClock(startDate + Duration.ofHours(5).toMillis());
    assertThat(reminders(instance)).isEqualTo(2);
  }

  @Test
  void unboundedCycleWithAStartDateKeepsFiringUntilItsTaskEnds() {
    long startDate =
        Instant.ofEpochMilli(inFuture(Duration.ofDays(1)))
            .truncatedTo(ChronoUnit.SECONDS)
            .toEpochMilli();
    String id =
        reminderProcess(
            uniqueId("cycle-start-unbounded"), "R/" + Instant.ofEpochMilli(startDate) + "/PT1H");
    long instance = start(id);
    for (int hour = 0; hour < 4; hour++) {
      pinClock(startDate + Duration.ofHours(hour).toMillis());
    }
    assertThat(reminders(instance)).isEqualTo(4);
    client.newCompleteCommand(activateOne(id).getKey()).send().join();
    pinClock(startDate + Duration.ofHours(5).toMillis());
    assertThat(reminders(instance)).isEqualTo(4);
  }

  @Test
  void timerStartEventCreatesInstances() {
    String id = uniqueId("timer-start");
    String date = Instant.ofEpochMilli(inFuture(Duration.ofDays(1))).toString();
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("tick")
            .timerWithDate(date)
            .serviceTask("work", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    assertThat(activate(id, 1)).isEmpty();
    pinClock(inFuture(Duration.ofDays(2)));
    assertThat(activate(id, 5)).hasSize(1);
  }
}
