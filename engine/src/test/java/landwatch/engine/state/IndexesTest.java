package landwatch.engine.state;

import static landwatch.engine.state.StateFixtures.processInstance;
import static landwatch.engine.state.StateFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the per-concern stores find their objects by, as objects come and go. */
class IndexesTest {

  private final EngineState state = new EngineState();

  @Test
  void childrenArePerFlowScopeOldestFirstAndLeaveWhenTheyEnd() {
    ElementInstance scope = processInstance(1);
    ElementInstance first = task(2, scope);
    ElementInstance second = task(3, scope);
    state.instances().put(scope);
    state.instances().put(first);
    state.instances().put(second);

    assertThat(state.instances().children(1)).containsExactly(first, second);
    state.instances().remove(first);
    assertThat(state.instances().children(1)).containsExactly(second);
    assertThat(state.instances().children(3)).isEmpty();
  }

  @Test
  void aMessageStartedInstanceIsFoundByProcessAndCorrelationKeyWhileItRuns() {
    ElementInstance instance = processInstance(1);
    state.instances().put(instance);
    assertThat(state.instances().hasMessageStartedInstance("p", "order-1")).isFalse();

    instance.setStartCorrelationKey("order-1");
    assertThat(state.instances().hasMessageStartedInstance("p", "order-1")).isTrue();
    assertThat(state.instances().hasMessageStartedInstance("other", "order-1")).isFalse();

    state.instances().remove(instance);
    assertThat(state.instances().hasMessageStartedInstance("p", "order-1")).isFalse();
  }

  @Test
  void subscriptionsAreFoundByTheirEventAndBySubscriber() {
    ElementInstance waiting = task(10, processInstance(1));
    EventSubscription message =
        new EventSubscription(
            20, EventSubscription.Kind.MESSAGE, "paid", "order-1", waiting, "catch", true);
    EventSubscription signal =
        new EventSubscription(
            21, EventSubscription.Kind.SIGNAL, "paid", null, waiting, "boundary", false);
    state.subscriptions().put(message);
    state.subscriptions().put(signal);

    assertThat(state.subscriptions().find(EventSubscription.Kind.MESSAGE, "paid", "order-1"))
        .containsExactly(message);
    assertThat(state.subscriptions().find(EventSubscription.Kind.MESSAGE, "paid", "order-2"))
        .isEmpty();
    assertThat(state.subscriptions().find(EventSubscription.Kind.SIGNAL, "paid", null))
        .containsExactly(signal);
    assertThat(state.subscriptions().of(10)).containsExactly(message, signal);

    state.subscriptions().remove(message);
    assertThat(state.subscriptions().find(EventSubscription.Kind.MESSAGE, "paid", "order-1"))
        .isEmpty();
    assertThat(state.subscriptions().of(10)).containsExactly(signal);
  }

  @Test
  void messagesAreFoundByCorrelationOldestFirstAndByIdUntilTheyExpire() {
    Message first = new Message(1, "paid", "order-1", "m-1", Map.of(), 1_000);
    Message second = new Message(2, "paid", "order-1", "", Map.of(), 1_000);
    state.messages().put(first);
    state.messages().put(second);

    assertThat(state.messages().find("paid", "order-1")).containsExactly(first, second);
    assertThat(state.messages().hasMessageWithId("paid", "m-1")).isTrue();
    assertThat(state.messages().hasMessageWithId("paid", "")).isFalse();
    assertThat(second.messageId()).isNull();

    state.messages().remove(first);
    assertThat(state.messages().find("paid", "order-1")).containsExactly(second);
    assertThat(state.messages().hasMessageWithId("paid", "m-1")).isFalse();
  }

  @Test
  void theNextTimerIsTheOneDueFirstThenTheOlderOne() {
    ElementInstance waiting = task(10, processInstance(1));
    Timer late = Timer.of(3, waiting, "timer", 500, 1, null);
    Timer early = Timer.of(4, waiting, "timer", 100, 1, null);
    Timer sameTimeYounger = Timer.ofStartEvent(5, StateFixtures.PROCESS, "start", 100, -1, "PT1M");
    state.timers().put(late);
    state.timers().put(sameTimeYounger);
    state.timers().put(early);

    assertThat(state.timers().next()).isSameAs(early);
    assertThat(state.timers().of(10)).containsExactly(late, early);
    state.timers().remove(early);
    assertThat(state.timers().next()).isSameAs(sameTimeYounger);
    assertThat(state.timers().of(-1)).containsExactly(sameTimeYounger);
  }

  @Test
  void aCycleRepeatsWithOneRepetitionLessUnlessItRepeatsForever() {
    ElementInstance waiting = task(10, processInstance(1));
    Timer twice = Timer.of(3, waiting, "timer", 500, 2, "PT1M");
    Timer forever = Timer.ofStartEvent(4, StateFixtures.PROCESS, "start", 500, -1, "PT1M");

    Timer next = twice.next(5, 560);
    assertThat(
            List.of(
                next.key(), next.dueDate(), (long) next.repetitions(), next.elementInstanceKey()))
        .containsExactly(5L, 560L, 1L, 10L);
    assertThat(forever.next(6, 560).repetitions()).isEqualTo(-1);
  }

  @Test
  void incidentsAreFoundByTheInstanceTheyStop() {
    ElementInstance instance = task(10, processInstance(1));
    Incident first = new Incident(30, "IO_MAPPING_ERROR", "a", instance, -1, 100);
    Incident second = new Incident(31, "JOB_NO_RETRIES", "b", instance, 20, 100);
    state.incidents().put(first);
    state.incidents().put(second);

    assertThat(state.incidents().of(10)).containsExactly(first, second);
    state.incidents().resolve(first);
    assertThat(state.incidents().of(10)).containsExactly(second);
  }
}
