package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Variable scopes, propagation, local variables and input/output mappings as Zeebe documents them.
 */
class VariableScopeTest extends EngineTest {

  @Test
  void inputMappingsCreateLocalVariablesThatDoNotLeakIntoTheProcess() {
    String id = uniqueId("inputs");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(id)
                        .zeebeInputExpression("spot.id", "spotId")
                        .zeebeInputExpression("spotId + \"-x\"", "label"))
            .serviceTask("next", t -> t.zeebeJobType(id + "-next"))
            .endEvent()
            .done());
    start(id, Map.of("spot", Map.of("id", "640104-1")));
    ActivatedJob job = activateOne(id);
    assertThat(job.getVariablesAsMap())
        .containsEntry("spotId", "640104-1")
        .containsEntry("label", "640104-1-x");
    client.newCompleteCommand(job.getKey()).send().join();
    assertThat(variablesSeenBy(id + "-next")).doesNotContainKeys("spotId", "label");
  }

  @Test
  void outputMappingsDecideWhatReachesTheProcess() {
    String id = uniqueId("outputs");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(id)
                        .zeebeOutputExpression("result.area * 2", "doubled")
                        .zeebeOutputExpression("result.kind", "report.kind"))
            .serviceTask("next", t -> t.zeebeJobType(id + "-next"))
            .endEvent()
            .done());
    start(id, Map.of("report", Map.of("author", "officer")));
    client
        .newCompleteCommand(activateOne(id).getKey())
        .variables(Map.of("result", Map.of("area", 21, "kind", "farmland")))
        .send()
        .join();
    Map<String, Object> seen = variablesSeenBy(id + "-next");
    assertThat(seen).doesNotContainKey("result");
    assertThat(((Number) seen.get("doubled")).intValue()).isEqualTo(42);
    assertThat(seen.get("report")).isEqualTo(Map.of("author", "officer", "kind", "farmland"));
  }

  @Test
  void eachOutputMappingSeesTheOnesBeforeIt() {
    String id = uniqueId("chained-outputs");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(id)
                        .zeebeOutputExpression("measured", "area")
                        .zeebeOutputExpression("area * 2", "doubled"))
            .serviceTask("next", t -> t.zeebeJobType(id + "-next"))
            .endEvent()
            .done());
    start(id);
    client
        .newCompleteCommand(activateOne(id).getKey())
        .variables(Map.of("measured", 4))
        .send()
        .join();
    Map<String, Object> seen = variablesSeenBy(id + "-next");
    assertThat(((Number) seen.get("area")).intValue()).isEqualTo(4);
    assertThat(((Number) seen.get("doubled")).intValue()).isEqualTo(8);
  }

  @Test
  void completionVariablesPropagateToTheClosestScopeHoldingThem() {
    String id = uniqueId("propagate");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("sub", s -> s.zeebeInputExpression("0", "counter"))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType(id))
            .serviceTask("inner-check", t -> t.zeebeJobType(id + "-check"))
            .endEvent()
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(id + "-after"))
            .endEvent()
            .done());
    start(id, Map.of("total", 1));
    client
        .newCompleteCommand(activateOne(id).getKey())
        .variables(Map.of("counter", 5, "total", 2, "fresh", "new"))
        .send()
        .join();
    ActivatedJob check = activateOne(id + "-check");
    assertThat(check.getVariablesAsMap())
        .containsEntry("counter", 5)
        .containsEntry("total", 2)
        .containsEntry("fresh", "new");
    client.newCompleteCommand(check.getKey()).send().join();
    assertThat(variablesSeenBy(id + "-after"))
        .doesNotContainKey("counter")
        .containsEntry("total", 2)
        .containsEntry("fresh", "new");
  }

  @Test
  void localVariablesSetOnAnElementInstanceStayInItsScope() {
    String id = uniqueId("local");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .serviceTask("next", t -> t.zeebeJobType(id + "-next"))
            .endEvent()
            .done());
    long instance = start(id, Map.of("shared", "old"));
    ActivatedJob job = activateOne(id);
    client
        .newSetVariablesCommand(job.getElementInstanceKey())
        .variables(Map.of("onlyHere", true))
        .local(true)
        .send()
        .join();
    client
        .newSetVariablesCommand(job.getElementInstanceKey())
        .variables(Map.of("shared", "new"))
        .local(false)
        .send()
        .join();
    client.newCompleteCommand(job.getKey()).send().join();
    Map<String, Object> seen = variablesSeenBy(id + "-next");
    assertThat(seen).doesNotContainKey("onlyHere").containsEntry("shared", "new");
    assertThat(processState(instance)).isEqualTo("ACTIVE");
  }

  @Test
  void scriptTaskResultBecomesAProcessVariable() {
    String id = uniqueId("script");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .scriptTask(
                "compute", s -> s.zeebeExpression("sum(areas)").zeebeResultVariable("total"))
            .endEvent()
            .done());
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("areas", new int[] {1, 2, 3}))
            .withResult()
            .send()
            .join();
    assertThat(((Number) result.getVariablesAsMap().get("total")).intValue()).isEqualTo(6);
  }

  @Test
  void aFailingInputMappingRaisesAnIoMappingIncident() {
    String id = uniqueId("bad-input");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "task", t -> t.zeebeJobType(id).zeebeInputExpression("assert(x, x != null)", "y"))
            .endEvent()
            .done());
    long instance = start(id);
    assertThat(activeIncidents(instance))
        .singleElement()
        .satisfies(i -> assertThat(i.getErrorType().name()).isEqualTo("IO_MAPPING_ERROR"));
    client.newSetVariablesCommand(instance).variables(Map.of("x", 1)).send().join();
    client
        .newResolveIncidentCommand(activeIncidents(instance).get(0).getIncidentKey())
        .send()
        .join();
    assertThat(activateOne(id).getVariablesAsMap()).containsEntry("y", 1);
  }
}
