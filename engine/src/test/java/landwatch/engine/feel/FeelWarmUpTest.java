package landwatch.engine.feel;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;

class FeelWarmUpTest {

  /** An expression that fails early would leave the paths behind it uninitialised. */
  @Test
  void everyWarmUpExpressionEvaluatesToTheEnd() {
    FeelEngineApi engine = FeelEngineBuilder.forJava().build();
    for (String expression : FeelWarmUp.EXPRESSIONS) {
      EvaluationResult result = engine.evaluateExpression(expression, FeelWarmUp.VARIABLES);
      assertThat(result.isSuccess()).as(expression + ": " + result).isTrue();
      assertThat(result.result()).as(expression).isNotNull();
    }
  }
}
