package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signals (catch, throw, start, broadcast) and link events. */
class SignalLinkTest extends EngineTest {

  @Test
  void aBroadcastSignalReachesEveryWaitingInstanceAndStartsSignalStartEvents() {
    String id = uniqueId("signal");
    String signal = id + "-freeze";
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.signal(signal))
            .endEvent()
            .done());
    String starter = uniqueId("signal-start");
    deploy(
        Bpmn.createExecutableProcess(starter)
            .startEvent()
            .signal(signal)
            .serviceTask("work", t -> t.zeebeJobType(starter))
            .endEvent()
            .done());
    long a = start(id);
    long b = start(id);
    client
        .newBroadcastSignalCommand()
        .signalName(signal)
        .variables(Map.of("reason", "quota"))
        .send()
        .join();
    assertThat(processState(a)).isEqualTo("COMPLETED");
    assertThat(processState(b)).isEqualTo("COMPLETED");
    assertThat(activateOne(starter).getVariablesAsMap()).containsEntry("reason", "quota");
  }

  @Test
  void aSignalThrowEventBroadcastsFromInsideAProcess() {
    String id = uniqueId("signal-throw");
    String signal = id + "-go";
    deploy(
        Bpmn.createExecutableProcess(id + "-waiter")
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.signal(signal))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateThrowEvent("shout", e -> e.signal(signal))
            .endEvent()
            .done());
    long waiter = start(id + "-waiter");
    start(id);
    assertThat(processState(waiter)).isEqualTo("COMPLETED");
  }

  @Test
  void aLinkThrowEventContinuesAtItsCatchEvent() {
    String id = uniqueId("link");
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://landwatch">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:intermediateThrowEvent id="jump"><bpmn:incoming>f1</bpmn:incoming>
              <bpmn:linkEventDefinition name="page2"/></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="jump"/>
            <bpmn:intermediateCatchEvent id="landing"><bpmn:outgoing>f2</bpmn:outgoing>
              <bpmn:linkEventDefinition name="page2"/></bpmn:intermediateCatchEvent>
            <bpmn:serviceTask id="after"><bpmn:extensionElements><zeebe:taskDefinition type="%1$s"/></bpmn:extensionElements>
              <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="landing" targetRef="after"/>
            <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(id)
            .strip();
    client.newDeployResourceCommand().addResourceStringUtf8(xml, "link.bpmn").send().join();
    long instance = start(id);
    assertThat(activate(id, 1)).hasSize(1);
    assertThat(elementIds(instance, "COMPLETED")).contains("jump", "landing");
  }
}
