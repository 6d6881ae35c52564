package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import landwatch.layer.LayerClass;
import landwatch.layer.ReferenceLayers;
import landwatch.spatial.PlaneShapes;
import landwatch.spot.judgment.JudgmentRuleTable;
import org.junit.jupiter.api.Test;

/**
 * The result is what {@code GET /api/spots/{code}/spatial} returns and what the spot record stores;
 * read back, it must equal the computed one or the worker would rewrite it every time.
 */
class SpatialCheckResultJsonTest {

  private final ObjectMapper json = new ObjectMapper();

  private SpatialCheckResult halfInBasicFarmland() {
    PlaneShapes plane = new PlaneShapes(105);
    ReferenceLayers layers = new ReferenceLayers();
    layers.replace(
        LayerClass.BASIC_FARMLAND, "2022", List.of(plane.rectangle(500_050, 4_150_000, 300, 300)));
    SpatialCheckService service =
        new SpatialCheckService(
            layers, JudgmentRuleTable.fromClasspath("rules/judgment-suggestion-2023.json"));
    return service.check(plane.rectangle(500_000, 4_150_000, 100, 100), "新增建设", false);
  }

  @Test
  void serialisesToTheFieldsTheApiPromises() throws Exception {
    JsonNode node = json.valueToTree(halfInBasicFarmland());

    assertThat(node.get("areaMu").decimalValue()).isEqualByComparingTo("15.00");
    assertThat(node.at("/overlaps/BASIC_FARMLAND/areaMu").decimalValue())
        .isEqualByComparingTo("7.50");
    assertThat(node.at("/overlaps/BASIC_FARMLAND/share").decimalValue())
        .isEqualByComparingTo("0.5");
    assertThat(node.at("/overlaps/BASIC_FARMLAND").has("any")).isFalse();
    assertThat(node.at("/flags/occupiesBasicFarmland").booleanValue()).isTrue();
    assertThat(node.get("mandatoryReview").booleanValue()).isTrue();
    assertThat(node.at("/suggestion/judgment").textValue()).isEqualTo("ILLEGAL");
    assertThat(node.at("/suggestion/reasons").size()).isEqualTo(2);
  }

  @Test
  void readBackFromJsonItEqualsTheComputedResult() throws Exception {
    SpatialCheckResult computed = halfInBasicFarmland();

    SpatialCheckResult stored =
        json.readValue(json.writeValueAsString(computed), SpatialCheckResult.class);

    assertThat(stored).isEqualTo(computed);
  }
}
