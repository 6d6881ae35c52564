package landwatch.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import landwatch.engine.feel.FeelEvaluator;
import org.junit.jupiter.api.Test;

class ProcessTransformerTest {

  private final ProcessTransformer transformer = new ProcessTransformer(new FeelEvaluator(ZonedDateTime::now, Duration.ofSeconds(2)));

  private List<String> problems(BpmnModelInstance model) {
    transformer.transform(model);
    return transformer.problems();
  }

  @Test
  void aSupportedProcessHasNoProblemsAndKnowsItsStructure() {
    List<ExecutableProcess> processes = transformer.transform(Bpmn.createExecutableProcess("p").startEvent("s")
        .serviceTask("t", b -> b.zeebeJobType("x")).boundaryEvent("b").timerWithDuration("PT1H").endEvent()
        .moveToActivity("t").endEvent("e").done());
    assertThat(transformer.problems()).isEmpty();
    ExecutableProcess process = processes.get(0);
    assertThat(process.root.noneStartEvent.id).isEqualTo("s");
    assertThat(process.element("t").boundaryEvents).extracting(e -> e.id).containsExactly("b");
    assertThat(process.element("b").attachedTo.id).isEqualTo("t");
  }

  @Test
  void anErrorStartEventOutsideAnEventSubProcessIsRejected() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent("s").error("E").endEvent().done();
    assertThat(problems(model)).anySatisfy(p -> assertThat(p).contains("Element: s").contains("start event"));
  }

  @Test
  void reachabilityFollowsFlowsAndBoundaryEvents() {
    ExecutableProcess process = transformer.transform(Bpmn.createExecutableProcess("p").startEvent("s")
        .serviceTask("t", b -> b.zeebeJobType("x")).boundaryEvent("b").timerWithDuration("PT1H").endEvent("late")
        .moveToActivity("t").endEvent("e").done()).get(0);
    assertThat(process.element("s").reachable()).extracting(e -> e.id).contains("t", "b", "late", "e");
    assertThat(process.element("e").reachable()).isEmpty();
  }

  @Test
  void invalidFeelIsRejectedNamingTheElement() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("t", b -> b.zeebeJobType("x").zeebeInputExpression("a +* b", "c")).endEvent().done();
    assertThat(problems(model)).singleElement().asString().contains("Element: t").contains("not valid FEEL");
  }

  @Test
  void executionListenersAreRejected() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("t", b -> b.zeebeJobType("x").zeebeStartExecutionListener("listener")).endEvent().done();
    assertThat(problems(model)).anySatisfy(p -> assertThat(p).contains("Element: t").contains("execution listeners"));
  }
}
