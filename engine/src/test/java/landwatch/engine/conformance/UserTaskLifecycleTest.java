package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Zeebe user tasks: created on activation with their attributes (static and FEEL), assigned,
 * updated, unassigned and completed through the client; searched by every filter; the variables a
 * task sees.
 */
class UserTaskLifecycleTest extends EngineTest {

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

  @Test
  void staticAttributesAndTheLifecycleUpToCompletionWithOutputMappings() {
    String id = uniqueId("task-static");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "review",
                u ->
                    u.name("Review the report")
                        .zeebeUserTask()
                        .zeebeAssignee("ann")
                        .zeebeCandidateGroups("officers, supervisors")
                        .zeebeCandidateUsers("bob")
                        .zeebeDueDate("2030-01-02T10:00:00+08:00")
                        .zeebeFollowUpDate("2030-01-01T10:00:00Z")
                        .zeebeTaskPriority("80")
                        .zeebeExternalFormReference("https://forms.example.org/review")
                        .zeebeTaskHeader("region", "640104")
                        .zeebeOutputExpression("verdict", "result"))
            .endEvent()
            .done());
    long instance = start(id, Map.of("case", "A-1"));

    UserTask task = taskOf(instance);
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getName()).isEqualTo("Review the report");
    assertThat(task.getAssignee()).isEqualTo("ann");
    assertThat(task.getCandidateGroups()).containsExactly("officers", "supervisors");
    assertThat(task.getCandidateUsers()).containsExactly("bob");
    assertThat(task.getDueDate()).isEqualTo(OffsetDateTime.parse("2030-01-02T10:00:00+08:00"));
    assertThat(task.getFollowUpDate()).isEqualTo(OffsetDateTime.parse("2030-01-01T10:00:00Z"));
    assertThat(task.getPriority()).isEqualTo(80);
    assertThat(task.getExternalFormReference()).isEqualTo("https://forms.example.org/review");
    assertThat(task.getCustomHeaders()).containsEntry("region", "640104");
    assertThat(task.getElementId()).isEqualTo("review");
    assertThat(task.getBpmnProcessId()).isEqualTo(id);
    assertThat(task.getFormKey()).isNull();
    assertThat(task.getCreationDate()).isNotNull();
    assertThat(elementIds(instance, "ACTIVE")).containsExactly("review");

    long key = task.getUserTaskKey();
    client.newUnassignUserTaskCommand(key).send().join();
    assertThat(client.newUserTaskGetRequest(key).send().join().getAssignee()).isNull();
    client.newAssignUserTaskCommand(key).assignee("carl").send().join();
    client
        .newUpdateUserTaskCommand(key)
        .candidateGroups("inspectors")
        .priority(10)
        .dueDate("2031-05-01T00:00:00Z")
        .clearFollowUpDate()
        .send()
        .join();
    UserTask updated = client.newUserTaskGetRequest(key).send().join();
    assertThat(updated.getAssignee()).isEqualTo("carl");
    assertThat(updated.getCandidateGroups()).containsExactly("inspectors");
    assertThat(updated.getCandidateUsers()).containsExactly("bob");
    assertThat(updated.getPriority()).isEqualTo(10);
    assertThat(updated.getDueDate()).isEqualTo(OffsetDateTime.parse("2031-05-01T00:00:00Z"));
    assertThat(updated.getFollowUpDate()).isNull();

    client
        .newCompleteUserTaskCommand(key)
        .variables(Map.of("verdict", "legal"))
        .action("approve")
        .send()
        .join();
    UserTask completed = client.newUserTaskGetRequest(key).send().join();
    assertThat(completed.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(completed.getCompletionDate()).isNotNull();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    RecordLog log = recordLog(instance);
    assertThat(log.variable(instance, "result")).isEqualTo("legal");
    assertThat(log.intentsOfType("USER_TASK"))
        .containsExactly(
            "CREATING",
            "CREATED",
            "ASSIGNING",
            "ASSIGNED",
            "ASSIGNING",
            "ASSIGNED",
            "UPDATING",
            "UPDATED",
            "COMPLETING",
            "COMPLETED");
  }

  @Test
  void feelAttributesAreEvaluatedInTheTasksScope() {
    String id = uniqueId("task-feel");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "check",
                u ->
                    u.zeebeUserTask()
                        .zeebeAssigneeExpression("officer")
                        .zeebeCandidateGroupsExpression("[district, \"central\"]")
                        .zeebeCandidateUsersExpression("deputies")
                        .zeebeDueDateExpression("date and time(\"2030-03-01T08:00:00Z\")")
                        .zeebeFollowUpDateExpression("followUp")
                        .zeebeTaskPriorityExpression("urgency * 10"))
            .endEvent()
            .done());
    long instance =
        start(
            id,
            Map.of(
                "officer", "dana",
                "district", "north",
                "deputies", List.of("eve", "fay"),
                "followUp", "2030-02-01T08:00:00+01:00",
                "urgency", 7));
    UserTask task = taskOf(instance);
    assertThat(task.getAssignee()).isEqualTo("dana");
    assertThat(task.getCandidateGroups()).containsExactly("north", "central");
    assertThat(task.getCandidateUsers()).containsExactly("eve", "fay");
    assertThat(task.getDueDate()).isEqualTo(OffsetDateTime.parse("2030-03-01T08:00:00Z"));
    assertThat(task.getFollowUpDate()).isEqualTo(OffsetDateTime.parse("2030-02-01T08:00:00+01:00"));
    assertThat(task.getPriority()).isEqualTo(70);
  }

  @Test
  void theDefaultPriorityIsFiftyAndNoAssigneeMeansUnassigned() {
    String id = uniqueId("task-defaults");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("plain", u -> u.zeebeUserTask())
            .endEvent()
            .done());
    UserTask task = taskOf(start(id));
    assertThat(task.getPriority()).isEqualTo(50);
    assertThat(task.getAssignee()).isNull();
    assertThat(task.getCandidateGroups()).isEmpty();
    assertThat(task.getName()).isEqualTo("plain");
  }

  @Test
  void aFeelErrorInTheAssigneeRaisesAnExtractValueIncidentThatResolvingRetries() {
    String id = uniqueId("task-feel-error");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("check", u -> u.zeebeUserTask().zeebeAssigneeExpression("officer"))
            .endEvent()
            .done());
    long instance = start(id, Map.of("officer", 42));
    List<Incident> incidents = activeIncidents(instance);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incidents.get(0).getErrorMessage()).contains("assignee").contains("42");
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.processInstanceKey(instance))
                .send()
                .join()
                .items())
        .isEmpty();

    client.newSetVariablesCommand(instance).variables(Map.of("officer", "gus")).send().join();
    client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    assertThat(taskOf(instance).getAssignee()).isEqualTo("gus");
  }

  @Test
  void aStaticPriorityOutsideZeroToHundredIsRefusedAtDeployment() {
    String id = uniqueId("task-bad-priority");
    assertThatThrownBy(
            () ->
                deploy(
                    Bpmn.createExecutableProcess(id)
                        .startEvent()
                        .userTask("t", u -> u.zeebeUserTask().zeebeTaskPriority("101"))
                        .endEvent()
                        .done()))
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(400));
    assertThat(
            client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(id))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void commandsOnUnknownOrEndedTasksAreRefusedAndChangeNothing() {
    String id = uniqueId("task-refusals");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("t", u -> u.zeebeUserTask().zeebeAssignee("ann"))
            .endEvent()
            .done());
    long instance = start(id);
    long key = taskOf(instance).getUserTaskKey();

    assertThatThrownBy(
            () ->
                client
                    .newAssignUserTaskCommand(key)
                    .assignee("bob")
                    .allowOverride(false)
                    .send()
                    .join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(409));
    assertThat(client.newUserTaskGetRequest(key).send().join().getAssignee()).isEqualTo("ann");
    assertThatThrownBy(() -> client.newUpdateUserTaskCommand(key).priority(101).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(400));
    assertThat(client.newUserTaskGetRequest(key).send().join().getPriority()).isEqualTo(50);

    client.newCompleteUserTaskCommand(key).send().join();
    assertThatThrownBy(() -> client.newCompleteUserTaskCommand(key).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(404));
    assertThatThrownBy(() -> client.newAssignUserTaskCommand(key).assignee("bob").send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(404));
    assertThatThrownBy(() -> client.newUpdateUserTaskCommand(key).priority(1).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(404));
    UserTask ended = client.newUserTaskGetRequest(key).send().join();
    assertThat(ended.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(ended.getAssignee()).isEqualTo("ann");
    assertThat(ended.getPriority()).isEqualTo(50);
    assertThatThrownBy(() -> client.newUserTaskGetRequest(key + 1000).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(404));
    assertThatThrownBy(() -> client.newCompleteUserTaskCommand(key + 1000).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(404));
  }

  @Test
  void searchFiltersSortAndPaging() {
    String id = uniqueId("task-search");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "t",
                u ->
                    u.zeebeUserTask()
                        .zeebeCandidateGroupsExpression("groups")
                        .zeebeTaskPriorityExpression("priority")
                        .zeebeDueDateExpression("due"))
            .endEvent()
            .done());
    String group = id + "-officers";
    long a =
        start(
            id,
            Map.of(
                "groups",
                List.of(group),
                "priority",
                10,
                "due",
                "2030-01-01T00:00:00Z",
                "caseId",
                "A"));
    long b =
        start(
            id,
            Map.of(
                "groups",
                List.of(group, "other"),
                "priority",
                90,
                "due",
                "2030-06-01T00:00:00Z",
                "caseId",
                "B"));
    long c =
        start(
            id,
            Map.of(
                "groups",
                List.of("other"),
                "priority",
                50,
                "due",
                "2030-03-01T00:00:00Z",
                "caseId",
                "C"));

    assertThat(instancesOf(client.newUserTaskSearchRequest().filter(f -> f.candidateGroup(group))))
        .containsExactlyInAnyOrder(a, b);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.bpmnProcessId(id).candidateGroup(g -> g.in(group, "nobody")))))
        .containsExactlyInAnyOrder(a, b);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.bpmnProcessId(id).priority(p -> p.gte(50)))))
        .containsExactlyInAnyOrder(b, c);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f ->
                            f.bpmnProcessId(id)
                                .dueDate(d -> d.lt(OffsetDateTime.parse("2030-04-01T00:00:00Z"))))))
        .containsExactlyInAnyOrder(a, c);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    // compared as their JSON, as Camunda compares them: a text is quoted
                    .filter(
                        f ->
                            f.bpmnProcessId(id)
                                .processInstanceVariables(Map.of("caseId", "\"B\"")))))
        .containsExactly(b);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.bpmnProcessId(id).state(UserTaskState.CREATED).elementId("t"))
                    .sort(s -> s.priority().desc())))
        .containsExactly(b, c, a);

    SearchResponse<UserTask> first =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.bpmnProcessId(id))
            .sort(s -> s.dueDate().asc())
            .page(p -> p.limit(2))
            .send()
            .join();
    assertThat(first.items()).extracting(UserTask::getProcessInstanceKey).containsExactly(a, c);
    assertThat(first.page().totalItems()).isEqualTo(3);
    SearchResponse<UserTask> next =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.bpmnProcessId(id))
            .sort(s -> s.dueDate().asc())
            .page(p -> p.limit(2).after(first.page().endCursor()))
            .send()
            .join();
    assertThat(next.items()).extracting(UserTask::getProcessInstanceKey).containsExactly(b);

    long completedKey = taskOf(a).getUserTaskKey();
    client.newCompleteUserTaskCommand(completedKey).send().join();
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.bpmnProcessId(id).state(UserTaskState.COMPLETED))))
        .containsExactly(a);
  }

  @Test
  void everyOtherFilterFindsItsTasks() {
    String id = uniqueId("task-filters");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "t",
                u ->
                    u.zeebeUserTask()
                        .zeebeAssigneeExpression("assignee")
                        .zeebeCandidateUsersExpression("users")
                        .zeebeFollowUpDateExpression("followUp"))
            .endEvent()
            .done());
    long a =
        start(
            id,
            Map.of("assignee", "ann", "users", List.of("bob"), "followUp", "2030-02-01T00:00:00Z"));
    long b =
        start(
            id,
            Map.of(
                "assignee",
                "carl",
                "users",
                List.of("bob", "dora"),
                "followUp",
                "2030-08-01T00:00:00Z"));
    UserTask taskA = taskOf(a);
    UserTask taskB = taskOf(b);
    client.newCompleteUserTaskCommand(taskB.getUserTaskKey()).send().join();

    assertThat(
            instancesOf(
                client.newUserTaskSearchRequest().filter(f -> f.bpmnProcessId(id).assignee("ann"))))
        .containsExactly(a);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.bpmnProcessId(id).candidateUser("dora"))))
        .containsExactly(b);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.bpmnProcessId(id).candidateUser("bob"))))
        .containsExactlyInAnyOrder(a, b);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.userTaskKey(taskA.getUserTaskKey()))))
        .containsExactly(a);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.elementInstanceKey(taskB.getElementInstanceKey()))))
        .containsExactly(b);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.processDefinitionKey(taskA.getProcessDefinitionKey()))))
        .containsExactlyInAnyOrder(a, b);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f ->
                            f.bpmnProcessId(id)
                                .followUpDate(
                                    d -> d.lt(OffsetDateTime.parse("2030-05-01T00:00:00Z"))))))
        .containsExactly(a);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f ->
                            f.bpmnProcessId(id).creationDate(d -> d.gte(taskA.getCreationDate())))))
        .containsExactlyInAnyOrder(a, b);
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.bpmnProcessId(id).completionDate(d -> d.exists(true)))))
        .containsExactly(b);
  }

  private static List<Long> instancesOf(
      io.camunda.client.api.search.request.UserTaskSearchRequest request) {
    return request.send().join().items().stream().map(UserTask::getProcessInstanceKey).toList();
  }

  @Test
  void theTaskSeesItsScopesVariablesTheNearestWinning() {
    String id = uniqueId("task-variables");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.zeebeInputExpression("\"inner\"", "shadowed")
                        .embeddedSubProcess()
                        .startEvent()
                        .userTask(
                            "t", u -> u.zeebeUserTask().zeebeInputExpression("1 + 1", "local"))
                        .endEvent())
            .endEvent()
            .done());
    long instance = start(id, Map.of("shadowed", "outer", "top", true));
    long key = taskOf(instance).getUserTaskKey();
    List<Variable> variables = client.newUserTaskVariableSearchRequest(key).send().join().items();
    assertThat(variables)
        .extracting(Variable::getName, Variable::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("local", "2"),
            org.assertj.core.groups.Tuple.tuple("shadowed", "\"inner\""),
            org.assertj.core.groups.Tuple.tuple("top", "true"));
    // each is the variable the cockpit's search finds under the same key
    for (Variable variable : variables) {
      assertThat(client.newVariableGetRequest(variable.getVariableKey()).send().join().getName())
          .isEqualTo(variable.getName());
    }
    assertThat(
            instancesOf(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.bpmnProcessId(id).localVariables(Map.of("local", 2)))))
        .containsExactly(instance);
  }
}
