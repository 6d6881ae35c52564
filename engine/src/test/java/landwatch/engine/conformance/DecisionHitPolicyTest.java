package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every hit policy and aggregation, FEEL unary tests and expressions, a literal-expression decision
 * and a decision requirements graph, evaluated through {@code POST /v2/decision-definitions/
 * evaluation} from DMN 1.1, 1.2 and 1.3 resources as Camunda Modeler writes them.
 */
class DecisionHitPolicyTest extends EngineTest {

  private Object hit(String decisionId, int score) {
    Dmn.deploy(client, "hit-policies.dmn");
    return Dmn.output(Dmn.evaluate(client, decisionId, Map.of("score", score)));
  }

  @Test
  void uniqueGivesTheOneMatchingRulesOutput() {
    assertThat(hit("hitUnique", 45)).isEqualTo("low");
    assertThat(hit("hitUnique", 50)).isEqualTo("medium");
    assertThat(hit("hitUnique", 80)).isEqualTo("high");
  }

  @Test
  void firstGivesTheFirstMatchingRuleInRuleOrder() {
    assertThat(hit("hitFirst", 45)).isEqualTo("low");
    assertThat(hit("hitFirst", 60)).isEqualTo("medium");
  }

  @Test
  void priorityGivesTheMatchWhoseOutputValueComesFirst() {
    // output values "high","medium","low": of low, medium and high, high has the priority
    assertThat(hit("hitPriority", 45)).isEqualTo("high");
    assertThat(hit("hitPriority", 25)).isEqualTo("medium");
  }

  @Test
  void anyGivesTheOutputAllMatchesAgreeOn() {
    assertThat(hit("hitAny", 10)).isEqualTo("fail");
    assertThat(hit("hitAny", 70)).isEqualTo("pass");
  }

  @Test
  void uniqueWithTwoMatchesFailsTheEvaluation() {
    Dmn.deploy(client, "business-rules.dmn");
    // <= 100 and >= 100 both match 100
    EvaluateDecisionResponse response = Dmn.evaluate(client, "brtOverlap", Map.of("area", 100));
    assertThat(response.getFailedDecisionId()).isEqualTo("brtOverlap");
    assertThat(response.getFailureMessage())
        .startsWith("Expected to evaluate decision 'brtOverlap', but ")
        .contains("UNIQUE");
    assertThat(Dmn.output(response)).isNull();
  }

  @Test
  void ruleOrderListsEveryMatchInRuleOrder() {
    assertThat(hit("hitRuleOrder", 45)).isEqualTo(List.of("low", "medium", "high"));
    assertThat(hit("hitRuleOrder", 25)).isEqualTo(List.of("low", "medium"));
  }

  @Test
  void outputOrderListsEveryMatchByOutputValuePriority() {
    assertThat(hit("hitOutputOrder", 45)).isEqualTo(List.of("high", "medium", "low"));
    assertThat(hit("hitOutputOrder", 60)).isEqualTo(List.of("high", "medium"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void collectListsEveryMatch() {
    assertThat((List<Object>) hit("hitCollect", 45))
        .containsExactlyInAnyOrder("low", "medium", "high");
    assertThat((List<Object>) hit("hitCollect", 10)).containsExactly("low");
  }

  @Test
  void collectAggregatesWithSumMinMaxAndCount() {
    // rules: < 50 gives 10, >= 20 gives 20, >= 40 gives 30
    assertThat(hit("hitCollectSum", 45)).isEqualTo(60);
    assertThat(hit("hitCollectSum", 30)).isEqualTo(30);
    assertThat(hit("hitCollectMin", 45)).isEqualTo(10);
    assertThat(hit("hitCollectMin", 60)).isEqualTo(20);
    assertThat(hit("hitCollectMax", 45)).isEqualTo(30);
    assertThat(hit("hitCollectMax", 25)).isEqualTo(20);
    assertThat(hit("hitCollectCount", 45)).isEqualTo(3);
    assertThat(hit("hitCollectCount", 10)).isEqualTo(1);
  }

  @Test
  void collectWithoutMatchesIsNullAsInZeebe() {
    // dmn-scala answers no match with nil, which Zeebe passes on as null
    Dmn.deploy(client, "business-rules.dmn");
    EvaluateDecisionResponse none = Dmn.evaluate(client, "brtChecks", Map.of("area", 0));
    assertThat(none.getFailureMessage()).isEmpty();
    assertThat(Dmn.output(none)).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void feelUnaryTestsAndExpressionsDecideWithSeveralOutputs() {
    Dmn.deploy(client, "feel-checks.dmn");
    // lists of values, closed ranges and booleans; the output an expression over the input
    assertThat(landUse("construction", 2000, true))
        .isEqualTo(Map.of("verdict", "demolish", "fine", 40000));
    // not(...) and a comparison; a built-in function in the output
    assertThat(landUse("residential", 6000, false))
        .isEqualTo(Map.of("verdict", "review", "fine", 2000));
    // a function of the input value (?) as a unary test
    assertThat(landUse("agriculture-orchard", 10, false))
        .isEqualTo(Map.of("verdict", "permitted", "fine", 0));
    // "-" matches anything: the fallback rule; a null output stays in the context
    assertThat((Map<Object, Object>) landUse("forest", 10, false))
        .containsEntry("verdict", "unknown")
        .containsEntry("fine", null);
  }

  private Object landUse(String parcelClass, int area, boolean farmland) {
    return Dmn.output(
        Dmn.evaluate(
            client,
            "landUse",
            Map.of("parcel", Map.of("class", parcelClass, "area", area, "farmland", farmland))));
  }

  @Test
  void aLiteralExpressionDecisionGivesItsValue() {
    Dmn.deploy(client, "feel-checks.dmn");
    EvaluateDecisionResponse response =
        Dmn.evaluate(
            client,
            "feeTotal",
            Map.of("fees", List.of(Map.of("amount", 10), Map.of("amount", 15))));
    assertThat(Dmn.output(response)).isEqualTo(35);
    assertThat(response.getEvaluatedDecisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getDecisionType()).isEqualTo("LITERAL_EXPRESSION");
              assertThat(d.getMatchedRules()).isEmpty();
            });
  }

  @Test
  void aDecisionRequiringOthersEvaluatesThemFirst() {
    Dmn.deploy(client, "fine-drg.dmn");
    EvaluateDecisionResponse grave =
        Dmn.evaluate(client, "fineAmount", Map.of("area", 2000, "farmland", true));
    assertThat(Dmn.output(grave)).isEqualTo(60000);
    assertThat(grave.getDecisionRequirementsId()).isEqualTo("fineDrg");
    assertThat(grave.getEvaluatedDecisions())
        .extracting(EvaluatedDecision::getDecisionId)
        .containsExactlyInAnyOrder("severity", "landClass", "fineAmount");
    // the called decision comes last, after the ones it requires
    EvaluatedDecision last = grave.getEvaluatedDecisions().get(2);
    assertThat(last.getDecisionId()).isEqualTo("fineAmount");
    assertThat(last.getEvaluatedInputs())
        .extracting(i -> Dmn.value(i.getInputValue()))
        .containsExactly("grave", "basic farmland");
    assertThat(last.getMatchedRules())
        .singleElement()
        .satisfies(r -> assertThat(r.getRuleIndex()).isEqualTo(1));

    EvaluateDecisionResponse minor =
        Dmn.evaluate(client, "fineAmount", Map.of("area", 500, "farmland", true));
    assertThat(Dmn.output(minor)).isEqualTo(0);
  }

  @Test
  void dmn11And12And13ResourcesDeployAndEvaluate() {
    assertThat(Dmn.deploy(client, "fine-drg.dmn").getDecisionRequirements())
        .singleElement()
        .satisfies(r -> assertThat(r.getDmnDecisionRequirementsId()).isEqualTo("fineDrg"));
    assertThat(Dmn.deploy(client, "feel-checks.dmn").getDecisions())
        .extracting(d -> d.getDmnDecisionId())
        .containsExactly("landUse", "feeTotal");
    assertThat(Dmn.deploy(client, "hit-policies.dmn").getDecisions()).hasSize(11);
    assertThat(Dmn.output(Dmn.evaluate(client, "severity", Map.of("area", 1)))).isEqualTo("minor");
  }

  /**
   * Each evaluation is given only the variables the graph's expressions name (the rest cost the DMN
   * engine time in every cell): a name in an input expression's path, in a unary test, in an output
   * entry's loop, and a quoted name in a required decision all still reach it.
   */
  @Test
  void everyNameTheGraphReferencesReachesItsExpressionsAmongManyOthers() {
    Dmn.deploy(client, "references.dmn");
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      variables.put("unrelated" + i, Map.of("value", i));
    }
    variables.put("base limit", 50);
    variables.put("customer", Map.of("name", "王"));
    variables.put("items", List.of(1, 2));
    variables.put("factor", 10);

    variables.put("order", Map.of("amount", 150));
    assertThat(Dmn.output(Dmn.evaluate(client, "refVerdict", variables))).isEqualTo("王 超限 30");
    variables.put("order", Map.of("amount", 80));
    assertThat(Dmn.output(Dmn.evaluate(client, "refVerdict", variables))).isEqualTo("正常");
  }
}
