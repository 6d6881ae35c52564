package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Embedded sub-processes, terminate and error end events, error boundary events, event
 * sub-processes, escalation.
 */
class SubProcessAndErrorTest extends EngineTest {

  @Test
  void embeddedSubProcessRunsItsFlowAndCompletes() {
    String id = uniqueId("sub");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType(id))
            .endEvent()
            .subProcessDone()
            .endEvent("end")
            .done());
    long instance = start(id);
    completeJob(id, Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "COMPLETED")).contains("sub", "inner", "end");
  }

  @Test
  void jobErrorIsCaughtByTheErrorBoundaryEventWithItsCode() {
    String id = uniqueId("boundary");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("check", t -> t.zeebeJobType(id))
            .boundaryEvent(
                "rejected",
                b -> b.error("REJECTED").zeebeOutputExpression("errorMessage", "reason"))
            .serviceTask("rework", t -> t.zeebeJobType(id + "-rework"))
            .endEvent()
            .moveToActivity("check")
            .endEvent()
            .done());
    long instance = start(id);
    client
        .newThrowErrorCommand(activateOne(id).getKey())
        .errorCode("REJECTED")
        .errorMessage("photo unclear")
        .variables(Map.of("evidence", "none"))
        .send()
        .join();
    Map<String, Object> seen = variablesSeenBy(id + "-rework");
    assertThat(seen).containsEntry("reason", "photo unclear");
    assertThat(elementIds(instance, "TERMINATED")).contains("check");
  }

  @Test
  void anUncaughtJobErrorRaisesAnIncident() {
    String id = uniqueId("uncaught");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("check", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long instance = start(id);
    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("NOPE").send().join();
    assertThat(activeIncidents(instance))
        .singleElement()
        .satisfies(i -> assertThat(i.getErrorType().name()).isEqualTo("UNHANDLED_ERROR_EVENT"));
  }

  @Test
  void errorEndEventInsideASubProcessIsCaughtOnTheSubProcess() {
    String id = uniqueId("error-end");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .endEvent("fail", e -> e.error("INVALID"))
            .subProcessDone()
            .boundaryEvent("caught")
            .error("INVALID")
            .serviceTask("handle", t -> t.zeebeJobType(id))
            .endEvent()
            .moveToActivity("sub")
            .endEvent()
            .done());
    long instance = start(id);
    assertThat(activate(id, 1)).hasSize(1);
    assertThat(elementIds(instance, "TERMINATED")).contains("sub");
  }

  @Test
  void errorEventSubProcessInterruptsItsScope() {
    String id = uniqueId("error-esp");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "on-error",
                e ->
                    e.startEvent("error-start")
                        .error("BROKEN")
                        .serviceTask("repair", t -> t.zeebeJobType(id + "-repair"))
                        .endEvent())
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long instance = start(id);
    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("BROKEN").send().join();
    completeJob(id + "-repair", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).contains("work");
  }

  @Test
  void terminateEndEventEndsEveryOtherPathAndCompletesTheScope() {
    String id = uniqueId("terminate");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("slow", t -> t.zeebeJobType(id + "-slow"))
            .endEvent()
            .moveToNode("fork")
            .endEvent("stop", e -> e.terminate())
            .done());
    long instance = start(id);
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).contains("slow");
    assertThat(activate(id + "-slow", 1)).isEmpty();
  }

  @Test
  void escalationIsCaughtByANonInterruptingBoundaryAndTheThrowerContinues() {
    String id = uniqueId("escalation");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .intermediateThrowEvent("raise", e -> e.escalation("LATE"))
            .serviceTask("continue", t -> t.zeebeJobType(id + "-continue"))
            .endEvent()
            .subProcessDone()
            .boundaryEvent("notice", b -> b.escalation("LATE").cancelActivity(false))
            .serviceTask("notify", t -> t.zeebeJobType(id + "-notify"))
            .endEvent()
            .moveToActivity("sub")
            .endEvent()
            .done());
    start(id);
    assertThat(activate(id + "-notify", 1)).hasSize(1);
    assertThat(activate(id + "-continue", 1)).hasSize(1);
  }

  @Test
  void nonInterruptingEventSubProcessRunsAlongside() {
    String id = uniqueId("esp-msg");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "on-note",
                e ->
                    e.startEvent("note")
                        .interrupting(false)
                        .message(m -> m.name(id + "-note").zeebeCorrelationKeyExpression("spot"))
                        .serviceTask("record", t -> t.zeebeJobType(id + "-record"))
                        .endEvent())
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long instance = start(id, Map.of("spot", "N1"));
    client
        .newPublishMessageCommand()
        .messageName(id + "-note")
        .correlationKey("N1")
        .variables(Map.of("note", "hi"))
        .send()
        .join();
    assertThat(activateOne(id + "-record").getVariablesAsMap()).containsEntry("note", "hi");
    assertThat(activate(id, 1)).hasSize(1);
    assertThat(processState(instance)).isEqualTo("ACTIVE");
  }
}
