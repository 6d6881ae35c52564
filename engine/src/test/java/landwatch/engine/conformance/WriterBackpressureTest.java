package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import landwatch.engine.health.WriterHealthIndicator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an answer means while the single writer is held (by an expression that runs to the end of
 * its 8 s budget): a command refused before it was queued answers 503 and was not applied; a queued
 * command not answered within the 3 s command timeout answers 504 and may still be applied (it is);
 * the writer's health is DOWN while it is held with commands waiting, UP afterwards.
 */
class WriterBackpressureTest extends EngineTest {

  private static final int QUEUE_CAPACITY = 3;
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws SQLException {
    String jdbcUrl = TestPostgres.newDatabase("backpressure");
    registry.add("engine.test.jdbc-url", () -> jdbcUrl);
    registry.add("landwatch.engine.feel.evaluation-budget", () -> "8s");
    registry.add("landwatch.engine.command-timeout", () -> "3s");
    registry.add("landwatch.engine.command-queue-capacity", () -> QUEUE_CAPACITY);
    registry.add("landwatch.engine.health.writer-stall-threshold", () -> "500ms");
  }

  @Autowired WriterHealthIndicator writerHealth;

  private String holding;

  @BeforeEach
  void deployTheHoldingProcess() {
    holding = uniqueId("hold");
    deploy(
        Bpmn.createExecutableProcess(holding)
            .startEvent()
            .scriptTask(
                "spin",
                // 10^8 iterations, far past the budget however fast the machine, in little memory
                s ->
                    s.zeebeExpression(
                            "count(for x in 1..10000 return count(for y in 1..10000 return y))")
                        .zeebeResultVariable("n"))
            .endEvent()
            .done());
  }

  @Test
  void aCommandQueuedPastTheCommandTimeoutAnswers504AndIsAppliedLater() {
    String id = uniqueId("queued");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    holdTheWriter();

    ProblemException timeout =
        problemOf(
            client
                .newCreateInstanceCommand()
                .bpmnProcessId(id)
                .latestVersion()
                .send()
                .toCompletableFuture());

    assertThat(timeout.code()).isEqualTo(504);
    assertThat(timeout.details().getTitle()).isEqualTo("DEADLINE_EXCEEDED");
    assertThat(timeout.details().getDetail())
        .contains("(landwatch.engine.command-timeout)", "outcome is unknown");
    await().atMost(GENEROUS).until(() -> instancesOf(id) == 1);
    assertUnrelatedInstanceCompletes(JobActivation.LONG_POLL);
  }

  @Test
  void aCommandRefusedBecauseTheQueueIsFullAnswers503AndIsNotApplied() {
    String id = uniqueId("refused");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    holdTheWriter();

    List<CompletableFuture<?>> creations = new ArrayList<>();
    for (int i = 0; i < QUEUE_CAPACITY + 5; i++) {
      creations.add(
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(id)
              .latestVersion()
              .send()
              .toCompletableFuture());
    }
    List<ProblemException> problems =
        creations.stream().map(WriterBackpressureTest::problemOf).toList();

    List<ProblemException> refused = problems.stream().filter(p -> p.code() == 503).toList();
    assertThat(refused)
        .hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(
            p -> {
              assertThat(p.details().getTitle()).isEqualTo("RESOURCE_EXHAUSTED");
              assertThat(p.details().getDetail())
                  .contains("command queue is full", "nothing was applied");
            });
    assertThat(problems).allSatisfy(p -> assertThat(p.code()).isIn(503, 504));
    long applied = problems.size() - refused.size();
    await().atMost(GENEROUS).until(() -> instancesOf(id) == applied);
    assertUnrelatedInstanceCompletes(JobActivation.LONG_POLL);
    assertThat(instancesOf(id)).isEqualTo(applied);
  }

  @Test
  void theWritersHealthIsDownWhileItIsHeldWithCommandsWaitingAndUpAfterwards() {
    assertThat(writerHealth.health().getStatus()).isEqualTo(Status.UP);
    CompletableFuture<?> held = holdTheWriter();

    assertThat(writerHealth.health().getDetails().get("reason").toString())
        .contains("(landwatch.engine.health.writer-stall-threshold)");
    problemOf(held);
    await().atMost(GENEROUS).until(() -> writerHealth.health().getStatus().equals(Status.UP));
    assertUnrelatedInstanceCompletes(JobActivation.LONG_POLL);
  }

  /**
   * Starts an instance whose script holds the writer for the evaluation budget; returns once it is
   * held.
   */
  private CompletableFuture<?> holdTheWriter() {
    CompletableFuture<?> creation =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(holding)
            .latestVersion()
            .send()
            .toCompletableFuture();
    await().atMost(GENEROUS).until(() -> writerHealth.health().getStatus().equals(Status.DOWN));
    return creation;
  }

  private long instancesOf(String processId) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .send()
        .join()
        .items()
        .size();
  }

  private static ProblemException problemOf(CompletableFuture<?> request) {
    try {
      request.join();
    } catch (ProblemException problem) {
      return problem;
    } catch (CompletionException e) {
      if (e.getCause() instanceof ProblemException problem) {
        return problem;
      }
      throw e;
    }
    throw new AssertionError("expected the request to fail");
  }
}
