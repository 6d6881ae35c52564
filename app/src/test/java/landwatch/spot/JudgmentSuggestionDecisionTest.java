package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.response.MatchedDecisionRule;
import io.camunda.client.api.search.response.DecisionDefinition;
import java.util.List;
import java.util.Map;
import landwatch.fixtures.KnownShapes;
import landwatch.layer.LayerClass;
import landwatch.layer.ReferenceLayers;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spot.judgment.JudgmentRuleTable;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code processes/spot-judgment-suggestion.dmn} is deployed with the application's models at start
 * and, evaluated through the application's Camunda client on a spatial check's result, suggests
 * what the JSON rule table suggested for it, with a decision-instance audit naming the rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JudgmentSuggestionDecisionTest {

  private static final String DECISION = "spot-judgment-suggestion";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CamundaClient client;
  @Autowired JudgmentRuleTable rules;

  /** A 100 m square spot half in basic farmland, which is also cultivated land. */
  private SpatialCheckResult halfInBasicFarmland() {
    Cgcs2000Crs zone = Cgcs2000Crs.gaussKruger(105, true);
    double lon = 106.2;
    double lat = 38.5;
    ReferenceLayers layers = new ReferenceLayers();
    List<Polygon> eastHalf = List.of(KnownShapes.rectangle(zone, lon, lat, 0, -50, 300, 50));
    layers.replace(LayerClass.BASIC_FARMLAND, "2022", eastHalf);
    layers.replace(LayerClass.CULTIVATED_LAND, "2022", eastHalf);
    return new SpatialCheckService(layers, rules)
        .check(KnownShapes.square(zone, lon, lat, 100), "新增建设", false);
  }

  @Test
  void theDecisionIsDeployedAtStartAndSuggestsWhatTheRuleTableSuggests() throws Exception {
    List<DecisionDefinition> deployed =
        client
            .newDecisionDefinitionSearchRequest()
            .filter(f -> f.decisionDefinitionId(DECISION))
            .send()
            .join()
            .items();
    assertThat(deployed).singleElement();
    assertThat(deployed.get(0).getDmnDecisionName()).isEqualTo("图斑合法性判定建议");
    assertThat(deployed.get(0).getDmnDecisionRequirementsId()).isEqualTo("spot-judgment-rules");
    assertThat(
            client
                .newDecisionRequirementsGetRequest(deployed.get(0).getDecisionRequirementsKey())
                .send()
                .join()
                .getResourceName())
        .isEqualTo("spot-judgment-suggestion.dmn");

    SpatialCheckResult checked = halfInBasicFarmland();
    Map<String, Object> spatialCheck =
        JSON.readValue(JSON.writeValueAsString(checked), new TypeReference<>() {});
    EvaluateDecisionResponse response =
        client
            .newEvaluateDecisionCommand()
            .decisionId(DECISION)
            .variables(
                Map.of(
                    "spatialCheck",
                    spatialCheck,
                    "changeType",
                    "新增建设",
                    "demolishAndRestore",
                    false))
            .send()
            .join();

    assertThat(response.getFailureMessage()).isNullOrEmpty();
    Map<String, Object> output =
        JSON.readValue(response.getDecisionOutput(), new TypeReference<>() {});
    assertThat(checked.suggestion().ruleId()).isEqualTo("S-BASIC-FARMLAND-UNAPPROVED");
    assertThat(output)
        .containsEntry("judgment", checked.suggestion().judgment().name())
        .containsEntry("ruleId", checked.suggestion().ruleId())
        .containsEntry("reasons", checked.suggestion().reasons())
        .containsEntry("mandatoryReview", true)
        .containsEntry("mandatoryReviewReasons", checked.mandatoryReviewReasons())
        .containsEntry("mandatoryReviewRuleIds", List.of("MR-CULTIVATED-LAND", "MR-BASIC-FARMLAND"))
        .containsEntry("ruleTableVersion", checked.ruleTableVersion());
    assertThat(response.getEvaluatedDecisions())
        .filteredOn(d -> d.getDecisionId().equals("spot-judgment-rule"))
        .singleElement()
        .extracting(EvaluatedDecision::getMatchedRules)
        .satisfies(
            matched ->
                assertThat(matched)
                    .extracting(MatchedDecisionRule::getRuleId)
                    .containsExactly("S-BASIC-FARMLAND-UNAPPROVED"));
    assertThat(response.getEvaluatedDecisions())
        .extracting(EvaluatedDecision::getDecisionId)
        .containsExactlyInAnyOrder(DECISION, "spot-mandatory-review", "spot-judgment-rule");
  }
}
