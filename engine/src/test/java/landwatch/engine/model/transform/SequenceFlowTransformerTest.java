package landwatch.engine.model.transform;

import static landwatch.engine.model.TestModels.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.Expression;
import org.junit.jupiter.api.Test;

class SequenceFlowTransformerTest {

  @Test
  void flowsConnectTheirEndsWithTheirConditionsAndAGatewayKnowsItsDefault() {
    ExecutableProcess process =
        transformed(
            Bpmn.createExecutableProcess("p")
                .startEvent("s")
                .exclusiveGateway("xor")
                .defaultFlow()
                .endEvent("otherwise")
                .moveToNode("xor")
                .sequenceFlowId("big")
                .conditionExpression("size > 10")
                .endEvent("large")
                .done());
    ExecutableElement gateway = process.element("xor");
    assertThat(gateway.outgoing).extracting(f -> f.target.id).containsExactly("otherwise", "large");
    assertThat(gateway.defaultFlow().target.id).isEqualTo("otherwise");
    assertThat(gateway.defaultFlow().condition).isNull();
    assertThat(process.element("large").incoming)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id).isEqualTo("big");
              assertThat(f.source).isSameAs(gateway);
              assertThat(f.condition).isEqualTo(Expression.feel("=size > 10"));
            });
    assertThat(process.element("s").defaultFlow()).isNull();
  }
}
