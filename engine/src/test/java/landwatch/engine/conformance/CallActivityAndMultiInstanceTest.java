package landwatch.engine.conformance;

import static landwatch.engine.conformance.RecordLog.ACTIVATED;
import static landwatch.engine.conformance.RecordLog.ACTIVATING;
import static landwatch.engine.conformance.RecordLog.COMPLETED;
import static landwatch.engine.conformance.RecordLog.COMPLETING;
import static landwatch.engine.conformance.RecordLog.TERMINATED;
import static landwatch.engine.conformance.RecordLog.TERMINATING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import landwatch.engine.conformance.RecordLog.Entry;
import org.junit.jupiter.api.Test;

/** Call activities and multi-instance activities. */
class CallActivityAndMultiInstanceTest extends EngineTest {

  @Test
  void callActivityRunsTheChildWithTheParentsVariablesAndTakesItsVariablesBack() {
    String child = uniqueId("child");
    deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(child))
            .endEvent()
            .done());
    String parent = uniqueId("parent");
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .serviceTask("after", t -> t.zeebeJobType(parent))
            .endEvent()
            .done());
    long instance = start(parent, Map.of("spot", "P1"));
    ActivatedJob job = activateOne(child);
    assertThat(job.getVariablesAsMap()).containsEntry("spot", "P1");
    assertThat(job.getProcessInstanceKey()).isNotEqualTo(instance);
    var childInstance =
        client.newProcessInstanceGetRequest(job.getProcessInstanceKey()).send().join();
    assertThat(childInstance.getParentProcessInstanceKey()).isEqualTo(instance);
    client.newCompleteCommand(job.getKey()).variables(Map.of("result", "done")).send().join();
    assertThat(activateOne(parent).getVariablesAsMap()).containsEntry("result", "done");
    List<Entry> call = recordLog(instance).lifecycleOf("call");
    List<Entry> called = recordLog(job.getProcessInstanceKey()).lifecycleOf(child);
    assertThat(call)
        .extracting(Entry::intent)
        .containsExactly(ACTIVATING, ACTIVATED, COMPLETING, COMPLETED);
    assertThat(called)
        .extracting(Entry::intent)
        .containsExactly(ACTIVATING, ACTIVATED, COMPLETING, COMPLETED);
    // the child starts once the call activity is activated, and the call activity completes once
    // the child did
    assertThat(called.get(0).position()).isGreaterThan(call.get(1).position());
    assertThat(call.get(2).position()).isGreaterThan(called.get(3).position());
  }

  @Test
  void bindingsChooseTheDeployedWithOrTaggedVersionOfTheChild() {
    String child = uniqueId("bound-child");
    String byDeployment = uniqueId("by-deployment");
    String byTag = uniqueId("by-tag");
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(child)
                .versionTag("v1.0")
                .startEvent()
                .serviceTask("work", t -> t.zeebeJobType(child))
                .endEvent()
                .done(),
            "child.bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess(byDeployment)
                .startEvent()
                .callActivity(
                    "call",
                    c -> c.zeebeProcessId(child).zeebeBindingType(ZeebeBindingType.deployment))
                .endEvent()
                .done(),
            "parent.bpmn")
        .send()
        .join();
    deploy(
        Bpmn.createExecutableProcess(child)
            .versionTag("v2.0")
            .startEvent()
            .serviceTask("work2", t -> t.zeebeJobType(child))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(byTag)
            .startEvent()
            .callActivity(
                "call",
                c ->
                    c.zeebeProcessId(child)
                        .zeebeBindingType(ZeebeBindingType.versionTag)
                        .zeebeVersionTag("v1.0"))
            .endEvent()
            .done());
    start(byDeployment);
    start(byTag);
    String latest = uniqueId("by-latest");
    deploy(
        Bpmn.createExecutableProcess(latest)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    start(latest);
    assertThat(activate(child, 10))
        .extracting(ActivatedJob::getElementId)
        .containsExactlyInAnyOrder("work", "work", "work2");
  }

  @Test
  void cancellingTheParentTerminatesTheChild() {
    String child = uniqueId("child-cancel");
    deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(child))
            .endEvent()
            .done());
    String parent = uniqueId("parent-cancel");
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    long instance = start(parent);
    long childKey = activateOne(child).getProcessInstanceKey();
    client.newCancelInstanceCommand(instance).send().join();
    assertThat(processState(instance)).isEqualTo("TERMINATED");
    assertThat(processState(childKey)).isEqualTo("TERMINATED");
    List<Entry> call = recordLog(instance).lifecycleOf("call");
    List<Entry> called = recordLog(childKey).lifecycleOf(child);
    assertThat(call)
        .extracting(Entry::intent)
        .containsExactly(ACTIVATING, ACTIVATED, TERMINATING, TERMINATED);
    assertThat(called)
        .extracting(Entry::intent)
        .containsExactly(ACTIVATING, ACTIVATED, TERMINATING, TERMINATED);
    // the call activity ends only once its child has terminated
    assertThat(called.get(2).position()).isGreaterThan(call.get(2).position());
    assertThat(call.get(3).position()).isGreaterThan(called.get(3).position());
  }

  @Test
  void parallelMultiInstanceCreatesOneJobPerItemAndCollectsTheOutput() {
    String id = uniqueId("mi-parallel");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "check",
                t ->
                    t.zeebeJobType(id)
                        .multiInstance(
                            mi ->
                                mi.parallel()
                                    .zeebeInputCollectionExpression("spots")
                                    .zeebeInputElement("spot")
                                    .zeebeOutputCollection("verdicts")
                                    .zeebeOutputElementExpression("verdict")))
            .endEvent()
            .done());
    var future =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("spots", List.of("a", "b", "c")))
            .withResult()
            .send();
    // the creation is in flight: wait for its jobs, which all arrive in the batch that creates them
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(id)
            .maxJobsToActivate(10)
            .requestTimeout(Duration.ofSeconds(30))
            .send()
            .join()
            .getJobs();
    assertThat(jobs)
        .extracting(j -> j.getVariablesAsMap().get("spot"))
        .containsExactlyInAnyOrder("a", "b", "c");
    for (ActivatedJob job : jobs) {
      client
          .newCompleteCommand(job.getKey())
          .variables(Map.of("verdict", "ok-" + job.getVariablesAsMap().get("spot")))
          .send()
          .join();
    }
    ProcessInstanceResult result = future.join();
    assertThat(result.getVariablesAsMap().get("verdicts"))
        .isEqualTo(List.of("ok-a", "ok-b", "ok-c"));
    RecordLog log = recordLog(result.getProcessInstanceKey());
    // the body activates every inner instance at once and completes after the last of them
    assertThat(log.lifecycleOf("check"))
        .extracting(Entry::bpmnElementType, Entry::intent)
        .containsExactly(
            tuple("MULTI_INSTANCE_BODY", ACTIVATING),
            tuple("MULTI_INSTANCE_BODY", ACTIVATED),
            tuple("SERVICE_TASK", ACTIVATING),
            tuple("SERVICE_TASK", ACTIVATING),
            tuple("SERVICE_TASK", ACTIVATING),
            tuple("SERVICE_TASK", ACTIVATED),
            tuple("SERVICE_TASK", ACTIVATED),
            tuple("SERVICE_TASK", ACTIVATED),
            tuple("SERVICE_TASK", COMPLETING),
            tuple("SERVICE_TASK", COMPLETED),
            tuple("SERVICE_TASK", COMPLETING),
            tuple("SERVICE_TASK", COMPLETED),
            tuple("SERVICE_TASK", COMPLETING),
            tuple("SERVICE_TASK", COMPLETED),
            tuple("MULTI_INSTANCE_BODY", COMPLETING),
            tuple("MULTI_INSTANCE_BODY", COMPLETED));
    List<Long> inner = log.instancesOf("check", "SERVICE_TASK");
    assertThat(inner).extracting(k -> log.variable(k, "loopCounter")).containsExactly(1, 2, 3);
    assertThat(inner).extracting(k -> log.variable(k, "spot")).containsExactly("a", "b", "c");
  }

  @Test
  void sequentialMultiInstanceRunsOneAfterTheOther() {
    String id = uniqueId("mi-sequential");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "check",
                t ->
                    t.zeebeJobType(id)
                        .multiInstance(
                            mi ->
                                mi.sequential()
                                    .zeebeInputCollectionExpression("[1, 2, 3]")
                                    .zeebeInputElement("n")))
            .endEvent()
            .done());
    long instance = start(id);
    for (int n = 1; n <= 3; n++) {
      List<ActivatedJob> jobs = activate(id, 10);
      assertThat(jobs)
          .singleElement()
          .satisfies(j -> assertThat(j.getVariablesAsMap()).containsKey("n"));
      client.newCompleteCommand(jobs.get(0).getKey()).send().join();
    }
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    RecordLog log = recordLog(instance);
    // each inner instance is activated only once the previous one completed
    assertThat(log.lifecycleOf("check"))
        .extracting(Entry::bpmnElementType, Entry::intent)
        .containsExactly(
            tuple("MULTI_INSTANCE_BODY", ACTIVATING), tuple("MULTI_INSTANCE_BODY", ACTIVATED),
            tuple("SERVICE_TASK", ACTIVATING), tuple("SERVICE_TASK", ACTIVATED),
            tuple("SERVICE_TASK", COMPLETING), tuple("SERVICE_TASK", COMPLETED),
            tuple("SERVICE_TASK", ACTIVATING), tuple("SERVICE_TASK", ACTIVATED),
            tuple("SERVICE_TASK", COMPLETING), tuple("SERVICE_TASK", COMPLETED),
            tuple("SERVICE_TASK", ACTIVATING), tuple("SERVICE_TASK", ACTIVATED),
            tuple("SERVICE_TASK", COMPLETING), tuple("SERVICE_TASK", COMPLETED),
            tuple("MULTI_INSTANCE_BODY", COMPLETING), tuple("MULTI_INSTANCE_BODY", COMPLETED));
    List<Long> inner = log.instancesOf("check", "SERVICE_TASK");
    assertThat(inner).extracting(k -> log.variable(k, "loopCounter")).containsExactly(1, 2, 3);
    assertThat(inner).extracting(k -> log.variable(k, "n")).containsExactly(1, 2, 3);
  }

  @Test
  void completionConditionEndsTheMultiInstanceEarly() {
    String id = uniqueId("mi-condition");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "vote",
                t ->
                    t.zeebeJobType(id)
                        .multiInstance(
                            mi ->
                                mi.parallel()
                                    .zeebeInputCollectionExpression("[1, 2, 3, 4]")
                                    .completionCondition("= numberOfCompletedInstances >= 2")))
            .endEvent()
            .done());
    long instance = start(id);
    List<ActivatedJob> jobs = activate(id, 10);
    assertThat(jobs).hasSize(4);
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();
    client.newCompleteCommand(jobs.get(1).getKey()).send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).hasSize(2);
    RecordLog log = recordLog(instance);
    // the condition holds once two completed: the other two are terminated, then the body completes
    assertThat(log.lifecycleOf("vote"))
        .extracting(Entry::bpmnElementType, Entry::intent)
        .containsExactly(
            tuple("MULTI_INSTANCE_BODY", ACTIVATING), tuple("MULTI_INSTANCE_BODY", ACTIVATED),
            tuple("SERVICE_TASK", ACTIVATING), tuple("SERVICE_TASK", ACTIVATING),
            tuple("SERVICE_TASK", ACTIVATING), tuple("SERVICE_TASK", ACTIVATING),
            tuple("SERVICE_TASK", ACTIVATED), tuple("SERVICE_TASK", ACTIVATED),
            tuple("SERVICE_TASK", ACTIVATED), tuple("SERVICE_TASK", ACTIVATED),
            tuple("SERVICE_TASK", COMPLETING), tuple("SERVICE_TASK", COMPLETED),
            tuple("SERVICE_TASK", COMPLETING), tuple("SERVICE_TASK", COMPLETED),
            tuple("SERVICE_TASK", TERMINATING), tuple("SERVICE_TASK", TERMINATED),
            tuple("SERVICE_TASK", TERMINATING), tuple("SERVICE_TASK", TERMINATED),
            tuple("MULTI_INSTANCE_BODY", COMPLETING), tuple("MULTI_INSTANCE_BODY", COMPLETED));
    List<Long> completed =
        List.of(jobs.get(0).getElementInstanceKey(), jobs.get(1).getElementInstanceKey());
    for (long inner : log.instancesOf("vote", "SERVICE_TASK")) {
      assertThat(log.intentsOf(inner))
          .containsExactly(
              ACTIVATING,
              ACTIVATED,
              completed.contains(inner) ? COMPLETING : TERMINATING,
              completed.contains(inner) ? COMPLETED : TERMINATED);
    }
  }

  @Test
  void multiInstanceCallActivityStartsOneChildPerItem() {
    String child = uniqueId("mi-child");
    deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(child))
            .endEvent()
            .done());
    String parent = uniqueId("mi-call");
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity(
                "call",
                c ->
                    c.zeebeProcessId(child)
                        .multiInstance(
                            mi ->
                                mi.sequential()
                                    .zeebeInputCollectionExpression("regions")
                                    .zeebeInputElement("region")))
            .endEvent()
            .done());
    long instance = start(parent, Map.of("regions", List.of("640104", "640105")));
    for (String region : List.of("640104", "640105")) {
      ActivatedJob job = activateOne(child);
      assertThat(job.getVariablesAsMap()).containsEntry("region", region);
      client.newCompleteCommand(job.getKey()).send().join();
    }
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    RecordLog log = recordLog(instance);
    assertThat(log.lifecycleOf("call"))
        .extracting(Entry::bpmnElementType, Entry::intent)
        .containsExactly(
            tuple("MULTI_INSTANCE_BODY", ACTIVATING), tuple("MULTI_INSTANCE_BODY", ACTIVATED),
            tuple("CALL_ACTIVITY", ACTIVATING), tuple("CALL_ACTIVITY", ACTIVATED),
            tuple("CALL_ACTIVITY", COMPLETING), tuple("CALL_ACTIVITY", COMPLETED),
            tuple("CALL_ACTIVITY", ACTIVATING), tuple("CALL_ACTIVITY", ACTIVATED),
            tuple("CALL_ACTIVITY", COMPLETING), tuple("CALL_ACTIVITY", COMPLETED),
            tuple("MULTI_INSTANCE_BODY", COMPLETING), tuple("MULTI_INSTANCE_BODY", COMPLETED));
    List<Long> inner = log.instancesOf("call", "CALL_ACTIVITY");
    assertThat(inner).extracting(k -> log.variable(k, "loopCounter")).containsExactly(1, 2);
    assertThat(inner)
        .extracting(k -> log.variable(k, "region"))
        .containsExactly("640104", "640105");
  }

  @Test
  void multiInstanceSubProcessGivesEachItemItsOwnScope() {
    String id = uniqueId("mi-sub");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess(
                "per-spot",
                s ->
                    s.multiInstance(
                        mi ->
                            mi.parallel()
                                .zeebeInputCollectionExpression("spots")
                                .zeebeInputElement("spot")))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType(id))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .done());
    long instance = start(id, Map.of("spots", List.of("x", "y")));
    List<ActivatedJob> jobs = activate(id, 10);
    assertThat(jobs)
        .extracting(j -> j.getVariablesAsMap().get("spot"))
        .containsExactlyInAnyOrder("x", "y");
    jobs.forEach(j -> client.newCompleteCommand(j.getKey()).send().join());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    RecordLog log = recordLog(instance);
    List<Long> scopes = log.instancesOf("per-spot", "SUB_PROCESS");
    assertThat(scopes).extracting(k -> log.variable(k, "spot")).containsExactly("x", "y");
    // each inner task runs in the sub-process instance of its item
    assertThat(jobs)
        .extracting(
            j -> log.recordsOf(j.getElementInstanceKey()).get(0).value().get("flowScopeKey"))
        .containsExactlyInAnyOrderElementsOf(scopes);
    scopes.forEach(
        k ->
            assertThat(log.intentsOf(k))
                .containsExactly(ACTIVATING, ACTIVATED, COMPLETING, COMPLETED));
    assertThat(log.intentsOf("per-spot", "MULTI_INSTANCE_BODY"))
        .containsExactly(ACTIVATING, ACTIVATED, COMPLETING, COMPLETED);
  }

  @Test
  void
      completionConditionThatIsNotABooleanRaisesAnIncidentOnTheInnerInstanceAndContinuesOnceResolved() {
    String id = uniqueId("mi-condition-incident");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "vote",
                t ->
                    t.zeebeJobType(id)
                        .multiInstance(
                            mi ->
                                mi.parallel()
                                    .zeebeInputCollectionExpression("[1, 2]")
                                    .completionCondition("= enough")))
            .endEvent()
            .done());
    long instance = start(id);
    List<ActivatedJob> jobs = activate(id, 10);
    assertThat(jobs).hasSize(2);
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();

    // Zeebe: the condition evaluates to null (no variable "enough"), which is not a boolean
    assertThat(activeIncidents(instance))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
              assertThat(i.getElementId()).isEqualTo("vote");
              assertThat(i.getElementInstanceKey()).isEqualTo(jobs.get(0).getElementInstanceKey());
            });
    assertThat(processState(instance)).isEqualTo("ACTIVE");

    client.newSetVariablesCommand(instance).variables(Map.of("enough", true)).send().join();
    client
        .newResolveIncidentCommand(activeIncidents(instance).get(0).getIncidentKey())
        .send()
        .join();
    assertThat(activeIncidents(instance)).isEmpty();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("vote");
    // the inner instance stays COMPLETING until the incident is resolved; then its completion runs
    // again
    RecordLog log = recordLog(instance);
    assertThat(log.recordsOf(jobs.get(0).getElementInstanceKey()))
        .extracting(Entry::valueType, Entry::intent)
        .containsExactly(
            tuple("PROCESS_INSTANCE", ACTIVATING),
            tuple("PROCESS_INSTANCE", ACTIVATED),
            tuple("PROCESS_INSTANCE", COMPLETING),
            tuple("INCIDENT", "CREATED"),
            tuple("INCIDENT", "RESOLVED"),
            tuple("PROCESS_INSTANCE", COMPLETED));
    assertThat(log.intentsOf(jobs.get(1).getElementInstanceKey()))
        .containsExactly(ACTIVATING, ACTIVATED, TERMINATING, TERMINATED);
    assertThat(log.intentsOf("vote", "MULTI_INSTANCE_BODY"))
        .containsExactly(ACTIVATING, ACTIVATED, COMPLETING, COMPLETED);
  }

  @Test
  void outputElementThatFailsRaisesAnIncidentOnTheInnerInstanceAndIsCollectedOnceResolved() {
    String id = uniqueId("mi-output-incident");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "check",
                t ->
                    t.zeebeJobType(id)
                        .multiInstance(
                            mi ->
                                mi.sequential()
                                    .zeebeInputCollectionExpression("[1, 2]")
                                    .zeebeOutputCollection("verdicts")
                                    .zeebeOutputElementExpression(
                                        "assert(verdict, verdict != null)")))
            .serviceTask("after", t -> t.zeebeJobType(id + "-after"))
            .endEvent()
            .done());
    long instance = start(id);
    ActivatedJob first = activateOne(id);
    Map<String, Object> noVerdict = new HashMap<>();
    noVerdict.put("verdict", null);
    client.newCompleteCommand(first.getKey()).variables(noVerdict).send().join();

    assertThat(activeIncidents(instance))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
              assertThat(i.getElementInstanceKey()).isEqualTo(first.getElementInstanceKey());
            });
    // the failed inner instance does not count as completed: the next one has not started
    assertThat(activate(id, 10)).isEmpty();

    // fixed on the inner instance: resolving must not bring the job's null back
    client
        .newSetVariablesCommand(first.getElementInstanceKey())
        .variables(Map.of("verdict", "ok-1"))
        .local(true)
        .send()
        .join();
    client
        .newResolveIncidentCommand(activeIncidents(instance).get(0).getIncidentKey())
        .send()
        .join();
    assertThat(activeIncidents(instance)).isEmpty();
    client
        .newCompleteCommand(activateOne(id).getKey())
        .variables(Map.of("verdict", "ok-2"))
        .send()
        .join();
    assertThat(variablesSeenBy(id + "-after").get("verdicts")).isEqualTo(List.of("ok-1", "ok-2"));
    RecordLog log = recordLog(instance);
    assertThat(log.recordsOf(first.getElementInstanceKey()))
        .extracting(Entry::valueType, Entry::intent)
        .containsExactly(
            tuple("PROCESS_INSTANCE", ACTIVATING),
            tuple("PROCESS_INSTANCE", ACTIVATED),
            tuple("PROCESS_INSTANCE", COMPLETING),
            tuple("INCIDENT", "CREATED"),
            tuple("INCIDENT", "RESOLVED"),
            tuple("PROCESS_INSTANCE", COMPLETED));
    // the second inner instance starts only once the first completed, after the incident
    assertThat(log.lifecycleOf("check"))
        .extracting(Entry::bpmnElementType, Entry::intent)
        .containsExactly(
            tuple("MULTI_INSTANCE_BODY", ACTIVATING), tuple("MULTI_INSTANCE_BODY", ACTIVATED),
            tuple("SERVICE_TASK", ACTIVATING), tuple("SERVICE_TASK", ACTIVATED),
            tuple("SERVICE_TASK", COMPLETING), tuple("SERVICE_TASK", COMPLETED),
            tuple("SERVICE_TASK", ACTIVATING), tuple("SERVICE_TASK", ACTIVATED),
            tuple("SERVICE_TASK", COMPLETING), tuple("SERVICE_TASK", COMPLETED),
            tuple("MULTI_INSTANCE_BODY", COMPLETING), tuple("MULTI_INSTANCE_BODY", COMPLETED));
    assertThat(log.instancesOf("check", "SERVICE_TASK"))
        .extracting(k -> log.variable(k, "loopCounter"))
        .containsExactly(1, 2);
  }
}
