package landwatch.spot.judgment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * {@code processes/spot-judgment-suggestion.dmn} evaluated by dmn-scala, the DMN engine of the
 * embedded engine and of Zeebe, with its results as plain Java values.
 */
final class JudgmentSuggestionDmn {

  static final Path FILE = Path.of("..", "processes", "spot-judgment-suggestion.dmn");
  static final String DECISION = "spot-judgment-suggestion";

  private final DmnEngine engine = new DmnEngine.Builder().build();
  private final ParsedDmn dmn;

  JudgmentSuggestionDmn() {
    if (!Files.isRegularFile(FILE)) {
      throw new IllegalStateException(
          FILE.toAbsolutePath() + " not found: run the tests from the workers module");
    }
    try (InputStream in = Files.newInputStream(FILE)) {
      Either<DmnEngine.Failure, ParsedDmn> parsed = engine.parse(in);
      if (parsed.isLeft()) {
        throw new IllegalStateException(FILE + " does not parse: " + parsed.left().get().message());
      }
      dmn = parsed.right().get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What one evaluation gave.
   *
   * @param output the decision's result, or null when it failed
   * @param failure why it failed, or null
   * @param matchedRules per decision table evaluated on the way, the ids of its matched rules
   */
  record Result(
      Map<String, Object> output, String failure, Map<String, List<String>> matchedRules) {

    JudgmentSuggestion suggestion() {
      @SuppressWarnings("unchecked")
      List<String> reasons = (List<String>) output.get("reasons");
      return new JudgmentSuggestion(
          Judgment.valueOf((String) output.get("judgment")),
          (String) output.get("ruleId"),
          reasons);
    }

    MandatoryReview mandatoryReview() {
      @SuppressWarnings("unchecked")
      List<String> reasons = (List<String>) output.get("mandatoryReviewReasons");
      return new MandatoryReview((Boolean) output.get("mandatoryReview"), reasons);
    }

    @SuppressWarnings("unchecked")
    List<String> mandatoryReviewRuleIds() {
      return (List<String>) output.get("mandatoryReviewRuleIds");
    }
  }

  @SuppressWarnings("unchecked")
  Result evaluate(Map<String, Object> variables) {
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result =
        engine.eval(dmn, DECISION, variables);
    if (result.isLeft()) {
      return new Result(null, result.left().get().failure().message(), Map.of());
    }
    Map<String, List<String>> matched = new LinkedHashMap<>();
    for (Audit.AuditLogEntry entry :
        CollectionConverters.asJava(result.right().get().auditLog().entries())) {
      if (entry.result() instanceof Audit.DecisionTableEvaluationResult table) {
        List<String> ids = new ArrayList<>();
        CollectionConverters.asJava(table.matchedRules()).forEach(r -> ids.add(r.rule().id()));
        matched.put(entry.id(), ids);
      }
    }
    return new Result(
        (Map<String, Object>) java(result.right().get().value()), null, Map.copyOf(matched));
  }

  private static Object java(Object value) {
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      CollectionConverters.asJava(map).forEach((k, v) -> copy.put(String.valueOf(k), java(v)));
      return copy;
    }
    if (value instanceof scala.collection.Iterable<?> list) {
      List<Object> copy = new ArrayList<>();
      CollectionConverters.asJava(list).forEach(v -> copy.add(java(v)));
      return copy;
    }
    if (value instanceof scala.math.BigDecimal number) {
      return number.bigDecimal();
    }
    if (value instanceof BigDecimal || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value == null) {
      return null;
    }
    throw new IllegalStateException("unexpected value " + value + " of " + value.getClass());
  }
}
