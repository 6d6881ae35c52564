package landwatch.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.ProcessBuilder;
import org.junit.jupiter.api.Test;

/**
 * The model cache: bounded by weight, least recently used out first, one parse per concurrent miss.
 */
class ProcessModelsTest {

  private final AtomicInteger parses = new AtomicInteger();

  private ProcessModels.Loaded parse(DeployedProcess process) {
    parses.incrementAndGet();
    return new ProcessModels.Loaded(
        new ProcessBuilder(process.bpmnProcessId(), null, null).build(), 100);
  }

  private static DeployedProcess version(ProcessModels models, long key) {
    return new DeployedProcess(
        key, "p" + key, 1, "p.bpmn", "c" + key, 1, key, null, null, List.of(), models);
  }

  @Test
  void aMissParsesOnceAndAHitParsesNothing() {
    ProcessModels models = new ProcessModels(1_000, this::parse);
    DeployedProcess one = version(models, 1);
    ExecutableProcess first = one.executable();
    assertThat(one.executable()).isSameAs(first);
    assertThat(parses).hasValue(1);
    assertThat(models.misses()).isEqualTo(1);
  }

  @Test
  void theWeightIsBoundedAndTheLeastRecentlyUsedGoFirst() {
    ProcessModels models = new ProcessModels(300, this::parse);
    DeployedProcess one = version(models, 1);
    DeployedProcess two = version(models, 2);
    DeployedProcess three = version(models, 3);
    one.executable();
    two.executable();
    three.executable();
    one.executable(); // one is now more recent than two
    version(models, 4).executable();
    assertThat(models.weight()).isLessThanOrEqualTo(300);
    assertThat(models.size()).isEqualTo(3);
    int before = parses.get();
    one.executable();
    three.executable();
    assertThat(parses.get()).isEqualTo(before);
    two.executable();
    assertThat(parses.get()).isEqualTo(before + 1);
  }

  @Test
  void aModelHeavierThanTheBoundIsStillServed() {
    ProcessModels models = new ProcessModels(50, this::parse);
    assertThat(version(models, 1).executable()).isNotNull();
    assertThat(version(models, 2).executable()).isNotNull();
    assertThat(models.size()).isEqualTo(1);
  }

  @Test
  void aVersionBeingDeployedHoldsItsModelUntilCommittedThenTheCacheHasIt() {
    ProcessModels models = new ProcessModels(1_000, this::parse);
    ExecutableProcess executable = new ProcessBuilder("d", null, null).build();
    DeployedProcess deployed =
        DeployedProcess.deployed(7, 1, "d.bpmn", "c", 1, 7, executable, 10, models);
    assertThat(deployed.executable()).isSameAs(executable);
    assertThat(models.size()).isZero();
    deployed.committed();
    assertThat(models.size()).isEqualTo(1);
    assertThat(version(models, 7).executable()).isSameAs(executable);
    assertThat(parses).hasValue(0);
  }

  @Test
  void concurrentMissesOfOneVersionParseOnce() throws Exception {
    CountDownLatch parsing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ProcessModels models =
        new ProcessModels(
            1_000,
            process -> {
              parsing.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return parse(process);
            });
    DeployedProcess one = version(models, 1);
    CompletableFuture<ExecutableProcess> a = CompletableFuture.supplyAsync(one::executable);
    parsing.await(10, TimeUnit.SECONDS);
    CompletableFuture<ExecutableProcess> b = CompletableFuture.supplyAsync(one::executable);
    TimeUnit.MILLISECONDS.sleep(100);
    release.countDown();
    assertThat(a.get(10, TimeUnit.SECONDS)).isSameAs(b.get(10, TimeUnit.SECONDS));
    assertThat(parses).hasValue(1);
  }
}
