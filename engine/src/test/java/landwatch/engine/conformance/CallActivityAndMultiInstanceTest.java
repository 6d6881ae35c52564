package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Call activities and multi-instance activities. */
class CallActivityAndMultiInstanceTest extends EngineTest {

  @Test
  void callActivityRunsTheChildWithTheParentsVariablesAndTakesItsVariablesBack() {
    String child = uniqueId("child");
    deploy(Bpmn.createExecutableProcess(child).startEvent().serviceTask("work", t -> t.zeebeJobType(child)).endEvent().done());
    String parent = uniqueId("parent");
    deploy(Bpmn.createExecutableProcess(parent).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(child))
        .serviceTask("after", t -> t.zeebeJobType(parent)).endEvent().done());
    long instance = start(parent, Map.of("spot", "P1"));
    ActivatedJob job = activateOne(child);
    assertThat(job.getVariablesAsMap()).containsEntry("spot", "P1");
    assertThat(job.getProcessInstanceKey()).isNotEqualTo(instance);
    var childInstance = client.newProcessInstanceGetRequest(job.getProcessInstanceKey()).send().join();
    assertThat(childInstance.getParentProcessInstanceKey()).isEqualTo(instance);
    client.newCompleteCommand(job.getKey()).variables(Map.of("result", "done")).send().join();
    assertThat(activateOne(parent).getVariablesAsMap()).containsEntry("result", "done");
  }

  @Test
  void bindingsChooseTheDeployedWithOrTaggedVersionOfTheChild() {
    String child = uniqueId("bound-child");
    String byDeployment = uniqueId("by-deployment");
    String byTag = uniqueId("by-tag");
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess(child).versionTag("v1.0").startEvent()
            .serviceTask("work", t -> t.zeebeJobType(child)).endEvent().done(), "child.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess(byDeployment).startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child).zeebeBindingType(ZeebeBindingType.deployment))
            .endEvent().done(), "parent.bpmn")
        .send().join();
    deploy(Bpmn.createExecutableProcess(child).versionTag("v2.0").startEvent()
        .serviceTask("work2", t -> t.zeebeJobType(child)).endEvent().done());
    deploy(Bpmn.createExecutableProcess(byTag).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(child).zeebeBindingType(ZeebeBindingType.versionTag).zeebeVersionTag("v1.0"))
        .endEvent().done());
    start(byDeployment);
    start(byTag);
    String latest = uniqueId("by-latest");
    deploy(Bpmn.createExecutableProcess(latest).startEvent().callActivity("call", c -> c.zeebeProcessId(child)).endEvent().done());
    start(latest);
    assertThat(activate(child, 10)).extracting(ActivatedJob::getElementId).containsExactlyInAnyOrder("work", "work", "work2");
  }

  @Test
  void cancellingTheParentTerminatesTheChild() {
    String child = uniqueId("child-cancel");
    deploy(Bpmn.createExecutableProcess(child).startEvent().serviceTask("work", t -> t.zeebeJobType(child)).endEvent().done());
    String parent = uniqueId("parent-cancel");
    deploy(Bpmn.createExecutableProcess(parent).startEvent().callActivity("call", c -> c.zeebeProcessId(child)).endEvent().done());
    long instance = start(parent);
    long childKey = activateOne(child).getProcessInstanceKey();
    client.newCancelInstanceCommand(instance).send().join();
    assertThat(processState(instance)).isEqualTo("TERMINATED");
    assertThat(processState(childKey)).isEqualTo("TERMINATED");
  }

  @Test
  void parallelMultiInstanceCreatesOneJobPerItemAndCollectsTheOutput() {
    String id = uniqueId("mi-parallel");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("check", t -> t.zeebeJobType(id).multiInstance(mi -> mi.parallel()
            .zeebeInputCollectionExpression("spots").zeebeInputElement("spot")
            .zeebeOutputCollection("verdicts").zeebeOutputElementExpression("verdict")))
        .endEvent().done());
    var future = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("spots", List.of("a", "b", "c"))).withResult().send();
    // the creation is in flight: wait for its jobs, which all arrive in the batch that creates them
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(id).maxJobsToActivate(10)
        .requestTimeout(Duration.ofSeconds(30)).send().join().getJobs();
    assertThat(jobs).extracting(j -> j.getVariablesAsMap().get("spot")).containsExactlyInAnyOrder("a", "b", "c");
    for (ActivatedJob job : jobs) {
      client.newCompleteCommand(job.getKey()).variables(Map.of("verdict", "ok-" + job.getVariablesAsMap().get("spot")))
          .send().join();
    }
    ProcessInstanceResult result = future.join();
    assertThat(result.getVariablesAsMap().get("verdicts")).isEqualTo(List.of("ok-a", "ok-b", "ok-c"));
  }

  @Test
  void sequentialMultiInstanceRunsOneAfterTheOther() {
    String id = uniqueId("mi-sequential");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("check", t -> t.zeebeJobType(id).multiInstance(mi -> mi.sequential()
            .zeebeInputCollectionExpression("[1, 2, 3]").zeebeInputElement("n")))
        .endEvent().done());
    long instance = start(id);
    for (int n = 1; n <= 3; n++) {
      List<ActivatedJob> jobs = activate(id, 10);
      assertThat(jobs).singleElement().satisfies(j -> assertThat(j.getVariablesAsMap()).containsKey("n"));
      client.newCompleteCommand(jobs.get(0).getKey()).send().join();
    }
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void completionConditionEndsTheMultiInstanceEarly() {
    String id = uniqueId("mi-condition");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("vote", t -> t.zeebeJobType(id).multiInstance(mi -> mi.parallel()
            .zeebeInputCollectionExpression("[1, 2, 3, 4]").completionCondition("= numberOfCompletedInstances >= 2")))
        .endEvent().done());
    long instance = start(id);
    List<ActivatedJob> jobs = activate(id, 10);
    assertThat(jobs).hasSize(4);
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();
    client.newCompleteCommand(jobs.get(1).getKey()).send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).hasSize(2);
  }

  @Test
  void multiInstanceCallActivityStartsOneChildPerItem() {
    String child = uniqueId("mi-child");
    deploy(Bpmn.createExecutableProcess(child).startEvent().serviceTask("work", t -> t.zeebeJobType(child)).endEvent().done());
    String parent = uniqueId("mi-call");
    deploy(Bpmn.createExecutableProcess(parent).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(child).multiInstance(mi -> mi.sequential()
            .zeebeInputCollectionExpression("regions").zeebeInputElement("region")))
        .endEvent().done());
    long instance = start(parent, Map.of("regions", List.of("640104", "640105")));
    for (String region : List.of("640104", "640105")) {
      ActivatedJob job = activateOne(child);
      assertThat(job.getVariablesAsMap()).containsEntry("region", region);
      client.newCompleteCommand(job.getKey()).send().join();
    }
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void multiInstanceSubProcessGivesEachItemItsOwnScope() {
    String id = uniqueId("mi-sub");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .subProcess("per-spot", s -> s.multiInstance(mi -> mi.parallel().zeebeInputCollectionExpression("spots")
            .zeebeInputElement("spot")))
        .embeddedSubProcess().startEvent().serviceTask("inner", t -> t.zeebeJobType(id)).endEvent()
        .subProcessDone().endEvent().done());
    long instance = start(id, Map.of("spots", List.of("x", "y")));
    List<ActivatedJob> jobs = activate(id, 10);
    assertThat(jobs).extracting(j -> j.getVariablesAsMap().get("spot")).containsExactlyInAnyOrder("x", "y");
    jobs.forEach(j -> client.newCompleteCommand(j.getKey()).send().join());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void completionConditionThatIsNotABooleanRaisesAnIncidentOnTheInnerInstanceAndContinuesOnceResolved() {
    String id = uniqueId("mi-condition-incident");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("vote", t -> t.zeebeJobType(id).multiInstance(mi -> mi.parallel()
            .zeebeInputCollectionExpression("[1, 2]").completionCondition("= enough")))
        .endEvent().done());
    long instance = start(id);
    List<ActivatedJob> jobs = activate(id, 10);
    assertThat(jobs).hasSize(2);
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();

    // Zeebe: the condition evaluates to null (no variable "enough"), which is not a boolean
    assertThat(activeIncidents(instance)).singleElement().satisfies(i -> {
      assertThat(i.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
      assertThat(i.getElementId()).isEqualTo("vote");
      assertThat(i.getElementInstanceKey()).isEqualTo(jobs.get(0).getElementInstanceKey());
    });
    assertThat(processState(instance)).isEqualTo("ACTIVE");

    client.newSetVariablesCommand(instance).variables(Map.of("enough", true)).send().join();
    client.newResolveIncidentCommand(activeIncidents(instance).get(0).getIncidentKey()).send().join();
    assertThat(activeIncidents(instance)).isEmpty();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("vote");
  }

  @Test
  void outputElementThatFailsRaisesAnIncidentOnTheInnerInstanceAndIsCollectedOnceResolved() {
    String id = uniqueId("mi-output-incident");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("check", t -> t.zeebeJobType(id).multiInstance(mi -> mi.sequential()
            .zeebeInputCollectionExpression("[1, 2]")
            .zeebeOutputCollection("verdicts").zeebeOutputElementExpression("assert(verdict, verdict != null)")))
        .serviceTask("after", t -> t.zeebeJobType(id + "-after"))
        .endEvent().done());
    long instance = start(id);
    ActivatedJob first = activateOne(id);
    Map<String, Object> noVerdict = new HashMap<>();
    noVerdict.put("verdict", null);
    client.newCompleteCommand(first.getKey()).variables(noVerdict).send().join();

    assertThat(activeIncidents(instance)).singleElement().satisfies(i -> {
      assertThat(i.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
      assertThat(i.getElementInstanceKey()).isEqualTo(first.getElementInstanceKey());
    });
    // the failed inner instance does not count as completed: the next one has not started
    assertThat(activate(id, 10)).isEmpty();

    // fixed on the inner instance: resolving must not bring the job's null back
    client.newSetVariablesCommand(first.getElementInstanceKey()).variables(Map.of("verdict", "ok-1")).local(true)
        .send().join();
    client.newResolveIncidentCommand(activeIncidents(instance).get(0).getIncidentKey()).send().join();
    assertThat(activeIncidents(instance)).isEmpty();
    client.newCompleteCommand(activateOne(id).getKey()).variables(Map.of("verdict", "ok-2")).send().join();
    assertThat(variablesSeenBy(id + "-after").get("verdicts")).isEqualTo(List.of("ok-1", "ok-2"));
  }
}
