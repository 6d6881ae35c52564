package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timer catch, boundary and start events, driven by pinning the engine's clock instead of sleeping. */
class TimerTest extends EngineTest {

  private static long inFuture(Duration duration) {
    return System.currentTimeMillis() + duration.toMillis();
  }

  @Test
  void timerCatchEventFiresWhenItsDurationHasPassed() {
    String id = uniqueId("timer");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .intermediateCatchEvent("wait", e -> e.timerWithDurationExpression("\"PT\" + string(hours) + \"H\""))
        .endEvent().done());
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
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .intermediateCatchEvent("wait", e -> e.timerWithDate(date)).endEvent().done());
    long instance = start(id);
    pinClock(inFuture(Duration.ofDays(4)));
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void interruptingTimerBoundaryEventCancelsTheOverdueTask() {
    String id = uniqueId("deadline");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("verify", t -> t.zeebeJobType(id))
        .boundaryEvent("overdue", b -> b.timerWithDuration("P5D"))
        .serviceTask("warn", t -> t.zeebeJobType(id + "-warn")).endEvent()
        .moveToActivity("verify").endEvent().done());
    long instance = start(id);
    pinClock(inFuture(Duration.ofDays(6)));
    assertThat(activate(id + "-warn", 1)).hasSize(1);
    assertThat(elementIds(instance, "TERMINATED")).contains("verify");
  }

  @Test
  void nonInterruptingCycleBoundaryFiresRepeatedlyWhileTheTaskWaits() {
    String id = uniqueId("reminder");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("verify", t -> t.zeebeJobType(id))
        .boundaryEvent("remind", b -> b.cancelActivity(false).timerWithCycle("R3/PT1H"))
        .serviceTask("remind-officer", t -> t.zeebeJobType(id + "-remind")).endEvent()
        .moveToActivity("verify").endEvent().done());
    start(id);
    long now = System.currentTimeMillis();
    pinClock(now + Duration.ofMinutes(61).toMillis());
    pinClock(now + Duration.ofMinutes(122).toMillis());
    assertThat(activate(id + "-remind", 10)).hasSize(2);
    assertThat(activate(id, 1)).hasSize(1);
  }

  @Test
  void timerStartEventCreatesInstances() {
    String id = uniqueId("timer-start");
    String date = Instant.ofEpochMilli(inFuture(Duration.ofDays(1))).toString();
    deploy(Bpmn.createExecutableProcess(id).startEvent("tick").timerWithDate(date)
        .serviceTask("work", t -> t.zeebeJobType(id)).endEvent().done());
    assertThat(activate(id, 1)).isEmpty();
    pinClock(inFuture(Duration.ofDays(2)));
    assertThat(activate(id, 5)).hasSize(1);
  }
}
