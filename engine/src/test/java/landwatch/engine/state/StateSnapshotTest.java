package landwatch.engine.state;

import static landwatch.engine.state.StateFixtures.processInstance;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The restart check's images: equal when the tables would hold the same, with a diff when not. */
class StateSnapshotTest {

  private static EngineState stateWith(Object value, String worker) {
    EngineState state = new EngineState();
    ElementInstance instance = processInstance(1);
    state.instances().put(instance);
    state.variables().set(1, 1, "amount", value, () -> 5);
    Job job = new Job(2, "work", 3, Map.of(), instance);
    state.jobs().put(job);
    job.activate(worker, 1_000);
    return state;
  }

  @Test
  void numbersAreComparedByValueAsTheTablesGiveThemBack() {
    StateSnapshot hot = StateSnapshot.of(stateWith(new BigDecimal("1.50"), "w"));
    StateSnapshot restarted = StateSnapshot.of(stateWith(1.5, "w"));

    assertThat(hot).isEqualTo(restarted);
    assertThat(hot.diff(restarted)).isEmpty();
  }

  @Test
  void aDifferenceIsNamedByConcernAndKey() {
    StateSnapshot hot = StateSnapshot.of(stateWith(1, "w"));
    StateSnapshot restarted = StateSnapshot.of(stateWith(2, "other"));

    assertThat(hot).isNotEqualTo(restarted);
    assertThat(hot.diff(restarted))
        .contains("variables 00000000000000000001:\n    {\"amount\":1}\n  ≠ {\"amount\":2}")
        .contains("jobs 00000000000000000002:")
        .doesNotContain("elementInstances");
  }

  @Test
  void whatAnIndexAnswersIsPartOfTheImage() {
    EngineState state = stateWith(1, "w");
    StateSnapshot before = StateSnapshot.of(state);

    state.jobs().get(2).release();

    assertThat(StateSnapshot.of(state).diff(before))
        .contains("activatableJobs work:\n    [2]\n  ≠ (none)");
  }
}
