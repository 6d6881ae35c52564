package landwatch.engine.model.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.TestModels;
import org.junit.jupiter.api.Test;

class ProcessTransformerTest {

  private final ProcessTransformer transformer =
      new ProcessTransformer(new FeelEvaluator(ZonedDateTime::now, Duration.ofSeconds(2)));

  private List<String> problems(BpmnModelInstance model) {
    transformer.transform(model);
    return transformer.problems();
  }

  @Test
  void aSupportedProcessHasNoProblemsAndKnowsItsStructure() {
    List<ExecutableProcess> processes =
        transformer.transform(
            Bpmn.createExecutableProcess("p")
                .startEvent("s")
                .serviceTask("t", b -> b.zeebeJobType("x"))
                .boundaryEvent("b")
                .timerWithDuration("PT1H")
                .endEvent()
                .moveToActivity("t")
                .endEvent("e")
                .done());
    assertThat(transformer.problems()).isEmpty();
    ExecutableProcess process = processes.get(0);
    assertThat(process.root.noneStartEvent().id).isEqualTo("s");
    assertThat(process.element("t").boundaryEvents).extracting(e -> e.id).containsExactly("b");
    assertThat(process.element("b").attachedTo.id).isEqualTo("t");
  }

  @Test
  void aTransformedProcessCannotBeChanged() {
    ExecutableProcess process =
        transformer
            .transform(
                Bpmn.createExecutableProcess("p")
                    .startEvent("s")
                    .serviceTask("t", b -> b.zeebeJobType("x"))
                    .boundaryEvent("b")
                    .timerWithDuration("PT1H")
                    .endEvent()
                    .moveToActivity("t")
                    .endEvent("e")
                    .done())
            .get(0);
    ExecutableElement task = process.element("t");
    assertThatThrownBy(() -> task.outgoing.clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> task.incoming.clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> task.boundaryEvents.clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> task.inputs.clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> process.root.children.clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> process.root.eventSubProcesses.clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> process.elements.clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> process.eventStartEvents.clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anErrorStartEventOutsideAnEventSubProcessIsRejected() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("p").startEvent("s").error("E").endEvent().done();
    assertThat(problems(model))
        .anySatisfy(p -> assertThat(p).contains("Element: s").contains("start event"));
  }

  @Test
  void reachabilityFollowsFlowsAndBoundaryEvents() {
    ExecutableProcess process =
        transformer
            .transform(
                Bpmn.createExecutableProcess("p")
                    .startEvent("s")
                    .serviceTask("t", b -> b.zeebeJobType("x"))
                    .boundaryEvent("b")
                    .timerWithDuration("PT1H")
                    .endEvent("late")
                    .moveToActivity("t")
                    .endEvent("e")
                    .done())
            .get(0);
    assertThat(process.element("s").reachable())
        .extracting(e -> e.id)
        .contains("t", "b", "late", "e");
    assertThat(process.element("e").reachable()).isEmpty();
  }

  @Test
  void invalidFeelIsRejectedNamingTheElement() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask("t", b -> b.zeebeJobType("x").zeebeInputExpression("a +* b", "c"))
            .endEvent()
            .done();
    assertThat(problems(model))
        .singleElement()
        .asString()
        .contains("Element: t")
        .contains("not valid FEEL");
  }

  @Test
  void executionListenersAreRejected() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask("t", b -> b.zeebeJobType("x").zeebeStartExecutionListener("listener"))
            .endEvent()
            .done();
    assertThat(problems(model))
        .anySatisfy(p -> assertThat(p).contains("Element: t").contains("execution listeners"));
  }

  @Test
  void problemsAreListedInTheOrderOfTheModelScopeByScope() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://landwatch">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:boundaryEvent id="early" attachedToRef="sub">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:startEvent id="start"/>
            <bpmn:complexGateway id="complex"/>
            <bpmn:subProcess id="sub" isForCompensation="true">
              <bpmn:extensionElements>
                <zeebe:executionListeners><zeebe:executionListener eventType="start" type="listener"/></zeebe:executionListeners>
                <zeebe:ioMapping><zeebe:input source="= 1 +* 2" target="a"/></zeebe:ioMapping>
              </bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics/>
              <bpmn:startEvent id="subStart"><bpmn:timerEventDefinition/></bpmn:startEvent>
              <bpmn:serviceTask id="task"/>
              <bpmn:intermediateThrowEvent id="throw"><bpmn:linkEventDefinition name="nowhere"/></bpmn:intermediateThrowEvent>
              <bpmn:sequenceFlow id="subFlow" sourceRef="subStart" targetRef="task">
                <bpmn:conditionExpression>a +* b</bpmn:conditionExpression>
              </bpmn:sequenceFlow>
            </bpmn:subProcess>
            <bpmn:eventBasedGateway id="gateway"/>
            <bpmn:endEvent id="end"><bpmn:errorEventDefinition/></bpmn:endEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gateway">
              <bpmn:conditionExpression>c +* d</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f2" sourceRef="gateway" targetRef="end"/>
            <bpmn:intermediateCatchEvent id="c1"><bpmn:linkEventDefinition name="L"/></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="c2"><bpmn:linkEventDefinition name="L"/></bpmn:intermediateCatchEvent>
          </bpmn:process>
          <bpmn:process id="q" isExecutable="true">
            <bpmn:startEvent id="qStart"><bpmn:errorEventDefinition/></bpmn:startEvent>
          </bpmn:process>
        </bpmn:definitions>
        """
            .strip();
    BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(problems(model))
        .containsExactly(
            "Element: early - the boundary event must be declared after the activity it is attached to",
            "Element: complex - the element 'complexGateway' is not supported",
            "Element: sub - execution listeners are not supported",
            TestModels.notFeel("sub", "mapping source", " 1 +* 2"),
            "Element: subStart - a timer needs a timeDate, timeDuration or timeCycle",
            "Element: subStart - a start event inside an embedded sub-process must be a none start event",
            "Element: task - a serviceTask must have a zeebe:taskDefinition with a type",
            TestModels.notFeel("subFlow", "condition", "a +* b"),
            "Element: sub - an embedded sub-process must have exactly one none start event",
            "Element: sub - compensation activities are not supported",
            "Element: sub - a multi-instance activity needs zeebe:loopCharacteristics with an inputCollection",
            "Element: end - an error end event must reference an error with an error code",
            TestModels.notFeel("f1", "condition", "c +* d"),
            "Element: gateway - an event-based gateway may only lead to intermediate catch events or receive tasks",
            "Element: gateway - an event-based gateway needs at least two outgoing flows",
            "Element: c2 - more than one link catch event named 'L' in the same scope",
            "Element: throw - no link catch event named 'nowhere' in the same scope",
            "Element: qStart - a start event of a process must be a none, message, timer or signal start event");
  }
}
