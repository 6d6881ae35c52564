package landwatch.engine.feel;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
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
 *
 * <p>Every evaluation of the engine comes through here, and one evaluation must not hold the single
 * writer: an expression that may iterate or call functions runs on an {@link EvaluationThread}
 * under the evaluation budget and, past it, fails with a message naming the property, so the caller
 * raises its incident and the writer goes on. Trivially cheap expressions (see {@link
 * ExpressionCost}), the bulk of mappings and conditions, run inline: a hand-off to another thread
 * would cost more than they do.
 */
public final class FeelEvaluator implements AutoCloseable {

  static final String BUDGET_PROPERTY = "landwatch.engine.feel.evaluation-budget";

  private static final String TOO_DEEP_TO_PARSE =
      "Expected an expression the parser can read, but it nests too deeply";

  private record Parse(ParsedExpression tree, String failure) {}

  private record Parsed(ParsedExpression expression, boolean cheap) {}

  private final FeelEngineApi engine;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
  private final Duration budget;
  private final EvaluationThread budgeted;

  public FeelEvaluator(Supplier<ZonedDateTime> clock, Duration budget) {
    this.engine = FeelEngineBuilder.forJava().withClock(clock::get).build();
    FeelWarmUp.run(engine);
    this.budget = budget;
    this.budgeted = new EvaluationThread(budget);
  }

  /** The parse error, or null when the text is valid FEEL. */
  public String parseError(String feel) {
    return parse(feel).failure();
  }

  public FeelResult evaluate(Expression expression, Map<String, Object> variables) {
    if (!expression.isFeel()) {
      return FeelResult.success(expression.raw());
    }
    Parsed expr = parsed.get(expression.feel());
    if (expr == null) {
      Parse result = parse(expression.feel());
      if (result.failure() != null) {
        return FeelResult.failure(result.failure());
      }
      ParsedExpression tree = result.tree();
      expr = new Parsed(tree, ExpressionCost.isTriviallyCheap(tree.expression()));
      parsed.put(expression.feel(), expr);
    }
    if (expr.cheap()) {
      return evaluate(expr.expression(), variables);
    }
    ParsedExpression tree = expr.expression();
    return withinBudget(
        () -> evaluate(tree, variables),
        exceeded -> FeelResult.failure("Expected to evaluate the expression " + exceeded));
  }

  /**
   * Runs work that evaluates FEEL by other means — the DMN engine drives its own feel-engine — on
   * the budgeted thread, so that it holds the writer no longer than an expression may.
   *
   * @param abandoned the result when the work ran past the budget, given the end of a message that
   *     says so ("within 2000 ms (…), but it was still running and was abandoned")
   */
  public <T> T withinBudget(Supplier<T> work, Function<String, T> abandoned) {
    try {
      @SuppressWarnings("unchecked")
      T result = (T) budgeted.run(work::get);
      return result;
    } catch (TimeoutException e) {
      return abandoned.apply(
          "within "
              + budget.toMillis()
              + " ms ("
              + BUDGET_PROPERTY
              + "), but it was still running and was abandoned");
    }
  }

  /**
   * The parsed expression, or why it cannot be parsed: the parser recurses over the text's nesting.
   */
  private Parse parse(String feel) {
    try {
      ParseResult result = engine.parseExpression(feel);
      return result.isSuccess()
          ? new Parse(result.parsedExpression(), null)
          : new Parse(null, result.failure().message());
    } catch (StackOverflowError e) {
      return new Parse(null, TOO_DEEP_TO_PARSE);
    }
  }

  /**
   * The interpreter and the conversion of its result recurse over the value they build: a result
   * nested thousands of levels deep overflows the stack, and one that references a value many times
   * over may exhaust the heap. Either is this evaluation's failure, not the thread's.
   */
  private FeelResult evaluate(ParsedExpression expression, Map<String, Object> variables) {
    try {
      EvaluationResult result = engine.evaluate(expression, variables);
      if (!result.isSuccess()) {
        return FeelResult.failure(result.failure().message());
      }
      return FeelResult.success(toJsonValue(result.result()));
    } catch (StackOverflowError e) {
      return FeelResult.failure(
          "Expected to evaluate the expression, but its result nests too deeply to be built"
              + " (far beyond landwatch.engine.limits.max-variable-depth)");
    } catch (OutOfMemoryError e) {
      return FeelResult.failure(
          "Expected to evaluate the expression, but building its result exhausted the memory"
              + " (far beyond landwatch.engine.limits.max-variable-document-size)");
    }
  }

  /** Ends an evaluation still running on the budgeted thread: the engine is stopping. */
  @Override
  public void close() {
    budgeted.close();
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
    if (value instanceof TemporalAccessor
        || value instanceof java.time.Duration
        || value instanceof java.time.Period) {
      return value.toString();
    }
    return value;
  }
}
