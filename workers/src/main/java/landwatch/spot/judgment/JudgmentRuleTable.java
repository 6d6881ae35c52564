package landwatch.spot.judgment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The yearly rules, read from a JSON data file (see {@code rules/judgment-suggestion-2023.json}):
 * which spots the city must review in full (§三(三)), and which judgment to suggest to the county.
 * The judgment rules are re-issued every year, so they are data; the whole file is validated at
 * load and a bad one never reaches a spot.
 *
 * <pre>{@code
 * {"table": "judgment-suggestion", "year": 2023, "version": "2023.1", "basis": "...",
 *  "mandatoryReview": [{"id": "...", "when": {...}, "reason": "..."}],
 *  "suggestions": [{"id": "...", "when": {...}, "judgment": "LEGAL|ILLEGAL|OTHER", "reasons": ["..."]}]}
 * }</pre>
 *
 * <p>{@code when} maps fact names ({@link CheckFacts#catalogue()}) to tests, all of which must
 * pass: a boolean fact takes {@code true}/{@code false}; {@code changeType} takes a string or
 * {@code {"in": [...]}} / {@code {"notIn": [...]}}; a number ({@code spotAreaMu}, {@code
 * areaMu.<LAYER>}, {@code share.<LAYER>}, {@code uncoveredByApprovedUseMu}, ...) takes a number or
 * bounds {@code {"gt"|"ge"|"lt"|"le": n, ...}}. Reasons may name facts in braces, {@code "占用耕地
 * {areaMu.CULTIVATED_LAND} 亩"}. Every matching mandatory-review rule adds its reason; suggestion
 * rules are tried in file order, the first match wins, and the last one must have an empty {@code
 * when} so every spot gets a suggestion.
 */
public final class JudgmentRuleTable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TABLE_KEYS =
      Set.of("table", "year", "version", "basis", "mandatoryReview", "suggestions");
  private static final Set<String> REVIEW_RULE_KEYS = Set.of("id", "when", "reason");
  private static final Set<String> SUGGESTION_RULE_KEYS =
      Set.of("id", "when", "judgment", "reasons");
  private static final String TABLE_NAME = "judgment-suggestion";

  private final int year;
  private final String version;
  private final List<ReviewRule> reviewRules;
  private final List<SuggestionRule> suggestionRules;

  private JudgmentRuleTable(
      int year,
      String version,
      List<ReviewRule> reviewRules,
      List<SuggestionRule> suggestionRules) {
    this.year = year;
    this.version = version;
    this.reviewRules = reviewRules;
    this.suggestionRules = suggestionRules;
  }

  public static JudgmentRuleTable fromClasspath(String resource) {
    try (InputStream in = JudgmentRuleTable.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new RuleTableException("rule table " + resource + " not found on the classpath");
      }
      return load(in, resource);
    } catch (IOException e) {
      throw new RuleTableException("rule table " + resource + " cannot be read", e);
    }
  }

  public static JudgmentRuleTable load(InputStream json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new RuleTableException(source + ": not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new RuleTableException(source + ": expected a JSON object");
    }
    onlyKeys(root, TABLE_KEYS, source);
    if (!TABLE_NAME.equals(root.path("table").asText())) {
      throw new RuleTableException(source + ": \"table\" must be \"" + TABLE_NAME + "\"");
    }
    JsonNode year = root.path("year");
    if (!year.isInt() || year.intValue() < 2000 || year.intValue() > 2100) {
      throw new RuleTableException(source + ": \"year\" must be a year such as 2023");
    }
    String version = requiredText(root, "version", source);
    Set<String> ids = new HashSet<>();
    List<ReviewRule> reviewRules = new ArrayList<>();
    for (JsonNode node : array(root, "mandatoryReview", source)) {
      String where = source + " mandatoryReview[" + reviewRules.size() + "]";
      onlyKeys(node, REVIEW_RULE_KEYS, where);
      String id = uniqueId(node, ids, where);
      reviewRules.add(
          new ReviewRule(
              id,
              conditions(node.get("when"), where),
              ReasonTemplate.parse(requiredText(node, "reason", where), where)));
    }
    List<SuggestionRule> suggestionRules = new ArrayList<>();
    for (JsonNode node : array(root, "suggestions", source)) {
      String where = source + " suggestions[" + suggestionRules.size() + "]";
      onlyKeys(node, SUGGESTION_RULE_KEYS, where);
      String id = uniqueId(node, ids, where);
      suggestionRules.add(
          new SuggestionRule(
              id,
              conditions(node.get("when"), where),
              judgment(node, where),
              reasons(node, where)));
    }
    if (suggestionRules.isEmpty()
        || !suggestionRules.get(suggestionRules.size() - 1).tests().isEmpty()) {
      throw new RuleTableException(
          source
              + ": the last suggestion rule must have an empty \"when\" so every spot gets a suggestion");
    }
    return new JudgmentRuleTable(
        year.intValue(), version, List.copyOf(reviewRules), List.copyOf(suggestionRules));
  }

  public int year() {
    return year;
  }

  public String version() {
    return version;
  }

  public MandatoryReview mandatoryReview(CheckFacts facts) {
    List<String> reasons = new ArrayList<>();
    for (ReviewRule rule : reviewRules) {
      if (allPass(rule.tests(), facts)) {
        reasons.add(rule.reason().render(facts));
      }
    }
    return new MandatoryReview(!reasons.isEmpty(), reasons);
  }

  public JudgmentSuggestion suggest(CheckFacts facts) {
    for (SuggestionRule rule : suggestionRules) {
      if (allPass(rule.tests(), facts)) {
        return new JudgmentSuggestion(
            rule.judgment(), rule.id(), rule.reasons().stream().map(r -> r.render(facts)).toList());
      }
    }
    throw new IllegalStateException("validated table has an unconditional last rule");
  }

  private static boolean allPass(List<FactTest> tests, CheckFacts facts) {
    for (FactTest test : tests) {
      if (!test.passes(facts)) {
        return false;
      }
    }
    return true;
  }

  private static List<FactTest> conditions(JsonNode when, String where) {
    if (when == null || !when.isObject()) {
      throw new RuleTableException(
          where + ": \"when\" must be an object of fact conditions ({} for always)");
    }
    List<FactTest> tests = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = when.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String fact = field.getKey();
      CheckFacts.Kind kind = CheckFacts.catalogue().get(fact);
      if (kind == null) {
        throw new RuleTableException(where + ": unknown fact \"" + fact + "\"");
      }
      String at = where + " " + fact;
      JsonNode test = field.getValue();
      switch (kind) {
        case BOOLEAN -> {
          if (!test.isBoolean()) {
            throw new RuleTableException(at + ": expected true or false");
          }
          tests.add(new FactTest.Equals(fact, test.booleanValue()));
        }
        case TEXT -> tests.add(textTest(fact, test, at));
        case NUMBER -> tests.addAll(numberTests(fact, test, at));
      }
    }
    return List.copyOf(tests);
  }

  private static FactTest textTest(String fact, JsonNode test, String at) {
    if (test.isTextual()) {
      return new FactTest.Equals(fact, test.textValue());
    }
    if (test.isObject() && test.size() == 1 && (test.has("in") || test.has("notIn"))) {
      boolean negated = test.has("notIn");
      JsonNode list = test.get(negated ? "notIn" : "in");
      Set<String> values = new LinkedHashSet<>();
      if (list.isArray()) {
        list.forEach(v -> values.add(v.isTextual() ? v.textValue() : null));
      }
      if (values.isEmpty() || values.contains(null)) {
        throw new RuleTableException(at + ": \"in\"/\"notIn\" needs a non-empty list of strings");
      }
      return new FactTest.OneOf(fact, Set.copyOf(values), negated);
    }
    throw new RuleTableException(
        at + ": expected a string or {\"in\": [...]} / {\"notIn\": [...]}");
  }

  private static List<FactTest> numberTests(String fact, JsonNode test, String at) {
    if (test.isNumber()) {
      return List.of(new FactTest.Equals(fact, test.decimalValue()));
    }
    List<FactTest> tests = new ArrayList<>();
    if (test.isObject() && test.size() > 0) {
      Iterator<Map.Entry<String, JsonNode>> bounds = test.fields();
      while (bounds.hasNext()) {
        Map.Entry<String, JsonNode> bound = bounds.next();
        if (!FactTest.Compare.OPERATORS.contains(bound.getKey()) || !bound.getValue().isNumber()) {
          throw new RuleTableException(
              at + ": bounds are lt, le, gt, ge with a number, not \"" + bound.getKey() + "\"");
        }
        tests.add(
            new FactTest.Compare(fact, bound.getKey(), new BigDecimal(bound.getValue().asText())));
      }
      return tests;
    }
    throw new RuleTableException(at + ": expected a number or {\"ge\": 0.5, \"lt\": 1, ...}");
  }

  private static Judgment judgment(JsonNode node, String where) {
    String name = requiredText(node, "judgment", where);
    try {
      return Judgment.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new RuleTableException(
          where + ": judgment must be LEGAL, ILLEGAL or OTHER, not " + name);
    }
  }

  private static List<ReasonTemplate> reasons(JsonNode node, String where) {
    JsonNode reasons = node.get("reasons");
    if (reasons == null || !reasons.isArray() || reasons.isEmpty()) {
      throw new RuleTableException(where + ": \"reasons\" must be a non-empty list");
    }
    List<ReasonTemplate> templates = new ArrayList<>();
    for (JsonNode reason : reasons) {
      if (!reason.isTextual() || reason.textValue().isBlank()) {
        throw new RuleTableException(where + ": every reason must be a non-blank string");
      }
      templates.add(ReasonTemplate.parse(reason.textValue(), where));
    }
    return List.copyOf(templates);
  }

  private static String uniqueId(JsonNode node, Set<String> ids, String where) {
    String id = requiredText(node, "id", where);
    if (!ids.add(id)) {
      throw new RuleTableException(where + ": duplicate rule id " + id);
    }
    return id;
  }

  private static Iterable<JsonNode> array(JsonNode root, String name, String source) {
    JsonNode node = root.get(name);
    if (node == null || !node.isArray()) {
      throw new RuleTableException(source + ": \"" + name + "\" must be a list of rules");
    }
    return node;
  }

  private static String requiredText(JsonNode node, String name, String where) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new RuleTableException(where + ": \"" + name + "\" must be a non-blank string");
    }
    return value.textValue();
  }

  private static void onlyKeys(JsonNode node, Set<String> allowed, String where) {
    if (!node.isObject()) {
      throw new RuleTableException(where + ": expected an object");
    }
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!allowed.contains(key)) {
                throw new RuleTableException(where + ": unexpected key \"" + key + "\"");
              }
            });
  }

  private record ReviewRule(String id, List<FactTest> tests, ReasonTemplate reason) {}

  private record SuggestionRule(
      String id, List<FactTest> tests, Judgment judgment, List<ReasonTemplate> reasons) {}
}
