package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * User task listeners (Camunda 8.8): each transition's listeners run one after another as {@code
 * TASK_LISTENER} jobs while the task waits in its transitional state; the last one's completion
 * makes the transition take effect with the listeners' corrections, a denial returns the task to
 * CREATED with nothing of the command applied, and the command's caller gets the outcome.
 */
class TaskListenerTest extends EngineTest {

  private BpmnModelInstance process(String id, Consumer<UserTaskBuilder> task) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .userTask(
            "review",
            u -> {
              u.zeebeUserTask().zeebeOutputExpression("verdict", "result");
              task.accept(u);
            })
        .endEvent()
        .done();
  }

  private UserTask taskOf(long processInstanceKey) {
    List<UserTask> tasks =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey))
            .send()
            .join()
            .items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private List<UserTask> createdTasksOf(long processInstanceKey) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED))
        .send()
        .join()
        .items();
  }

  /** The key of the instance's task, which must be CREATED. */
  private long createdTask(long instance) {
    UserTask task = taskOf(instance);
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    return task.getUserTaskKey();
  }

  /**
   * Waits (long poll) for the listener job a command sent without waiting for its answer makes: the
   * command may not have been processed when the activation arrives.
   */
  private ActivatedJob awaitListener(String type) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(5))
            .requestTimeout(Duration.ofSeconds(30))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private List<String> variableNames(long instance) {
    return client
        .newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(instance))
        .send()
        .join()
        .items()
        .stream()
        .map(v -> v.getName())
        .toList();
  }

  private static ProblemException problemOf(CamundaFuture<?> future) {
    try {
      future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ProblemException problem) {
        return problem;
      }
      throw e;
    } catch (ProblemException problem) {
      return problem;
    }
    throw new AssertionError("expected the command to be refused");
  }

  @Test
  void aCreatingListenerRunsBeforeTheTaskIsCreatedAndMayCorrectIt() {
    String id = uniqueId("tl-creating");
    String type = id + "-listener";
    deploy(
        process(
            id,
            u ->
                u.zeebeCandidateGroups("clerks")
                    .zeebeTaskHeader("region", "640104")
                    .zeebeTaskListener(l -> l.creating().type(type))));
    long instance = start(id);

    assertThat(taskOf(instance).getState()).isEqualTo(UserTaskState.CREATING);
    assertThat(createdTasksOf(instance)).isEmpty();

    ActivatedJob listener = activateOne(type);
    assertThat(listener.getKind()).isEqualTo(JobKind.TASK_LISTENER);
    assertThat(listener.getListenerEventType()).isEqualTo(ListenerEventType.CREATING);
    assertThat(listener.getUserTask().getUserTaskKey())
        .isEqualTo(taskOf(instance).getUserTaskKey());
    assertThat(listener.getUserTask().getCandidateGroups()).containsExactly("clerks");
    assertThat(listener.getCustomHeaders()).containsEntry("region", "640104");

    client
        .newCompleteCommand(listener)
        .withResult(
            r -> r.forUserTask().correctCandidateGroups(List.of("officers")).correctPriority(90))
        .send()
        .join();

    List<UserTask> created = createdTasksOf(instance);
    assertThat(created).hasSize(1);
    assertThat(created.get(0).getCandidateGroups()).containsExactly("officers");
    assertThat(created.get(0).getPriority()).isEqualTo(90);
    assertThat(recordLog(instance).intentsOfType("USER_TASK"))
        .containsExactly("CREATING", "CORRECTED", "CREATED");
  }

  @Test
  void listenersOfOneEventRunOneAfterAnotherAndTheTaskWaitsForTheLastInTheTables() {
    String id = uniqueId("tl-two");
    deploy(
        process(
            id,
            u ->
                u.zeebeTaskListener(l -> l.creating().type(id + "-first"))
                    .zeebeTaskListener(l -> l.creating().type(id + "-second"))));
    long instance = start(id);

    assertThat(activate(id + "-second", 1)).isEmpty();
    client.newCompleteCommand(activateOne(id + "-first")).send().join();
    assertThat(taskOf(instance).getState()).isEqualTo(UserTaskState.CREATING);
    // the task ends the test waiting for its second listener: the restart check compares it
    assertThat(activateOne(id + "-second").getListenerEventType())
        .isEqualTo(ListenerEventType.CREATING);
  }

  @Test
  void anAssigningListenerCorrectsTheAssignee() {
    String id = uniqueId("tl-assigning");
    String type = id + "-listener";
    deploy(process(id, u -> u.zeebeTaskListener(l -> l.assigning().type(type))));
    long instance = start(id);
    long key = createdTask(instance);

    CamundaFuture<?> assignment = client.newAssignUserTaskCommand(key).assignee("ann").send();
    ActivatedJob listener = awaitListener(type);
    assertThat(listener.getListenerEventType()).isEqualTo(ListenerEventType.ASSIGNING);
    assertThat(listener.getUserTask().getAssignee()).isEqualTo("ann");
    assertThat(listener.getUserTask().getAction()).isEqualTo("assign");
    assertThat(taskOf(instance).getState()).isEqualTo(UserTaskState.ASSIGNING);

    client
        .newCompleteCommand(listener)
        .withResult(r -> r.forUserTask().correctAssignee("bob"))
        .send()
        .join();
    assignment.join();

    UserTask task = client.newUserTaskGetRequest(key).send().join();
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getAssignee()).isEqualTo("bob");
    assertThat(recordLog(instance).intentsOfType("USER_TASK"))
        .containsExactly("CREATING", "CREATED", "ASSIGNING", "CORRECTED", "ASSIGNED");
  }

  @Test
  void aCompletingListenerDeniesTheCompletionAndNothingOfItIsApplied() {
    String id = uniqueId("tl-deny");
    String type = id + "-listener";
    deploy(
        process(id, u -> u.zeebeAssignee("ann").zeebeTaskListener(l -> l.completing().type(type))));
    long instance = start(id);
    long key = createdTask(instance);

    CamundaFuture<?> completion =
        client.newCompleteUserTaskCommand(key).variables(Map.of("verdict", "legal")).send();
    ActivatedJob listener = awaitListener(type);
    assertThat(listener.getListenerEventType()).isEqualTo(ListenerEventType.COMPLETING);
    assertThat(taskOf(instance).getState()).isEqualTo(UserTaskState.COMPLETING);

    ProblemException busy = problemOf(client.newAssignUserTaskCommand(key).assignee("bob").send());
    assertThat(busy.code()).isEqualTo(409);
    assertThat(busy.details().getDetail()).contains("COMPLETING");

    client
        .newCompleteCommand(listener)
        .withResult(r -> r.forUserTask().deny(true, "the photo evidence is missing"))
        .send()
        .join();

    ProblemException denied = problemOf(completion);
    assertThat(denied.code()).isEqualTo(409);
    assertThat(denied.details().getDetail())
        .contains("denied by Task Listener")
        .contains("the photo evidence is missing");
    UserTask task = client.newUserTaskGetRequest(key).send().join();
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getAssignee()).isEqualTo("ann");
    assertThat(elementIds(instance, "ACTIVE")).containsExactly("review");
    assertThat(variableNames(instance)).doesNotContain("result", "verdict");
    assertThat(recordLog(instance).intentsOfType("USER_TASK"))
        .containsExactly("CREATING", "CREATED", "COMPLETING", "COMPLETION_DENIED");
  }

  @Test
  void anUpdatingListenerOfAFeelTypeDeniesTheUpdate() {
    String id = uniqueId("tl-updating");
    deploy(
        process(
            id,
            u ->
                u.zeebeTaskPriority("40")
                    .zeebeTaskListener(l -> l.updating().typeExpression("listenerType"))));
    long instance = start(id, Map.of("listenerType", id + "-listener"));
    long key = createdTask(instance);

    CamundaFuture<?> update = client.newUpdateUserTaskCommand(key).priority(95).send();
    ActivatedJob listener = awaitListener(id + "-listener");
    assertThat(listener.getUserTask().getPriority()).isEqualTo(95);
    assertThat(listener.getUserTask().getChangedAttributes()).containsExactly("priority");
    client
        .newCompleteCommand(listener)
        .withResult(r -> r.forUserTask().deny(true, "priorities are set by the supervisor"))
        .send()
        .join();

    assertThat(problemOf(update).code()).isEqualTo(409);
    UserTask task = client.newUserTaskGetRequest(key).send().join();
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getPriority()).isEqualTo(40);
    assertThat(recordLog(instance).intentsOfType("USER_TASK"))
        .containsExactly("CREATING", "CREATED", "UPDATING", "UPDATE_DENIED");
  }

  @Test
  void aCompletingListenerSeesTheSubmittedVariablesAndApprovesTheCompletion() {
    String id = uniqueId("tl-approve");
    String type = id + "-listener";
    deploy(process(id, u -> u.zeebeTaskListener(l -> l.completing().type(type))));
    long instance = start(id, Map.of("verdict", "pending", "officer", "ann"));
    long key = createdTask(instance);

    CamundaFuture<?> completion =
        client.newCompleteUserTaskCommand(key).variables(Map.of("verdict", "legal")).send();
    ActivatedJob listener = awaitListener(type);
    // as Zeebe 8.8: the completion's variables over the process's, so the listener checks them
    assertThat(listener.getVariablesAsMap())
        .containsEntry("verdict", "legal")
        .containsEntry("officer", "ann");
    client.newCompleteCommand(listener).send().join();
    completion.join();

    assertThat(client.newUserTaskGetRequest(key).send().join().getState())
        .isEqualTo(UserTaskState.COMPLETED);
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(recordLog(instance).variable(instance, "result")).isEqualTo("legal");
  }

  @Test
  void aListenerCompletionWithVariablesAnUnsupportedDenialOrAModelAssigneeCorrectionIsRefused() {
    String id = uniqueId("tl-refused");
    String type = id + "-listener";
    deploy(
        process(id, u -> u.zeebeAssignee("ann").zeebeTaskListener(l -> l.creating().type(type))));
    long instance = start(id);
    ActivatedJob listener = activateOne(type);

    ProblemException withVariables =
        problemOf(client.newCompleteCommand(listener).variables(Map.of("x", 1)).send());
    assertThat(withVariables.code()).isEqualTo(400);
    ProblemException denyingCreation =
        problemOf(
            client.newCompleteCommand(listener).withResult(r -> r.forUserTask().deny(true)).send());
    assertThat(denyingCreation.code()).isEqualTo(400);
    assertThat(denyingCreation.details().getDetail()).contains("'CREATING'");
    ProblemException correctingTheModelsAssignee =
        problemOf(
            client
                .newCompleteCommand(listener)
                .withResult(r -> r.forUserTask().correctAssignee("bob"))
                .send());
    assertThat(correctingTheModelsAssignee.code()).isEqualTo(400);
    assertThat(taskOf(instance).getState()).isEqualTo(UserTaskState.CREATING);

    client.newCompleteCommand(listener).send().join();
    assertThat(taskOf(instance).getState()).isEqualTo(UserTaskState.CREATED);
  }

  @Test
  void aCancelingListenerRunsBeforeTheInstanceCancellationEndsTheTask() {
    String id = uniqueId("tl-canceling");
    String type = id + "-listener";
    deploy(process(id, u -> u.zeebeTaskListener(l -> l.canceling().type(type))));
    long instance = start(id);
    long key = createdTask(instance);

    client.newCancelInstanceCommand(instance).send().join();
    ActivatedJob listener = activateOne(type);
    assertThat(listener.getListenerEventType()).isEqualTo(ListenerEventType.CANCELING);
    assertThat(taskOf(instance).getState()).isEqualTo(UserTaskState.CANCELING);
    assertThat(processState(instance)).isEqualTo("ACTIVE");

    client.newCompleteCommand(listener).send().join();
    assertThat(client.newUserTaskGetRequest(key).send().join().getState())
        .isEqualTo(UserTaskState.CANCELED);
    assertThat(processState(instance)).isEqualTo("TERMINATED");
  }

  @Test
  void cancelingAnInstanceWhoseTaskWaitsForAListenerDropsTheTransitionAndRefusesItsCaller() {
    String id = uniqueId("tl-dropped");
    String type = id + "-listener";
    deploy(process(id, u -> u.zeebeTaskListener(l -> l.completing().type(type))));
    long instance = start(id);
    long key = createdTask(instance);

    CamundaFuture<?> completion =
        client.newCompleteUserTaskCommand(key).variables(Map.of("verdict", "legal")).send();
    ActivatedJob listener = awaitListener(type);
    client.newCancelInstanceCommand(instance).send().join();

    assertThat(problemOf(completion).code()).isEqualTo(409);
    assertThat(client.newUserTaskGetRequest(key).send().join().getState())
        .isEqualTo(UserTaskState.CANCELED);
    assertThat(processState(instance)).isEqualTo("TERMINATED");
    assertThat(problemOf(client.newCompleteCommand(listener).send()).code()).isEqualTo(404);
  }

  @Test
  void aListenerWithoutRetriesRaisesAnIncidentAndResolvingItRunsTheListenerAgain() {
    String id = uniqueId("tl-incident");
    String type = id + "-listener";
    deploy(process(id, u -> u.zeebeTaskListener(l -> l.assigning().type(type).retries("1"))));
    long instance = start(id);
    long key = createdTask(instance);

    CamundaFuture<?> assignment = client.newAssignUserTaskCommand(key).assignee("ann").send();
    ActivatedJob listener = awaitListener(type);
    client.newFailCommand(listener).retries(0).errorMessage("directory unreachable").send().join();

    List<Incident> incidents = activeIncidents(instance);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorType())
        .isEqualTo(IncidentErrorType.TASK_LISTENER_NO_RETRIES);
    assertThat(incidents.get(0).getErrorMessage()).isEqualTo("directory unreachable");
    assertThat(taskOf(instance).getState()).isEqualTo(UserTaskState.ASSIGNING);

    client.newUpdateRetriesCommand(listener.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    ActivatedJob again = activateOne(type);
    assertThat(again.getKey()).isEqualTo(listener.getKey());
    client.newCompleteCommand(again).send().join();
    assignment.join();

    assertThat(client.newUserTaskGetRequest(key).send().join().getAssignee()).isEqualTo("ann");
    assertThat(activeIncidents(instance)).isEmpty();
  }
}
