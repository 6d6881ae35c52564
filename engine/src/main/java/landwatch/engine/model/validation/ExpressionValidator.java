package landwatch.engine.model.validation;

import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.model.Expression;

/**
 * Parses every expression of a model once, at deployment, so that FEEL the engine could not
 * evaluate rejects the deployment instead of raising incidents later.
 */
final class ExpressionValidator {

  private final FeelEvaluator feel;
  private final Problems problems;

  ExpressionValidator(FeelEvaluator feel, Problems problems) {
    this.feel = feel;
    this.problems = problems;
  }

  /** A Zeebe attribute that must have a value: static text, or FEEL after {@code =}. */
  void checkValue(String elementId, String what, String raw) {
    Expression expression = Expression.of(raw);
    if (expression == null) {
      problems.add(elementId, "the " + what + " must not be empty");
    }
    checkFeel(elementId, what, expression);
  }

  /** An expression that may be absent (null). */
  void checkFeel(String elementId, String what, Expression expression) {
    if (expression != null && expression.isFeel()) {
      String error = feel.parseError(expression.feel());
      if (error != null) {
        problems.add(
            elementId,
            "the " + what + " expression '" + expression.feel() + "' is not valid FEEL: " + error);
      }
    }
  }
}
