package landwatch.engine.state;

import static landwatch.engine.state.StateFixtures.processInstance;
import static landwatch.engine.state.StateFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The activatable queue of a type follows its jobs' states, whichever mutator changes them. */
class JobStateTest {

  private final EngineState state = new EngineState();
  private final ElementInstance instance = task(10, processInstance(1));

  private Job job(long key, String type) {
    Job job = new Job(key, type, 3, Map.of(), instance);
    state.jobs().put(job);
    return job;
  }

  @Test
  void jobsAreActivatableInTheOrderTheyBecameSo() {
    Job first = job(1, "work");
    Job second = job(2, "work");
    job(3, "other");

    first.activate("worker", 1_000);
    assertThat(state.jobs().activatable("work")).containsExactly(2L);

    first.release();
    assertThat(state.jobs().activatable("work")).containsExactly(2L, 1L);
    assertThat(state.jobs().activatable("other")).containsExactly(3L);
    assertThat(state.jobs().activatable("none")).isEmpty();
    second.activate("worker", 1_000);
    assertThat(state.jobs().activatable("work")).containsExactly(1L);
  }

  @Test
  void aFailedJobIsActivatableAgainOnlyOnceItRecurs() {
    Job job = job(1, "work");
    job.activate("worker", 1_000);

    job.fail(2, "try again");
    job.backOff(5_000);
    assertThat(job.state()).isEqualTo(Job.State.FAILED);
    assertThat(job.worker()).isEmpty();
    assertThat(job.deadline()).isEqualTo(-1);
    assertThat(state.jobs().activatable("work")).isEmpty();

    job.recur();
    assertThat(job.retryBackoffUntil()).isEqualTo(-1);
    assertThat(state.jobs().activatable("work")).containsExactly(1L);
  }

  @Test
  void jobsThatWaitForAnIncidentAreNotActivatable() {
    Job failed = job(1, "work");
    Job thrown = job(2, "work");
    failed.activate("worker", 1_000);
    thrown.activate("worker", 1_000);

    failed.fail(0, "");
    failed.stop();
    thrown.errorThrown("uncaught");

    assertThat(state.jobs().activatable("work")).isEmpty();
    assertThat(thrown.state()).isEqualTo(Job.State.ERROR_THROWN);
    assertThat(thrown.errorMessage()).isEqualTo("uncaught");
  }

  @Test
  void aRemovedJobLeavesItsQueue() {
    Job job = job(1, "work");

    state.jobs().remove(job);

    assertThat(state.jobs().get(1)).isNull();
    assertThat(state.jobs().activatable("work")).isEmpty();
    job.release();
    assertThat(state.jobs().activatable("work")).isEmpty();
  }
}
