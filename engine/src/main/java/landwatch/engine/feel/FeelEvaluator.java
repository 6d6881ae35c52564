package landwatch.engine.feel;

import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import landwatch.engine.model.Expression;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * FEEL through the feel-engine, with the engine's clock behind {@code now()} so that moving the
 * clock moves FEEL's notion of time too. Parsed expressions are cached: the same few expressions
 * are evaluated for every instance.
 */
public final class FeelEvaluator {

  private final FeelEngineApi engine;
  private final Map<String, ParsedExpression> parsed = new ConcurrentHashMap<>();

  public FeelEvaluator(Supplier<ZonedDateTime> clock) {
    this.engine = FeelEngineBuilder.forJava().withClock(clock::get).build();
  }

  /** The parse error, or null when the text is valid FEEL. */
  public String parseError(String feel) {
    ParseResult result = engine.parseExpression(feel);
    return result.isSuccess() ? null : result.failure().message();
  }

  public FeelResult evaluate(Expression expression, Map<String, Object> variables) {
    if (!expression.isFeel()) {
      return FeelResult.success(expression.raw());
    }
    ParsedExpression expr = parsed.get(expression.feel());
    if (expr == null) {
      ParseResult result = engine.parseExpression(expression.feel());
      if (!result.isSuccess()) {
        return FeelResult.failure(result.failure().message());
      }
      expr = result.parsedExpression();
      parsed.put(expression.feel(), expr);
    }
    EvaluationResult result = engine.evaluate(expr, variables);
    if (!result.isSuccess()) {
      return FeelResult.failure(result.failure().message());
    }
    return FeelResult.success(toJsonValue(result.result()));
  }

  /** FEEL values as the JSON-shaped Java values variables are made of. */
  static Object toJsonValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), toJsonValue(v)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(toJsonValue(v)));
      return copy;
    }
    if (value instanceof TemporalAccessor || value instanceof java.time.Duration
        || value instanceof java.time.Period) {
      return value.toString();
    }
    return value;
  }
}
