package landwatch.engine.model.validation;

import static landwatch.engine.model.TestModels.notFeel;
import static landwatch.engine.model.TestModels.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceFlowValidatorTest {

  @Test
  void aConditionMustBeFeelWhateverItsFlowConnects() {
    assertThat(
            problems(
                """
        <bpmn:exclusiveGateway id="g"/>
        <bpmn:endEvent id="e"/>
        <bpmn:complexGateway id="unsupported"/>
        <bpmn:sequenceFlow id="f1" sourceRef="g" targetRef="e"><bpmn:conditionExpression>= a +* b</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="unsupported"><bpmn:conditionExpression>c +* d</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="f3" sourceRef="g" targetRef="e"><bpmn:conditionExpression>= ok</bpmn:conditionExpression></bpmn:sequenceFlow>
        """))
        .containsExactly(
            "Element: unsupported - the element 'complexGateway' is not supported",
            notFeel("f1", "condition", " a +* b"),
            notFeel("f2", "condition", "c +* d"));
  }

  @Test
  void anEventBasedGatewayLeadsToAtLeastTwoCatchEventsOrReceiveTasks() {
    assertThat(
            problems(
                "<bpmn:message id=\"m\" name=\"m\"><bpmn:extensionElements><zeebe:subscription correlationKey=\"= k\"/>"
                    + "</bpmn:extensionElements></bpmn:message>",
                """
        <bpmn:eventBasedGateway id="lonely"/>
        <bpmn:manualTask id="task"/>
        <bpmn:eventBasedGateway id="mixed"/>
        <bpmn:intermediateCatchEvent id="link"><bpmn:linkEventDefinition name="l"/></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="timer"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:receiveTask id="receive" messageRef="m"/>
        <bpmn:eventBasedGateway id="fine"/>
        <bpmn:sequenceFlow id="f1" sourceRef="lonely" targetRef="task"/>
        <bpmn:sequenceFlow id="f2" sourceRef="mixed" targetRef="link"/>
        <bpmn:sequenceFlow id="f3" sourceRef="mixed" targetRef="timer"/>
        <bpmn:sequenceFlow id="f4" sourceRef="fine" targetRef="timer"/>
        <bpmn:sequenceFlow id="f5" sourceRef="fine" targetRef="receive"/>
        """))
        .containsExactly(
            "Element: lonely - an event-based gateway may only lead to intermediate catch events or receive tasks",
            "Element: lonely - an event-based gateway needs at least two outgoing flows",
            "Element: mixed - an event-based gateway may only lead to intermediate catch events or receive tasks");
  }
}
