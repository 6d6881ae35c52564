package landwatch.engine.dmn;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedLiteralExpression;
import org.camunda.dmn.parser.ParsedRule;
import org.camunda.feel.impl.DefaultValueMapper;
import org.camunda.feel.impl.JavaValueMapper;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * The DMN engine Zeebe uses (dmn-scala), parsing DMN 1.1 to 1.3 resources and evaluating their
 * decisions with FEEL, on the engine's clock. Its results come back as the JSON-shaped values
 * variables are made of.
 */
public final class DecisionEngine {

  private final DmnEngine engine;
  private final ValueMapper values =
      new ValueMapper.CompositeValueMapper(
          CollectionConverters.asScala(
                  List.<CustomValueMapper>of(new JavaValueMapper(), DefaultValueMapper.instance()))
              .toList());

  public DecisionEngine(Supplier<ZonedDateTime> clock) {
    this.engine = new DmnEngine.Builder().clock(clock::get).build();
  }

  /** Thrown when a resource is not a DMN the engine can evaluate; the message says why. */
  public static final class InvalidDmn extends RuntimeException {
    InvalidDmn(String message) {
      super(message);
    }
  }

  public ParsedDrg parse(byte[] content) {
    Either<DmnEngine.Failure, ParsedDmn> result;
    try {
      result = engine.parse(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      throw new InvalidDmn(e.getMessage());
    } catch (StackOverflowError e) {
      throw new InvalidDmn("the decision requirements graph nests too deeply to be parsed");
    }
    if (result.isLeft()) {
      throw new InvalidDmn(result.left().get().message());
    }
    ParsedDmn dmn = result.right().get();
    List<ParsedDrg.Decision> decisions = new ArrayList<>();
    for (org.camunda.dmn.parser.ParsedDecision decision :
        CollectionConverters.asJava(dmn.decisions())) {
      Decision element = dmn.model().getModelElementById(decision.id());
      decisions.add(
          new ParsedDrg.Decision(
              decision.id(),
              decision.name(),
              element == null ? null : element.getVersionTag(),
              typeOf(decision.logic())));
    }
    if (decisions.isEmpty()) {
      throw new InvalidDmn("a DMN resource must contain at least one decision");
    }
    return new ParsedDrg(
        dmn.model().getDefinitions().getId(),
        dmn.model().getDefinitions().getName(),
        List.copyOf(decisions),
        dmn);
  }

  /** Evaluates one decision of the graph (and the decisions it requires) in the given context. */
  public Evaluation evaluate(ParsedDrg drg, String decisionId, Map<String, Object> variables) {
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result;
    try {
      result = engine.eval(drg.parsed(), decisionId, variables);
    } catch (StackOverflowError e) {
      return new Evaluation(
          null,
          "Expected to evaluate decision '"
              + decisionId
              + "', but the evaluation nests too deeply (a very long chain of required decisions)",
          decisionId,
          List.of());
    }
    Audit.AuditLog log =
        result.isRight() ? result.right().get().auditLog() : result.left().get().auditLog();
    List<Evaluation.EvaluatedDecision> evaluated = log == null ? List.of() : audit(log);
    if (result.isLeft()) {
      String failed =
          evaluated.isEmpty() ? decisionId : evaluated.get(evaluated.size() - 1).decisionId();
      return new Evaluation(
          null,
          "Expected to evaluate decision '"
              + decisionId
              + "', but "
              + result.left().get().failure().message(),
          failed,
          evaluated);
    }
    DmnEngine.EvalResult evalResult = result.right().get();
    Object output = evalResult.isNil() ? null : json(evalResult.value());
    return new Evaluation(output, null, null, evaluated);
  }

  private List<Evaluation.EvaluatedDecision> audit(Audit.AuditLog log) {
    List<Evaluation.EvaluatedDecision> decisions = new ArrayList<>();
    for (Audit.AuditLogEntry entry : CollectionConverters.asJava(log.entries())) {
      List<Evaluation.EvaluatedInput> inputs = new ArrayList<>();
      List<Evaluation.MatchedRule> rules = new ArrayList<>();
      if (entry.result() instanceof Audit.DecisionTableEvaluationResult table) {
        for (Audit.EvaluatedInput input : CollectionConverters.asJava(table.inputs())) {
          inputs.add(
              new Evaluation.EvaluatedInput(
                  input.input().id(), input.input().name(), json(input.value())));
        }
        List<ParsedRule> all =
            entry.decisionLogic() instanceof ParsedDecisionTable t
                ? new ArrayList<>(CollectionConverters.asJavaCollection(t.rules()))
                : List.of();
        for (Audit.EvaluatedRule rule : CollectionConverters.asJava(table.matchedRules())) {
          List<Evaluation.EvaluatedOutput> outputs = new ArrayList<>();
          for (Audit.EvaluatedOutput output : CollectionConverters.asJava(rule.outputs())) {
            outputs.add(
                new Evaluation.EvaluatedOutput(
                    output.output().id(), output.output().name(), json(output.value())));
          }
          rules.add(
              new Evaluation.MatchedRule(rule.rule().id(), all.indexOf(rule.rule()) + 1, outputs));
        }
      }
      decisions.add(
          new Evaluation.EvaluatedDecision(
              entry.id(),
              entry.name(),
              typeOf(entry.decisionLogic()),
              json(entry.result().result()),
              inputs,
              rules));
    }
    return decisions;
  }

  private static String typeOf(Object logic) {
    if (logic instanceof ParsedDecisionTable) {
      return "DECISION_TABLE";
    }
    if (logic instanceof ParsedLiteralExpression) {
      return "LITERAL_EXPRESSION";
    }
    return "UNKNOWN";
  }

  /** A FEEL value as the JSON-shaped Java values variables are made of. */
  private Object json(Object value) {
    return jsonValue(value instanceof Val val ? values.unpackVal(val) : value);
  }

  private static Object jsonValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), jsonValue(v)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(jsonValue(v)));
      return copy;
    }
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(LONG_MAX) <= 0
          ? (Object) number.longValueExact()
          : (Object) number.doubleValue();
    }
    if (value instanceof TemporalAccessor
        || value instanceof java.time.Duration
        || value instanceof java.time.Period) {
      return value.toString();
    }
    return value;
  }

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
}
