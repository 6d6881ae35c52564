package landwatch.engine.model.validation;

import static landwatch.engine.model.TestModels.notFeel;
import static landwatch.engine.model.TestModels.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventValidatorTest {

  private static final String MESSAGE =
      """
      <bpmn:message id="m" name="order">
        <bpmn:extensionElements><zeebe:subscription correlationKey="= orderId"/></bpmn:extensionElements>
      </bpmn:message>
      """;

  @Test
  void anEventWithMoreThanOneDefinitionIsRejectedWithoutLookingFurther() {
    assertThat(
            problems(
                MESSAGE,
                """
        <bpmn:intermediateCatchEvent id="c">
          <bpmn:messageEventDefinition messageRef="m"/>
          <bpmn:timerEventDefinition/>
        </bpmn:intermediateCatchEvent>
        """))
        .containsExactly("Element: c - multiple event definitions are not supported");
  }

  @Test
  void aMessageCatchNeedsANamedMessageAndACorrelationKey() {
    assertThat(
            problems(
                """
        <bpmn:message id="unnamed"/>
        <bpmn:message id="keyless" name="order"/>
        <bpmn:message id="blank" name=" "/>
        <bpmn:message id="badKey" name="= a +* b">
          <bpmn:extensionElements><zeebe:subscription correlationKey="= c +* d"/></bpmn:extensionElements>
        </bpmn:message>
        """,
                """
        <bpmn:intermediateCatchEvent id="noRef"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="noName"><bpmn:messageEventDefinition messageRef="unnamed"/></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="noKey"><bpmn:messageEventDefinition messageRef="keyless"/></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="blankName"><bpmn:messageEventDefinition messageRef="blank"/></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="notFeel"><bpmn:messageEventDefinition messageRef="badKey"/></bpmn:intermediateCatchEvent>
        """))
        .containsExactly(
            "Element: noRef - must reference a message with a name",
            "Element: noName - must reference a message with a name",
            "Element: noKey - a message catch needs a zeebe:subscription with a correlationKey",
            "Element: blankName - the message name must not be empty",
            "Element: blankName - a message catch needs a zeebe:subscription with a correlationKey",
            notFeel("notFeel", "message name", " a +* b"),
            notFeel("notFeel", "correlation key", " c +* d"));
  }

  @Test
  void aMessageStartEventOfTheProcessNeedsNoCorrelationKey() {
    assertThat(
            problems(
                "<bpmn:message id=\"keyless\" name=\"order\"/>",
                """
        <bpmn:startEvent id="s"><bpmn:messageEventDefinition messageRef="keyless"/></bpmn:startEvent>
        """))
        .isEmpty();
  }

  @Test
  void aTimerNeedsOneValidTime() {
    assertThat(
            problems(
                """
        <bpmn:intermediateCatchEvent id="none"><bpmn:timerEventDefinition/></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="empty">
          <bpmn:timerEventDefinition><bpmn:timeDuration> </bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="date">
          <bpmn:timerEventDefinition><bpmn:timeDate>= a +* b</bpmn:timeDate></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="cycle">
          <bpmn:timerEventDefinition><bpmn:timeCycle>=c +* d</bpmn:timeCycle></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        """))
        .containsExactly(
            "Element: none - a timer needs a timeDate, timeDuration or timeCycle",
            "Element: empty - the timeDuration must not be empty",
            notFeel("date", "timeDate", " a +* b"),
            notFeel("cycle", "timeCycle", "c +* d"));
  }

  @Test
  void errorsEscalationsAndSignalsNeedWhatTheyThrow() {
    assertThat(
            problems(
                """
        <bpmn:error id="codeless"/>
        <bpmn:error id="badCode" errorCode="= a +* b"/>
        <bpmn:escalation id="escalationWithoutCode"/>
        <bpmn:signal id="nameless"/>
        <bpmn:signal id="badName" name="= c +* d"/>
        """,
                """
        <bpmn:endEvent id="errorEnd"><bpmn:errorEventDefinition/></bpmn:endEvent>
        <bpmn:endEvent id="codelessEnd"><bpmn:errorEventDefinition errorRef="codeless"/></bpmn:endEvent>
        <bpmn:endEvent id="badCodeEnd"><bpmn:errorEventDefinition errorRef="badCode"/></bpmn:endEvent>
        <bpmn:intermediateThrowEvent id="escalate"><bpmn:escalationEventDefinition escalationRef="escalationWithoutCode"/></bpmn:intermediateThrowEvent>
        <bpmn:intermediateThrowEvent id="signal"><bpmn:signalEventDefinition/></bpmn:intermediateThrowEvent>
        <bpmn:intermediateThrowEvent id="namelessSignal"><bpmn:signalEventDefinition signalRef="nameless"/></bpmn:intermediateThrowEvent>
        <bpmn:endEvent id="badSignal"><bpmn:signalEventDefinition signalRef="badName"/></bpmn:endEvent>
        """))
        .containsExactly(
            "Element: errorEnd - an error end event must reference an error with an error code",
            "Element: codelessEnd - an error end event must reference an error with an error code",
            notFeel("badCodeEnd", "error code", " a +* b"),
            "Element: escalate - a throwing escalation event must reference an escalation with a code",
            "Element: signal - a signal event must reference a signal with a name",
            "Element: namelessSignal - a signal event must reference a signal with a name",
            notFeel("badSignal", "signal name", " c +* d"));
  }

  @Test
  void catchingErrorsAndEscalationsWithoutACodeCatchThemAll() {
    assertThat(
            problems(
                """
        <bpmn:serviceTask id="t">
          <bpmn:extensionElements><zeebe:taskDefinition type="work"/></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:boundaryEvent id="anyError" attachedToRef="t"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="anyEscalation" attachedToRef="t"><bpmn:escalationEventDefinition/></bpmn:boundaryEvent>
        """))
        .isEmpty();
  }

  @Test
  void anUnsupportedDefinitionIsRejectedAndTheEventCountsAsPlain() {
    assertThat(
            problems(
                """
        <bpmn:intermediateCatchEvent id="c">
          <bpmn:conditionalEventDefinition><bpmn:condition>= x</bpmn:condition></bpmn:conditionalEventDefinition>
        </bpmn:intermediateCatchEvent>
        """))
        .containsExactly(
            "Element: c - the event definition 'conditionalEventDefinition' is not supported",
            "Element: c - a intermediateCatchEvent with a none event definition is not supported");
  }

  @Test
  void eachEventKindTakesOnlyTheDefinitionsTheEngineRuns() {
    assertThat(
            problems(
                "<bpmn:error id=\"e\" errorCode=\"E\"/>",
                """
        <bpmn:intermediateCatchEvent id="catchError"><bpmn:errorEventDefinition errorRef="e"/></bpmn:intermediateCatchEvent>
        <bpmn:intermediateThrowEvent id="throwError"><bpmn:errorEventDefinition errorRef="e"/></bpmn:intermediateThrowEvent>
        <bpmn:endEvent id="endTimer"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:endEvent>
        <bpmn:manualTask id="t"/>
        <bpmn:boundaryEvent id="boundaryLink" attachedToRef="t"><bpmn:linkEventDefinition name="l"/></bpmn:boundaryEvent>
        <bpmn:subProcess id="events" triggeredByEvent="true">
          <bpmn:startEvent id="startTerminate"><bpmn:terminateEventDefinition/></bpmn:startEvent>
        </bpmn:subProcess>
        """))
        .containsExactly(
            "Element: catchError - a intermediateCatchEvent with a error event definition is not supported",
            "Element: throwError - a intermediateThrowEvent with a error event definition is not supported",
            "Element: endTimer - a endEvent with a timer event definition is not supported",
            "Element: boundaryLink - a boundaryEvent with a link event definition is not supported",
            "Element: startTerminate - a startEvent with a terminate event definition is not supported");
  }

  @Test
  void aMessageThrowEventIsJobBased() {
    assertThat(
            problems(
                """
        <bpmn:intermediateThrowEvent id="send"><bpmn:messageEventDefinition/></bpmn:intermediateThrowEvent>
        <bpmn:endEvent id="sent">
          <bpmn:extensionElements><zeebe:taskDefinition type="mail"/></bpmn:extensionElements>
          <bpmn:messageEventDefinition/>
        </bpmn:endEvent>
        """))
        .containsExactly(
            "Element: send - a message throw event must have a zeebe:taskDefinition (it is job-based)");
  }

  @Test
  void aBoundaryEventIsDeclaredAfterItsActivityAndHasADefinition() {
    assertThat(
            problems(
                """
        <bpmn:boundaryEvent id="early" attachedToRef="t">
          <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:manualTask id="t"/>
        <bpmn:boundaryEvent id="plain" attachedToRef="t"/>
        """))
        .containsExactly(
            "Element: early - the boundary event must be declared after the activity it is attached to",
            "Element: plain - a boundary event needs an event definition");
  }
}
