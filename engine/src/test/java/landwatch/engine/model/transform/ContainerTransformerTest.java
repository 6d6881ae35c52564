package landwatch.engine.model.transform;

import static landwatch.engine.model.TestModels.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;
import org.junit.jupiter.api.Test;

class ContainerTransformerTest {

  private final ExecutableProcess process =
      transformed(
          Bpmn.createExecutableProcess("p")
              .eventSubProcess(
                  "onCancel",
                  e ->
                      e.startEvent("cancelStart")
                          .interrupting(false)
                          .message(m -> m.name("cancel").zeebeCorrelationKeyExpression("id"))
                          .endEvent("cancelled"))
              .eventSubProcess("onFailure", e -> e.startEvent("failureStart").error("E").endEvent())
              .startEvent("start")
              .subProcess(
                  "sub", s -> s.embeddedSubProcess().startEvent("subStart").endEvent("subEnd"))
              .endEvent("end")
              .moveToProcess("p")
              .startEvent("byTimer")
              .timerWithCycle("R/PT1H")
              .connectTo("end")
              .done());

  @Test
  void aContainerStartsAtItsNoneStartEventAndKnowsItsChildren() {
    ExecutableElement root = process.root;
    assertThat(root.noneStartEvent()).isSameAs(process.element("start"));
    assertThat(root.children)
        .extracting(e -> e.id)
        .containsExactly("start", "sub", "end", "byTimer");
    assertThat(root.eventSubProcesses)
        .extracting(e -> e.id)
        .containsExactly("onCancel", "onFailure");
    assertThat(process.element("sub").noneStartEvent()).isSameAs(process.element("subStart"));
    assertThat(process.element("sub").flowScope).isSameAs(root);
    assertThat(process.element("subEnd").flowScope).isSameAs(process.element("sub"));
  }

  @Test
  void anEventSubProcessStartsAtItsEventAndInterruptsAsItsStartEventDoes() {
    assertThat(process.element("onCancel").eventStart()).isSameAs(process.element("cancelStart"));
    assertThat(process.element("onCancel").interrupting).isFalse();
    assertThat(process.element("cancelStart").interrupting).isFalse();
    assertThat(process.element("onFailure").eventStart()).isSameAs(process.element("failureStart"));
    assertThat(process.element("onFailure").interrupting).isTrue();
  }

  @Test
  void theProcessIsStartedByItsEventStartEventsToo() {
    assertThat(process.eventStartEvents).extracting(e -> e.id).containsExactly("byTimer");
  }
}
