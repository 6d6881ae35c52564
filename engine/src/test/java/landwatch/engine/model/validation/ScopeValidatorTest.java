package landwatch.engine.model.validation;

import static landwatch.engine.model.TestModels.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopeValidatorTest {

  @Test
  void aProcessStartsWithANoneMessageTimerOrSignalStartEvent() {
    assertThat(
            problems(
                "<bpmn:error id=\"e\" errorCode=\"E\"/><bpmn:escalation id=\"x\" escalationCode=\"X\"/>",
                """
        <bpmn:startEvent id="none"/>
        <bpmn:startEvent id="timer"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:startEvent id="error"><bpmn:errorEventDefinition errorRef="e"/></bpmn:startEvent>
        <bpmn:startEvent id="escalation"><bpmn:escalationEventDefinition escalationRef="x"/></bpmn:startEvent>
        """))
        .containsExactly(
            "Element: error - a start event of a process must be a none, message, timer or signal start event",
            "Element: escalation - a start event of a process must be a none, message, timer or signal start event");
  }

  @Test
  void anEmbeddedSubProcessStartsWithExactlyOneNoneStartEvent() {
    assertThat(
            problems(
                """
        <bpmn:subProcess id="empty"/>
        <bpmn:subProcess id="timed">
          <bpmn:startEvent id="timer"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
        </bpmn:subProcess>
        <bpmn:subProcess id="fine"><bpmn:startEvent id="start"/></bpmn:subProcess>
        """))
        .containsExactly(
            "Element: empty - an embedded sub-process must have exactly one none start event",
            "Element: timer - a start event inside an embedded sub-process must be a none start event",
            "Element: timed - an embedded sub-process must have exactly one none start event");
  }

  @Test
  void anEventSubProcessStartsWithAnEvent() {
    assertThat(
            problems(
                """
        <bpmn:subProcess id="plain" triggeredByEvent="true"><bpmn:startEvent id="start"/></bpmn:subProcess>
        """))
        .containsExactly(
            "Element: plain - an event sub-process must have one start event with an event definition");
  }
}
