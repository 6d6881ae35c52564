package landwatch.engine.model.transform;

import static landwatch.engine.model.TestModels.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.Expression;
import landwatch.engine.model.LoopCharacteristics;
import org.junit.jupiter.api.Test;

class MultiInstanceTransformerTest {

  @Test
  void aMultiInstanceActivityKeepsItsLoopAndAnyOtherHasNone() {
    ExecutableProcess process =
        transformed(
            Bpmn.createExecutableProcess("p")
                .startEvent()
                .serviceTask(
                    "each",
                    t ->
                        t.zeebeJobType("x")
                            .multiInstance(
                                m ->
                                    m.sequential()
                                        .zeebeInputCollectionExpression("items")
                                        .zeebeInputElement("item")
                                        .zeebeOutputCollection("results")
                                        .zeebeOutputElementExpression("item * 2")
                                        .completionCondition("= done")))
                .serviceTask("once", t -> t.zeebeJobType("x"))
                .endEvent()
                .done());
    assertThat(process.element("each").isMultiInstance()).isTrue();
    assertThat(process.element("each").loop)
        .isEqualTo(
            new LoopCharacteristics(
                true,
                Expression.feel("=items"),
                "item",
                "results",
                Expression.feel("=item * 2"),
                Expression.feel("= done")));
    assertThat(process.element("once").isMultiInstance()).isFalse();
  }
}
