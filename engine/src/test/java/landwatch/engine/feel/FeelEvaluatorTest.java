package landwatch.engine.feel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import landwatch.engine.model.Expression;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluation budget: an over-budget evaluation fails with the property's name and stops burning
 * a core.
 */
class FeelEvaluatorTest {

  private final FeelEvaluator feel = new FeelEvaluator(ZonedDateTime::now, Duration.ofMillis(300));

  @AfterEach
  void close() {
    feel.close();
  }

  @Test
  void anEvaluationPastTheBudgetFailsAndItsThreadEnds() {
    FeelResult result =
        feel.evaluate(Expression.of("= count(for x in 1..3000000 return x)"), Map.of());

    assertThat(result.failure())
        .isEqualTo(
            "Expected to evaluate the expression within 300 ms"
                + " (landwatch.engine.feel.evaluation-budget), but it was still running and was abandoned");
    assertThat(evaluationThreadsAlive()).isZero();
  }

  @Test
  void theEngineGoesOnAfterAnAbandonedEvaluation() {
    feel.evaluate(Expression.of("= count(for x in 1..3000000 return x)"), Map.of());

    assertThat(
            feel.evaluate(
                    Expression.of("= sum(for x in xs return x * 2)"),
                    Map.of("xs", java.util.List.of(1, 2, 3)))
                .value())
        .isEqualTo(12L);
    assertThat(
            feel.evaluate(
                    Expression.of("= a > 1 and b.c = \"x\""), Map.of("a", 2, "b", Map.of("c", "x")))
                .value())
        .isEqualTo(true);
  }

  @Test
  void trivialExpressionsAreCheapAndIterationsOrCallsAreNot() {
    assertThat(cheap("= a > 5 and b.c = \"x\"")).isTrue();
    assertThat(cheap("= if a + b * 2 > 3 then [1, 2, x] else c")).isTrue();
    assertThat(cheap("= a in [1, 2] or a instanceof string")).isTrue();
    assertThat(cheap("= count(xs)")).isFalse();
    assertThat(cheap("= now()")).isTrue();
    assertThat(cheap("= today() > date(x)")).isFalse();
    assertThat(cheap("= now(x)")).isFalse();
    assertThat(cheap("= for x in xs return x")).isFalse();
    assertThat(cheap("= some x in xs satisfies x > 1")).isFalse();
    assertThat(cheap("= xs[item > 1]")).isFalse();
    assertThat(cheap("= 2 ** 1000000")).isFalse();
    assertThat(cheap("= {f: function(x) x + 1}.f(2)")).isFalse();
    // an entry may reference the one before it: each such entry can double the result
    assertThat(cheap("= {a: [x, x], b: [a, a]}")).isFalse();
    // a list literal repeating a reference grows with the expression's length
    assertThat(cheap("= [" + "x, ".repeat(ExpressionCost.MAX_CHEAP_NODES) + "x]")).isFalse();
  }

  @Test
  void aResultTooDeepToBuildIsAFailureNotAnError() {
    StringBuilder chain = new StringBuilder("= {a0: [1]");
    for (int level = 1; level <= 5000; level++) {
      chain.append(", a").append(level).append(": [a").append(level - 1).append("]");
    }
    // a budget long enough for the interpreter to get to building the result
    try (FeelEvaluator patient = new FeelEvaluator(ZonedDateTime::now, Duration.ofMinutes(2))) {
      FeelResult result = patient.evaluate(Expression.of(chain.append("}").toString()), Map.of());

      assertThat(result.failure())
          .contains("nests too deeply to be built", "landwatch.engine.limits.max-variable-depth");
      assertThat(patient.evaluate(Expression.of("= count([1, 2])"), Map.of()).value())
          .isEqualTo(2L);
    }
  }

  @Test
  void anExpressionTooDeepToParseIsAParseError() {
    String deep = "[".repeat(5000) + "1" + "]".repeat(5000);

    assertThat(feel.parseError(deep))
        .isEqualTo("Expected an expression the parser can read, but it nests too deeply");
    assertThat(feel.evaluate(Expression.of("= " + deep), Map.of()).failure())
        .isEqualTo("Expected an expression the parser can read, but it nests too deeply");
  }

  private static boolean cheap(String expression) {
    return ExpressionCost.isTriviallyCheap(
        org.camunda.feel.api.FeelEngineBuilder.forJava()
            .build()
            .parseExpression(expression.substring(1).trim())
            .parsedExpression()
            .expression());
  }

  private static long evaluationThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(
            t ->
                t.getName().equals("engine-feel-evaluation")
                    && t.getState() == Thread.State.RUNNABLE)
        .count();
  }
}
