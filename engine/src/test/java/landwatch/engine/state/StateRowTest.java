package landwatch.engine.state;

import static landwatch.engine.state.StateFixtures.deleted;
import static landwatch.engine.state.StateFixtures.processInstance;
import static landwatch.engine.state.StateFixtures.task;
import static landwatch.engine.state.StateFixtures.upserted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import landwatch.engine.state.StateChanges.Table;
import org.junit.jupiter.api.Test;

/**
 * Every mutation of a row of the hot state is written with its batch, once, without being asked to.
 */
class StateRowTest {

  private final EngineState state = new EngineState();

  @Test
  void aRowChangedInALaterBatchIsWrittenWithThatBatchOnceHoweverOftenItChanges() {
    ElementInstance instance = processInstance(1);
    state.instances().put(instance);
    state.changes().clear();
    assertThat(state.changes().isEmpty()).isTrue();

    instance.transitionTo(ElementState.ELEMENT_ACTIVATED);
    instance.setJobKey(7);
    instance.setTriggerVariables(Map.of("x", 1));

    assertThat(upserted(state, Table.ELEMENT_INSTANCE)).containsExactly(1L);
    assertThat(state.changes().isEmpty()).isFalse();
  }

  @Test
  void aRowChangesAgainAfterItsBatchWasApplied() {
    ElementInstance instance = processInstance(1);
    state.instances().put(instance);
    state.changes().clear();
    instance.setIncidentKey(9);
    state.changes().clear();

    instance.setIncidentKey(-1);

    assertThat(upserted(state, Table.ELEMENT_INSTANCE)).containsExactly(1L);
  }

  @Test
  void aRowNotPartOfTheStateIsNotWritten() {
    ElementInstance instance = processInstance(1);
    instance.setTriggerElementId("start");
    Message correlatedAtOnce = new Message(2, "m", "k", null, Map.of(), 0);
    correlatedAtOnce.correlatedTo(1);

    assertThat(state.changes().isEmpty()).isTrue();
  }

  @Test
  void aDeletedRowIsDeletedEvenWhenItChangedInTheSameBatchAndIsNotWrittenAfterwards() {
    ElementInstance instance = task(10, processInstance(1));
    Job job = new Job(20, "work", 3, Map.of(), instance);
    state.jobs().put(job);
    job.activate("worker", 1_000);

    state.jobs().remove(job);
    job.release();

    assertThat(upserted(state, Table.JOB)).isEmpty();
    assertThat(deleted(state, Table.JOB)).containsExactly(20L);
    state.changes().clear();
    job.activate("late", 2_000);
    assertThat(state.changes().isEmpty()).isTrue();
  }

  @Test
  void anEndedInstanceAndItsVariablesAreWrittenAsHistoryAndLeaveTheHotState() {
    ElementInstance instance = processInstance(1);
    state.instances().put(instance);
    state.variables().set(1, 1, "x", 1, () -> 7);
    state.changes().clear();
    state.variables().set(1, 1, "x", 2, () -> 8);

    instance.transitionTo(ElementState.ELEMENT_COMPLETED);
    instance.setEndDate(200);
    state.instances().remove(instance);

    assertThat(state.instances().get(1)).isNull();
    assertThat(upserted(state, Table.ELEMENT_INSTANCE)).containsExactly(1L);
    assertThat(state.variables().local(1)).isEmpty();
    assertThat(state.changes().variableUpserts.get(1L).get("x"))
        .isEqualTo(new StateChanges.VariableRow(1, 7, 2));
  }

  @Test
  void aResolvedIncidentLeavesTheStateAndItsRowStaysResolved() {
    ElementInstance instance = processInstance(1);
    Incident incident = new Incident(30, "JOB_NO_RETRIES", "boom", instance, -1, 100);
    state.incidents().put(incident);
    state.changes().clear();

    state.incidents().resolve(incident);

    assertThat(state.incidents().get(30)).isNull();
    assertThat(state.incidents().of(1)).isEmpty();
    assertThat(incident.state()).isEqualTo("RESOLVED");
    assertThat(upserted(state, Table.INCIDENT)).containsExactly(30L);
  }
}
