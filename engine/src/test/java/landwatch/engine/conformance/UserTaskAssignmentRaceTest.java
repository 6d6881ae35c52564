package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Concurrent commands on one task: exactly one completion wins and applies its variables once; of
 * concurrent assignments without override exactly one wins; the refused ones change nothing.
 */
class UserTaskAssignmentRaceTest extends EngineTest {

  private static final int CALLERS = 16;

  private long openTask(String id, long instance) {
    List<UserTask> tasks =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(instance))
            .send()
            .join()
            .items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0).getUserTaskKey();
  }

  private String deployProcess(String prefix) {
    String id = uniqueId(prefix);
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("t", u -> u.zeebeUserTask().zeebeOutputExpression("by", "completedBy"))
            .serviceTask("after", s -> s.zeebeJobType(id))
            .endEvent()
            .done());
    return id;
  }

  /** The status each call was answered with: 204 for success, else the problem's status. */
  private static List<Integer> outcomes(List<CompletableFuture<?>> calls) {
    List<Integer> codes = new ArrayList<>();
    for (CompletableFuture<?> call : calls) {
      try {
        call.join();
        codes.add(204);
      } catch (ProblemException problem) {
        codes.add(problem.code());
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof ProblemException problem)) {
          throw e;
        }
        codes.add(problem.code());
      }
    }
    return codes;
  }

  @Test
  void ofConcurrentCompletionsExactlyOneWinsAndTheElementCompletesOnce() {
    String id = deployProcess("race-complete");
    long instance = start(id);
    long key = openTask(id, instance);

    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      calls.add(
          client
              .newCompleteUserTaskCommand(key)
              .variables(Map.of("by", "caller-" + i))
              .send()
              .toCompletableFuture());
    }
    List<Integer> codes = outcomes(calls);
    assertThat(codes).filteredOn(c -> c == 204).hasSize(1);
    assertThat(codes).filteredOn(c -> c != 204).hasSize(CALLERS - 1).allMatch(c -> c == 404);

    String winner = "caller-" + codes.indexOf(204);
    assertThat(client.newUserTaskGetRequest(key).send().join().getState())
        .isEqualTo(UserTaskState.COMPLETED);
    assertThat(recordLog(instance).intentsOf("t"))
        .containsExactly(
            RecordLog.ACTIVATING, RecordLog.ACTIVATED, RecordLog.COMPLETING, RecordLog.COMPLETED);
    assertThat(recordLog(instance).intentsOfType("USER_TASK"))
        .containsExactly("CREATING", "CREATED", "COMPLETING", "COMPLETED");
    assertThat(activateOne(id).getVariablesAsMap()).containsEntry("completedBy", winner);
  }

  @Test
  void ofConcurrentAssignmentsWithoutOverrideExactlyOneWins() {
    String id = deployProcess("race-assign");
    long instance = start(id);
    long key = openTask(id, instance);

    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      calls.add(
          client
              .newAssignUserTaskCommand(key)
              .assignee("officer-" + i)
              .allowOverride(false)
              .send()
              .toCompletableFuture());
    }
    List<Integer> codes = outcomes(calls);
    assertThat(codes).filteredOn(c -> c == 204).hasSize(1);
    assertThat(codes).filteredOn(c -> c != 204).hasSize(CALLERS - 1).allMatch(c -> c == 409);
    assertThat(client.newUserTaskGetRequest(key).send().join().getAssignee())
        .isEqualTo("officer-" + codes.indexOf(204));
    assertThat(recordLog(instance).intentsOfType("USER_TASK"))
        .containsExactly("CREATING", "CREATED", "ASSIGNING", "ASSIGNED");
  }

  @Test
  void assignmentsRacingACompletionAreEitherAppliedBeforeItOrRefused() {
    String id = deployProcess("race-mixed");
    long instance = start(id);
    long key = openTask(id, instance);

    List<CompletableFuture<?>> assignments = new ArrayList<>();
    CompletableFuture<?> completion = null;
    for (int i = 0; i < CALLERS; i++) {
      if (i == CALLERS / 2) {
        completion =
            client
                .newCompleteUserTaskCommand(key)
                .variables(Map.of("by", "completer"))
                .send()
                .toCompletableFuture();
      }
      assignments.add(
          client.newAssignUserTaskCommand(key).assignee("a-" + i).send().toCompletableFuture());
    }
    completion.join();
    List<Integer> codes = outcomes(assignments);
    assertThat(codes).allMatch(c -> c == 204 || c == 404);
    long applied = codes.stream().filter(c -> c == 204).count();
    List<String> intents = recordLog(instance).intentsOfType("USER_TASK");
    assertThat(intents).filteredOn("ASSIGNED"::equals).hasSize((int) applied);
    assertThat(intents.subList(intents.size() - 2, intents.size()))
        .containsExactly("COMPLETING", "COMPLETED");
    assertThat(activateOne(id).getVariablesAsMap()).containsEntry("completedBy", "completer");
  }
}
