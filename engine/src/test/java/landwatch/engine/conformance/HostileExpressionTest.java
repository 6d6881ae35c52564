package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Expressions and collections an attacker or a careless modeller might deploy: each ends in an
 * incident naming the property that bounds it, and the engine goes on with other instances
 * meanwhile (default limits: a 2 s evaluation budget, 10,000 multi-instance elements).
 */
class HostileExpressionTest extends EngineTest {

  /** Far beyond "it did not hang"; an evaluation is abandoned after 2 s. */
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  @Test
  void aQuadraticForLoopIsAbandonedAtTheBudgetWithAnIncident() {
    expensiveScriptRaisesBudgetIncident(
        "= count(for x in 1..3000 return count(for y in 1..3000 return y))");
  }

  @Test
  void aForLoopOverMillionsIsAbandonedAtTheBudgetWithAnIncident() {
    expensiveScriptRaisesBudgetIncident("= count(for x in 1..3000000 return x)");
  }

  @Test
  void aMultiInstanceOverTooLargeACollectionRaisesAnIncidentNamingTheLimit() {
    String id = uniqueId("mi-huge");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .manualTask("each")
            .multiInstance(
                mi ->
                    mi.parallel().zeebeInputCollectionExpression("items").zeebeInputElement("item"))
            .endEvent()
            .done());
    List<Integer> items = IntStream.rangeClosed(1, 200_000).boxed().toList();
    long started = System.nanoTime();
    CompletableFuture<Long> huge =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("items", items))
            .send()
            .toCompletableFuture()
            .thenApply(e -> e.getProcessInstanceKey());

    assertAnIncidentWhileOthersGoOn(
        huge,
        started,
        message ->
            assertThat(message)
                .isEqualTo(
                    "Expected the input collection 'items' to hold at most 10000 elements"
                        + " (landwatch.engine.limits.max-multi-instance-collection-size), but it held 200000"));
  }

  @Test
  void aMultiInstanceAtTheLimitCompletes() {
    String id = uniqueId("mi-limit");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .manualTask("each")
            .multiInstance(
                mi ->
                    mi.parallel()
                        .zeebeInputCollectionExpression("items")
                        .zeebeInputElement("item")
                        .zeebeOutputCollection("doubled")
                        .zeebeOutputElementExpression("item * 2"))
            .serviceTask("check", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    List<Integer> items = IntStream.rangeClosed(1, 10_000).boxed().toList();
    long started = System.nanoTime();
    long instance = start(id, Map.of("items", items));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GENEROUS);

    List<?> doubled =
        (List<?>)
            client
                .newActivateJobsCommand()
                .jobType(id)
                .maxJobsToActivate(1)
                .timeout(Duration.ofMinutes(1))
                .requestTimeout(Duration.ofSeconds(20))
                .send()
                .join()
                .getJobs()
                .get(0)
                .getVariablesAsMap()
                .get("doubled");
    assertThat(doubled).hasSize(10_000);
    assertThat(doubled.get(9_999)).isEqualTo(20_000);
    assertThat(processState(instance)).isEqualTo("ACTIVE");
  }

  @Test
  void aResultNestedThousandsOfLevelsDeepRaisesAnIncidentAndTheWriterGoesOn() {
    StringBuilder chain = new StringBuilder("= {a0: [1]");
    for (int level = 1; level <= 5000; level++) {
      chain.append(", a").append(level).append(": [a").append(level - 1).append("]");
    }
    // whichever comes first on this machine: the budget, or the result overflowing the stack
    Consumer<String> budgetOrDepth =
        message ->
            assertThat(message)
                .containsAnyOf(
                    "Expected to evaluate the expression within 2000 ms (landwatch.engine.feel.evaluation-budget)",
                    "nests too deeply to be built (far beyond landwatch.engine.limits.max-variable-depth)");
    scriptRaisesIncident(chain.append("}").toString(), budgetOrDepth);
    // the writer still runs: a second one ends the same way instead of waiting for a dead writer
    scriptRaisesIncident(chain.toString(), budgetOrDepth);
  }

  @Test
  void aContextThatMultipliesItsEntriesIsAbandonedAtTheBudget() {
    StringBuilder dag = new StringBuilder("= {a0: [" + "1, ".repeat(9) + "1]");
    for (int level = 1; level <= 7; level++) {
      dag.append(", a")
          .append(level)
          .append(": [")
          .append(("a" + (level - 1) + ", ").repeat(9))
          .append("a")
          .append(level - 1)
          .append("]");
    }
    expensiveScriptRaisesBudgetIncident(dag.append("}").toString());
  }

  @Test
  void aDecisionRunningPastTheBudgetRaisesAnIncidentAndTheWriterGoesOn() {
    String id = uniqueId("dmn-expensive");
    StringBuilder dag = new StringBuilder("{a0: [" + "1, ".repeat(9) + "1]");
    for (int level = 1; level <= 7; level++) {
      dag.append(", a")
          .append(level)
          .append(": [")
          .append(("a" + (level - 1) + ", ").repeat(9))
          .append("a")
          .append(level - 1)
          .append("]");
    }
    String dmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="%1$s-drg"
            name="Expensive" namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="%1$s" name="Expensive">
            <variable id="v" name="n" />
            <literalExpression id="e"><text>%2$s}</text></literalExpression>
          </decision>
        </definitions>
        """
            .formatted(id, dag);
    client.newDeployResourceCommand().addResourceStringUtf8(dmn, id + ".dmn").send().join();
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .businessRuleTask("judge", t -> t.zeebeCalledDecisionId(id).zeebeResultVariable("n"))
            .endEvent()
            .done());
    CompletableFuture<Long> expensive =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .send()
            .toCompletableFuture()
            .thenApply(e -> e.getProcessInstanceKey());

    assertUnrelatedInstanceCompletes(JobActivation.LONG_POLL);
    long instance = expensive.join();
    List<Incident> incidents =
        await().atMost(GENEROUS).until(() -> activeIncidents(instance), i -> !i.isEmpty());
    assertThat(incidents)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getErrorType().name()).isEqualTo("DECISION_EVALUATION_ERROR");
              assertThat(i.getErrorMessage())
                  .isEqualTo(
                      "Expected to evaluate decision '"
                          + id
                          + "' within 2000 ms (landwatch.engine.feel.evaluation-budget), but it"
                          + " was still running and was abandoned");
            });
    assertThat(processState(instance)).isEqualTo("ACTIVE");
  }

  private void expensiveScriptRaisesBudgetIncident(String expression) {
    scriptRaisesIncident(
        expression,
        message ->
            assertThat(message)
                .contains(
                    "Expected to evaluate the expression within 2000 ms"
                        + " (landwatch.engine.feel.evaluation-budget), but it was still running and was abandoned"));
  }

  private void scriptRaisesIncident(String expression, Consumer<String> message) {
    String id = uniqueId("feel-expensive");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .scriptTask(
                "compute",
                s -> s.zeebeExpression(expression.substring(1).trim()).zeebeResultVariable("n"))
            .endEvent()
            .done());
    long started = System.nanoTime();
    CompletableFuture<Long> expensive =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .send()
            .toCompletableFuture()
            .thenApply(e -> e.getProcessInstanceKey());

    assertAnIncidentWhileOthersGoOn(expensive, started, message);
  }

  /**
   * While the hostile instance's creation is under way, an unrelated instance completes; the
   * hostile instance then has, within {@link #GENEROUS} of {@code started}, a single
   * EXTRACT_VALUE_ERROR incident whose message satisfies {@code message}, and stays ACTIVE.
   */
  private void assertAnIncidentWhileOthersGoOn(
      CompletableFuture<Long> hostile, long started, Consumer<String> message) {
    assertUnrelatedInstanceCompletes(JobActivation.LONG_POLL);
    long instance = hostile.join();
    List<Incident> incidents =
        await().atMost(GENEROUS).until(() -> activeIncidents(instance), i -> !i.isEmpty());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GENEROUS);
    assertThat(incidents)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
              message.accept(i.getErrorMessage());
            });
    assertThat(processState(instance)).isEqualTo("ACTIVE");
  }
}
