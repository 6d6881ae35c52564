package landwatch.engine.feel;

import java.util.List;
import java.util.Map;
import org.camunda.feel.api.FeelEngineApi;

/**
 * Runs the interpreter's common paths once, on the thread that builds the evaluator. A JVM class
 * whose static initialiser is interrupted (an evaluation abandoned past its budget is stopped, an
 * overflowing one unwinds) stays unusable for the life of the JVM: every later evaluation that
 * needs it fails with {@code NoClassDefFoundError}. The Scala collection and number classes FEEL
 * uses are initialised here instead, where nothing can interrupt them.
 */
final class FeelWarmUp {

  static final List<String> EXPRESSIONS =
      List.of(
          "for i in 1..3 return i * 1.5",
          "sum(for i in 1..3 return i) + count([1, 2]) + max(1, 2) + min([1, 2])",
          "(5 in [1..10]) and (5 in (1..10]) and (some x in [1, 2] satisfies x > 1)",
          "every x in [1, 2] satisfies x > 0",
          "[1, 2, 3][item > 1][1] + list[1]",
          "{a: 1, b: [1, 2], c: {d: \"x\"}}.c.d",
          "get entries(context put({}, \"a\", 1))[1].key",
          "sort([3, 1, 2], function(x, y) x < y)",
          "distinct values(append(concatenate([1], [2]), 2))",
          "list contains(reverse(flatten([[1], [2]])), 1) and index of([1, 2], 2)[1] = 2",
          "string join([\"a\", upper case(\"b\")], \",\") + substring(\"abc\", 2)",
          "matches(\"abc\", \"a.c\") and contains(\"abc\", \"b\") and starts with(\"abc\", \"a\")",
          "replace(\"abc\", \"b\", \"x\") + string(number(\"1.5\") + decimal(1.234, 2))",
          "floor(1.5) + ceiling(1.5) + abs(-1) + modulo(5, 3) + sqrt(4)",
          "date and time(\"2020-01-01T00:00:00Z\") + duration(\"P1DT1H\")",
          "date(\"2020-01-01\") + duration(\"P1Y\") < today()",
          "years and months duration(date(\"2020-01-01\"), date(\"2021-03-01\"))",
          "now() > date and time(\"2020-01-01T00:00:00@Europe/Berlin\")",
          "if is defined(missing) then missing else \"none\"",
          "time(\"10:00:00\") + duration(\"PT1M\")");

  static final Map<String, Object> VARIABLES = Map.of("list", List.of(1, 2));

  private FeelWarmUp() {}

  static void run(FeelEngineApi engine) {
    for (String expression : EXPRESSIONS) {
      engine.evaluateExpression(expression, VARIABLES);
    }
  }
}
