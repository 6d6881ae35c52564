package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /process-instances/{key}/migration} through newMigrateProcessInstanceCommand: a
 * running instance continues in another version, as Zeebe documents it; a refused migration changes
 * nothing.
 */
class ProcessInstanceMigrationTest extends EngineTest {

  private static ProblemException refused(Runnable migration) {
    try {
      migration.run();
    } catch (ProblemException e) {
      return e;
    }
    throw new AssertionError("expected the migration to be refused");
  }

  private ElementInstance element(long processInstanceKey, String elementId) {
    return elements(processInstanceKey).stream()
        .filter(e -> e.getElementId().equals(elementId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anInstanceWaitingForAJobContinuesInTheNewVersion() {
    String id = uniqueId("job");
    long v1 =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("check", t -> t.zeebeJobType(id + "-check"))
                .endEvent()
                .done());
    long instance = start(id, Map.of("parcel", "P-7"));
    ActivatedJob held = activateOne(id + "-check");
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("check", t -> t.zeebeJobType(id + "-check"))
                .serviceTask("notify", t -> t.zeebeJobType(id + "-notify"))
                .endEvent()
                .done());
    assertThat(v2).isNotEqualTo(v1);

    client
        .newMigrateProcessInstanceCommand(instance)
        .migrationPlan(v2)
        .addMappingInstruction("check", "check")
        .send()
        .join();

    ProcessInstance migrated = client.newProcessInstanceGetRequest(instance).send().join();
    assertThat(migrated.getProcessDefinitionKey()).isEqualTo(v2);
    assertThat(migrated.getProcessDefinitionVersion()).isEqualTo(2);
    assertThat(element(instance, "check").getProcessDefinitionKey()).isEqualTo(v2);
    assertThat(recordLog(instance).intentsOf("check")).contains("ELEMENT_MIGRATED");
    assertThat(recordLog(instance).intentsOfType("PROCESS_INSTANCE_MIGRATION"))
        .containsExactly("MIGRATED");

    // the job the worker holds stays its job: completing it continues in version 2
    client.newCompleteCommand(held.getKey()).send().join();
    ActivatedJob notify = activateOne(id + "-notify");
    assertThat(notify.getProcessDefinitionKey()).isEqualTo(v2);
    assertThat(notify.getProcessDefinitionVersion()).isEqualTo(2);
    assertThat(notify.getVariablesAsMap()).containsEntry("parcel", "P-7");
    client.newCompleteCommand(notify.getKey()).send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void anOpenUserTaskFollowsItsElementToTheNewVersion() {
    String id = uniqueId("task");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("verify", t -> t.zeebeUserTask().zeebeCandidateGroups("county-officers"))
            .endEvent()
            .done());
    long instance = start(id);
    UserTask open = openTask(instance);
    client.newAssignUserTaskCommand(open.getUserTaskKey()).assignee("ann").send().join();
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .userTask("fieldCheck", t -> t.zeebeUserTask())
                .serviceTask("report", t -> t.zeebeJobType(id + "-report"))
                .endEvent()
                .done());

    client
        .newMigrateProcessInstanceCommand(instance)
        .migrationPlan(v2)
        .addMappingInstruction("verify", "fieldCheck")
        .send()
        .join();

    // the same task, still assigned, now an element of version 2
    UserTask migrated = client.newUserTaskGetRequest(open.getUserTaskKey()).send().join();
    assertThat(migrated.getProcessDefinitionKey()).isEqualTo(v2);
    assertThat(migrated.getElementId()).isEqualTo("fieldCheck");
    assertThat(migrated.getAssignee()).isEqualTo("ann");
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.processDefinitionKey(v2).elementId("fieldCheck"))
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(open.getUserTaskKey());
    assertThat(recordLog(instance).intentsOfType("USER_TASK")).contains("MIGRATED");

    client.newCompleteUserTaskCommand(open.getUserTaskKey()).send().join();
    assertThat(activateOne(id + "-report").getProcessDefinitionKey()).isEqualTo(v2);
  }

  private UserTask openTask(long instance) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instance))
        .send()
        .join()
        .items()
        .get(0);
  }

  @Test
  void mappedElementIdsMayDifferAndAnIncidentMovesWithItsElement() {
    String id = uniqueId("renamed");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("check", t -> t.zeebeJobType(id + "-work"))
            .endEvent()
            .done());
    long instance = start(id);
    ActivatedJob job = activateOne(id + "-work");
    client.newFailCommand(job.getKey()).retries(0).errorMessage("registry down").send().join();
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("verify", t -> t.zeebeJobType(id + "-work"))
                .serviceTask("archive", t -> t.zeebeJobType(id + "-archive"))
                .endEvent()
                .done());

    client
        .newMigrateProcessInstanceCommand(instance)
        .migrationPlan(v2)
        .addMappingInstruction("check", "verify")
        .send()
        .join();

    assertThat(elementIds(instance, "ACTIVE")).containsExactlyInAnyOrder("verify");
    Incident incident = activeIncidents(instance).get(0);
    assertThat(incident.getElementId()).isEqualTo("verify");
    assertThat(incident.getProcessDefinitionKey()).isEqualTo(v2);

    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    ActivatedJob again = activateOne(id + "-work");
    assertThat(again.getElementId()).isEqualTo("verify");
    assertThat(again.getType()).isEqualTo(id + "-work");
    client.newCompleteCommand(again.getKey()).send().join();
    completeJob(id + "-archive", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void aTimerKeepsItsDueDateAndFiresInTheNewVersion() {
    String id = uniqueId("timer");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H"))
            .endEvent()
            .done());
    long instance = start(id);
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .intermediateCatchEvent("cool-off", e -> e.timerWithDuration("P30D"))
                .serviceTask("remind", t -> t.zeebeJobType(id + "-remind"))
                .endEvent()
                .done());

    client
        .newMigrateProcessInstanceCommand(instance)
        .migrationPlan(v2)
        .addMappingInstruction("wait", "cool-off")
        .send()
        .join();

    pinClock(System.currentTimeMillis() + Duration.ofHours(2).toMillis());
    assertThat(activateOne(id + "-remind").getProcessDefinitionKey()).isEqualTo(v2);
    assertThat(recordLog(instance).intentsOfType("TIMER")).contains("MIGRATED", "TRIGGERED");
  }

  @Test
  void aMessageSubscriptionIsKeptAndCorrelatesInTheNewVersion() {
    String id = uniqueId("message");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent(
                "answer",
                e -> e.message(m -> m.name(id + "-answer").zeebeCorrelationKeyExpression("case")))
            .endEvent()
            .done());
    long instance = start(id, Map.of("case", "C-1"));
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .intermediateCatchEvent(
                    "reply",
                    e ->
                        e.message(
                            m -> m.name(id + "-answer").zeebeCorrelationKeyExpression("case")))
                .serviceTask("review", t -> t.zeebeJobType(id + "-review"))
                .endEvent()
                .done());

    client
        .newMigrateProcessInstanceCommand(instance)
        .migrationPlan(v2)
        .addMappingInstruction("answer", "reply")
        .send()
        .join();
    client
        .newPublishMessageCommand()
        .messageName(id + "-answer")
        .correlationKey("C-1")
        .variables(Map.of("answered", true))
        .send()
        .join();

    ActivatedJob review = activateOne(id + "-review");
    assertThat(review.getVariablesAsMap()).containsEntry("answered", true);
    assertThat(recordLog(instance).intentsOfType("PROCESS_MESSAGE_SUBSCRIPTION"))
        .containsSubsequence("CREATED", "MIGRATED");
  }

  @Test
  void aBoundaryTimerMappedWithItsTaskKeepsRunningAndAnUnmappedOneIsReplaced() {
    String id = uniqueId("boundary");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("check", t -> t.zeebeJobType(id + "-check"))
            .boundaryEvent("late", b -> b.timerWithDuration("PT1H"))
            .endEvent("too-late")
            .moveToActivity("check")
            .endEvent()
            .done());
    long instance = start(id);
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("check", t -> t.zeebeJobType(id + "-check"))
                .boundaryEvent("overdue", b -> b.timerWithDuration("PT5H"))
                .serviceTask("escalate", t -> t.zeebeJobType(id + "-escalate"))
                .endEvent()
                .moveToActivity("check")
                .endEvent()
                .done());

    client
        .newMigrateProcessInstanceCommand(instance)
        .migrationPlan(v2)
        .addMappingInstruction("check", "check")
        .addMappingInstruction("late", "overdue")
        .send()
        .join();

    // the mapped boundary timer kept its due date (1 h), not the target's 5 h
    pinClock(System.currentTimeMillis() + Duration.ofHours(2).toMillis());
    assertThat(activateOne(id + "-escalate").getElementId()).isEqualTo("escalate");
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("check");
  }

  @Test
  void aSubProcessMigratesWithItsChildrenAndItsFlowScopeMayNotChange() {
    String id = uniqueId("scope");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("t", t -> t.zeebeJobType(id + "-t"))
                        .endEvent())
            .endEvent()
            .done());
    long instance = start(id);
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("t", t -> t.zeebeJobType(id + "-t"))
                .subProcess(
                    "stage",
                    s ->
                        s.embeddedSubProcess()
                            .startEvent()
                            .serviceTask("t2", t -> t.zeebeJobType(id + "-t"))
                            .serviceTask("after", t -> t.zeebeJobType(id + "-after"))
                            .endEvent())
                .endEvent()
                .done());

    ProblemException scopeChanged =
        refused(
            () ->
                client
                    .newMigrateProcessInstanceCommand(instance)
                    .migrationPlan(v2)
                    .addMappingInstruction("sub", "stage")
                    .addMappingInstruction("t", "t")
                    .send()
                    .join());
    assertThat(scopeChanged.code()).isEqualTo(409);
    assertThat(scopeChanged.details().getDetail())
        .isEqualTo(
            "Expected to migrate process instance '%d' but the flow scope of active element with"
                + " id 't' is changed. The flow scope of the active element is expected to be"
                + " 'stage' but was '%s'. The flow scope of an element cannot be changed during"
                + " migration yet.",
            instance, id);

    client
        .newMigrateProcessInstanceCommand(instance)
        .migrationPlan(v2)
        .addMappingInstruction("sub", "stage")
        .addMappingInstruction("t", "t2")
        .send()
        .join();

    assertThat(elementIds(instance, "ACTIVE")).containsExactlyInAnyOrder("stage", "t2");
    completeJob(id + "-t", Map.of());
    completeJob(id + "-after", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void aRefusedMigrationAnswersWithZeebesReasonAndChangesNothing() {
    String id = uniqueId("refused");
    long v1 =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("check", t -> t.zeebeJobType(id + "-check"))
                .endEvent("done")
                .done());
    long instance = start(id);
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .receiveTask("check", r -> r.message(m -> m.name("x").zeebeCorrelationKey("=1")))
                .serviceTask("other", t -> t.zeebeJobType(id + "-check"))
                .endEvent()
                .done());
    List<ElementInstance> before = elements(instance);

    ProblemException unmapped =
        refused(
            () ->
                client
                    .newMigrateProcessInstanceCommand(instance)
                    .migrationPlan(v2)
                    .addMappingInstruction("done", "other")
                    .send()
                    .join());
    assertThat(unmapped.code()).isEqualTo(409);
    assertThat(unmapped.details().getTitle()).isEqualTo("INVALID_STATE");
    assertThat(unmapped.details().getDetail())
        .isEqualTo(
            "Expected to migrate process instance '%d' but no mapping instruction defined for"
                + " active element with id 'check'. Elements cannot be migrated without a mapping.",
            instance);

    ProblemException typeChanged =
        refused(
            () ->
                client
                    .newMigrateProcessInstanceCommand(instance)
                    .migrationPlan(v2)
                    .addMappingInstruction("check", "check")
                    .send()
                    .join());
    assertThat(typeChanged.code()).isEqualTo(409);
    assertThat(typeChanged.details().getDetail())
        .isEqualTo(
            "Expected to migrate process instance '%d' but active element with id 'check' and type"
                + " 'SERVICE_TASK' is mapped to an element with id 'check' and different type"
                + " 'RECEIVE_TASK'. Elements must be mapped to elements of the same type.",
            instance);

    ProblemException unknownTarget =
        refused(
            () ->
                client
                    .newMigrateProcessInstanceCommand(instance)
                    .migrationPlan(v2)
                    .addMappingInstruction("check", "nowhere")
                    .send()
                    .join());
    assertThat(unknownTarget.code()).isEqualTo(400);
    assertThat(unknownTarget.details().getDetail())
        .isEqualTo(
            "Expected to migrate process instance '%d' but mapping instructions contain a"
                + " non-existing target element id 'nowhere'. Elements provided in mapping"
                + " instructions must exist in the target process definition.",
            instance);

    ProblemException noDefinition =
        refused(
            () ->
                client
                    .newMigrateProcessInstanceCommand(instance)
                    .migrationPlan(77L)
                    .addMappingInstruction("check", "other")
                    .send()
                    .join());
    assertThat(noDefinition.code()).isEqualTo(404);

    assertThat(client.newProcessInstanceGetRequest(instance).send().join())
        .extracting(
            ProcessInstance::getProcessDefinitionKey, ProcessInstance::getProcessDefinitionVersion)
        .containsExactly(v1, 1);
    assertThat(elements(instance))
        .extracting(
            ElementInstance::getElementInstanceKey,
            ElementInstance::getElementId,
            ElementInstance::getProcessDefinitionKey)
        .containsExactlyElementsOf(
            before.stream()
                .map(
                    e ->
                        tuple(
                            e.getElementInstanceKey(),
                            e.getElementId(),
                            e.getProcessDefinitionKey()))
                .toList());
    assertThat(recordLog(instance).intentsOfType("PROCESS_INSTANCE_MIGRATION")).isEmpty();
    ActivatedJob job = activateOne(id + "-check");
    assertThat(job.getProcessDefinitionKey()).isEqualTo(v1);
    client.newCompleteCommand(job.getKey()).send().join();
    assertThat(elementIds(instance, "COMPLETED")).contains("done");
  }
}
