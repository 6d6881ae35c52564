package landwatch.engine.model.transform;

import static landwatch.engine.model.TestModels.transformed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.camunda.zeebe.model.bpmn.Bpmn;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.Expression;
import org.junit.jupiter.api.Test;

class JobWorkerTransformerTest {

  @Test
  void aTaskDefinitionMakesTheJobWithItsHeadersInOrder() {
    ExecutableElement task =
        transformed(
                Bpmn.createExecutableProcess("p")
                    .startEvent()
                    .serviceTask(
                        "t",
                        t ->
                            t.zeebeJobTypeExpression("\"work-\" + region")
                                .zeebeJobRetries("5")
                                .zeebeTaskHeader("b", "2")
                                .zeebeTaskHeader("a", "1"))
                    .endEvent()
                    .done())
            .element("t");
    assertThat(task.isJobBased()).isTrue();
    assertThat(task.job.type()).isEqualTo(Expression.of("=\"work-\" + region"));
    assertThat(task.job.retries()).isEqualTo(Expression.of("5"));
    assertThat(task.job.headers()).containsExactly(entry("b", "2"), entry("a", "1"));
  }

  @Test
  void retriesDefaultToThree() {
    ExecutableElement task =
        transformed(
                Bpmn.createExecutableProcess("p")
                    .startEvent()
                    .sendTask("t", t -> t.zeebeJobType("mail"))
                    .endEvent()
                    .done())
            .element("t");
    assertThat(task.job.type()).isEqualTo(Expression.of("mail"));
    assertThat(task.job.retries()).isEqualTo(Expression.of("3"));
    assertThat(task.job.headers()).isEmpty();
  }

  @Test
  void messageThrowEventsAndBusinessRuleTasksWithATaskDefinitionAreJobBased() {
    ExecutableProcess process =
        transformed(
            Bpmn.createExecutableProcess("p")
                .startEvent()
                .businessRuleTask("rules", r -> r.zeebeJobType("rules"))
                .businessRuleTask(
                    "decision", r -> r.zeebeCalledDecisionId("d").zeebeResultVariable("r"))
                .intermediateThrowEvent("publish", e -> e.message("m").zeebeJobType("publisher"))
                .endEvent()
                .done());
    assertThat(process.element("rules").job.type()).isEqualTo(Expression.of("rules"));
    assertThat(process.element("decision").isJobBased()).isFalse();
    assertThat(process.element("publish").job.type()).isEqualTo(Expression.of("publisher"));
    assertThat(process.element("publish").message).isNull();
  }

  @Test
  void theHeadersCannotBeChangedAfterwards() {
    ExecutableElement task =
        transformed(
                Bpmn.createExecutableProcess("p")
                    .startEvent()
                    .serviceTask("t", t -> t.zeebeJobType("x").zeebeTaskHeader("a", "1"))
                    .endEvent()
                    .done())
            .element("t");
    assertThatThrownBy(() -> task.job.headers().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
