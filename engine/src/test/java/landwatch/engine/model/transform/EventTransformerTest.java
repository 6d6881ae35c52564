package landwatch.engine.model.transform;

import static landwatch.engine.model.TestModels.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import landwatch.engine.model.ErrorDefinition;
import landwatch.engine.model.EscalationDefinition;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.Expression;
import landwatch.engine.model.MessageDefinition;
import landwatch.engine.model.SignalDefinition;
import landwatch.engine.model.TimerDefinition;
import org.junit.jupiter.api.Test;

class EventTransformerTest {

  @Test
  void aCatchEventOrReceiveTaskWaitsForItsMessageByCorrelationKey() {
    ExecutableProcess process =
        transformed(
            Bpmn.createExecutableProcess("p")
                .startEvent("start")
                .message("go")
                .intermediateCatchEvent("wait")
                .message(m -> m.nameExpression("kind").zeebeCorrelationKeyExpression("orderId"))
                .receiveTask("receive")
                .message(m -> m.name("paid").zeebeCorrelationKey("fixed"))
                .endEvent()
                .done());
    assertThat(process.element("start").message)
        .isEqualTo(new MessageDefinition(Expression.of("go"), null));
    assertThat(process.element("wait").eventType).isEqualTo(EventType.MESSAGE);
    assertThat(process.element("wait").message)
        .isEqualTo(new MessageDefinition(Expression.of("=kind"), Expression.of("=orderId")));
    assertThat(process.element("receive").eventType).isEqualTo(EventType.MESSAGE);
    assertThat(process.element("receive").message)
        .isEqualTo(new MessageDefinition(Expression.of("paid"), Expression.of("fixed")));
  }

  @Test
  void aTimerIsADateADurationOrACycle() {
    ExecutableProcess process =
        transformed(
            Bpmn.createExecutableProcess("p")
                .startEvent("start")
                .timerWithCycle("R3/PT1H")
                .intermediateCatchEvent("date")
                .timerWithDate("2030-01-01T00:00:00Z")
                .intermediateCatchEvent("duration")
                .timerWithDurationExpression("delay")
                .endEvent()
                .done());
    assertThat(process.element("start").timer)
        .isEqualTo(new TimerDefinition(TimerDefinition.Kind.CYCLE, Expression.of("R3/PT1H")));
    assertThat(process.element("date").timer)
        .isEqualTo(
            new TimerDefinition(TimerDefinition.Kind.DATE, Expression.of("2030-01-01T00:00:00Z")));
    assertThat(process.element("duration").timer)
        .isEqualTo(new TimerDefinition(TimerDefinition.Kind.DURATION, Expression.of("=delay")));
  }

  @Test
  void errorsAndEscalationsAreCaughtByCodeOrAllOfThemAndThrownByCode() {
    ExecutableProcess process =
        transformed(
            Bpmn.createExecutableProcess("p")
                .startEvent()
                .serviceTask("t", t -> t.zeebeJobType("x"))
                .boundaryEvent("byCode")
                .error("E1")
                .endEvent()
                .moveToActivity("t")
                .boundaryEvent("anyError")
                .error()
                .endEvent()
                .moveToActivity("t")
                .boundaryEvent("escalated")
                .cancelActivity(false)
                .escalation()
                .endEvent()
                .moveToActivity("t")
                .intermediateThrowEvent("escalate")
                .escalation("X1")
                .endEvent("fail")
                .error("E2")
                .done());
    assertThat(process.element("byCode").error).isEqualTo(new ErrorDefinition(Expression.of("E1")));
    assertThat(process.element("anyError").error).isEqualTo(new ErrorDefinition(null));
    assertThat(process.element("escalated").escalation).isEqualTo(new EscalationDefinition(null));
    assertThat(process.element("escalate").escalation)
        .isEqualTo(new EscalationDefinition(Expression.of("X1")));
    assertThat(process.element("fail").error).isEqualTo(new ErrorDefinition(Expression.of("E2")));
    assertThat(process.element("fail").eventType).isEqualTo(EventType.ERROR);
  }

  @Test
  void aBoundaryEventIsAttachedToItsActivityAndInterruptsItUnlessToldNotTo() {
    ExecutableProcess process =
        transformed(
            Bpmn.createExecutableProcess("p")
                .startEvent()
                .serviceTask("t", t -> t.zeebeJobType("x"))
                .boundaryEvent("late")
                .timerWithDuration("PT1H")
                .endEvent()
                .moveToActivity("t")
                .boundaryEvent("remind")
                .cancelActivity(false)
                .timerWithCycle("R/PT5M")
                .endEvent()
                .moveToActivity("t")
                .endEvent()
                .done());
    assertThat(process.element("late").attachedTo).isSameAs(process.element("t"));
    assertThat(process.element("late").interrupting).isTrue();
    assertThat(process.element("remind").interrupting).isFalse();
    assertThat(process.element("t").boundaryEvents)
        .extracting(e -> e.id)
        .containsExactly("late", "remind");
  }

  @Test
  void signalsAreNamedAndLinksJumpToTheCatchOfTheirName() {
    ExecutableProcess process =
        transformed(
            Bpmn.createExecutableProcess("p")
                .startEvent("start")
                .signal("go")
                .intermediateThrowEvent("broadcast")
                .signal("alarm")
                .intermediateThrowEvent("jump")
                .link("L")
                .moveToProcess("p")
                .linkCatchEvent("land")
                .link("L")
                .endEvent()
                .done());
    assertThat(process.element("start").signal)
        .isEqualTo(new SignalDefinition(Expression.of("go")));
    assertThat(process.element("broadcast").signal)
        .isEqualTo(new SignalDefinition(Expression.of("alarm")));
    assertThat(process.element("jump").link.name()).isEqualTo("L");
    assertThat(process.element("jump").linkTarget()).isSameAs(process.element("land"));
    assertThat(process.element("start").linkTarget()).isNull();
  }
}
