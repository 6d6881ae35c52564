package landwatch.engine.dmn;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedLiteralExpression;
import org.camunda.dmn.parser.ParsedRule;
import org.camunda.feel.impl.DefaultValueMapper;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValBoolean;
import org.camunda.feel.syntaxtree.ValContext;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValNull$;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;
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

  private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
  private static final List<String> HIT_POLICIES =
      List.of("UNIQUE", "FIRST", "PRIORITY", "ANY", "COLLECT", "RULE ORDER", "OUTPUT ORDER");
  private static final List<String> AGGREGATIONS = List.of("SUM", "MIN", "MAX", "COUNT");
  private static final ValueMapper VALUES =
      new ValueMapper.CompositeValueMapper(
          CollectionConverters.asScala(List.<CustomValueMapper>of(DefaultValueMapper.instance()))
              .toList());

  private final DmnEngine engine;

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
    checkHitPolicies(content);
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
    // in the order of the resource, as Zeebe lists them
    for (Decision element : dmn.model().getModelElementsByType(Decision.class)) {
      org.camunda.dmn.parser.ParsedDecision decision =
          dmn.decisionsById().get(element.getId()).getOrElse(() -> null);
      if (decision == null) {
        continue;
      }
      decisions.add(
          new ParsedDrg.Decision(
              decision.id(), decision.name(), versionTag(element), typeOf(decision.logic())));
    }
    if (decisions.isEmpty()) {
      throw new InvalidDmn("a DMN resource must contain at least one decision");
    }
    return new ParsedDrg(
        dmn.model().getDefinitions().getId(),
        dmn.model().getDefinitions().getName(),
        List.copyOf(decisions),
        dmn,
        DrgReferences.of(dmn));
  }

  /**
   * The DMN model parser refuses an unknown hit policy or aggregation without saying which: this
   * names it first. XML that cannot be read is left to the parser.
   */
  private static void checkHitPolicies(byte[] content) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT
              && "decisionTable".equals(reader.getLocalName())) {
            check(reader, "hitPolicy", HIT_POLICIES);
            check(reader, "aggregation", AGGREGATIONS);
          }
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException unreadable) {
      // the model parser reports it
    }
  }

  private static void check(XMLStreamReader table, String attribute, List<String> known) {
    String value = table.getAttributeValue(null, attribute);
    if (value != null && !known.contains(value)) {
      throw new InvalidDmn(
          "the decision table '"
              + table.getAttributeValue(null, "id")
              + "' has the unknown "
              + attribute
              + " '"
              + value
              + "', expected one of "
              + known);
    }
  }

  /**
   * As Camunda Modeler writes it for Camunda 8, {@code <extensionElements><zeebe:versionTag
   * value="…"/>}, or Camunda 7's {@code camunda:versionTag} attribute.
   */
  private static String versionTag(Decision decision) {
    if (decision == null) {
      return null;
    }
    if (decision.getExtensionElements() != null) {
      for (DomElement child : decision.getExtensionElements().getDomElement().getChildElements()) {
        if ("versionTag".equals(child.getLocalName()) && ZEEBE_NS.equals(child.getNamespaceURI())) {
          return child.getAttribute("value");
        }
      }
    }
    return decision.getVersionTag();
  }

  /** Evaluates one decision of the graph (and the decisions it requires) in the given context. */
  public Evaluation evaluate(ParsedDrg drg, String decisionId, Map<String, Object> variables) {
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result;
    try {
      result = engine.eval(drg.parsed(), decisionId, referenced(drg, variables));
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

  private static Map<String, Object> referenced(ParsedDrg drg, Map<String, Object> variables) {
    if (drg.referencedVariables().isEmpty()) {
      return variables;
    }
    Set<String> names = drg.referencedVariables().get();
    Map<String, Object> referenced = new HashMap<>();
    for (String name : names) {
      if (variables.containsKey(name)) {
        // converted once here: FEEL converts a plain value again at every reference, a nested
        // context such as the spatial facts in full, while a FEEL value passes through as it is
        referenced.put(name, VALUES.toVal(variables.get(name)));
      }
    }
    return referenced;
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
          rules.add(new Evaluation.MatchedRule(rule.rule().id(), index(all, rule.rule()), outputs));
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

  /**
   * The rule's position from 1, found by identity: rules are case classes whose equality compares
   * their parsed expressions in depth.
   */
  private static int index(List<ParsedRule> rules, ParsedRule rule) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) == rule) {
        return i + 1;
      }
    }
    return -1;
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

  /**
   * A FEEL value as the JSON-shaped Java values variables are made of: numbers, strings, booleans,
   * lists and contexts as themselves, temporal values as their ISO text (as FEEL results
   * elsewhere).
   */
  private static Object json(Object value) {
    if (value instanceof ValNull$ || value == null) {
      return null;
    }
    if (value instanceof ValBoolean b) {
      return b.value();
    }
    if (value instanceof ValString text) {
      return text.value();
    }
    if (value instanceof ValNumber number) {
      return jsonValue(number.value().bigDecimal());
    }
    if (value instanceof ValList list) {
      return jsonValue(list.items());
    }
    if (value instanceof ValContext context) {
      return jsonValue(context.context().variableProvider().getVariables());
    }
    if (value instanceof Val val) {
      Object unpacked = VALUES.unpackVal(val);
      return unpacked instanceof Val ? val.toString() : jsonValue(unpacked);
    }
    return jsonValue(value);
  }

  private static Object jsonValue(Object value) {
    if (value instanceof Val val) {
      return json(val);
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      CollectionConverters.asJava(map).forEach((k, v) -> copy.put(String.valueOf(k), jsonValue(v)));
      return copy;
    }
    if (value instanceof scala.collection.Iterable<?> list) {
      List<Object> copy = new ArrayList<>();
      CollectionConverters.asJava(list).forEach(v -> copy.add(jsonValue(v)));
      return copy;
    }
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
    if (value instanceof scala.math.BigDecimal number) {
      return jsonValue(number.bigDecimal());
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
