package landwatch.spot.judgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import landwatch.layer.LayerClass;
import org.junit.jupiter.api.Test;

class JudgmentRuleTableTest {

  private static JudgmentRuleTable table(String mandatoryReview, String suggestions) {
    String json =
        """
        {"table": "judgment-suggestion", "year": 2024, "version": "2024-test",
         "mandatoryReview": %s, "suggestions": %s}
        """
            .formatted(mandatoryReview, suggestions);
    return JudgmentRuleTable.load(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  private static CheckFacts.Builder facts() {
    CheckFacts.Builder facts = CheckFacts.builder();
    CheckFacts.catalogue()
        .forEach(
            (name, kind) -> {
              switch (kind) {
                case BOOLEAN -> facts.flag(name, false);
                case TEXT -> facts.text(name, "");
                case NUMBER -> facts.number(name, new BigDecimal("0.00"));
              }
            });
    return facts;
  }

  private static final String DEFAULT_RULE =
      """
      {"id": "D", "when": {}, "judgment": "OTHER", "reasons": ["其他"]}""";

  @Test
  void theShippedTableLoads() {
    JudgmentRuleTable shipped =
        JudgmentRuleTable.fromClasspath("rules/judgment-suggestion-2023.json");

    assertThat(shipped.year()).isEqualTo(2023);
    assertThat(shipped.version()).isEqualTo("2023.2");
    assertThat(shipped.suggest(facts().build()).ruleId()).isEqualTo("S-DEFAULT");
  }

  @Test
  void firstMatchingRuleWinsAndItsReasonsAreFilledIn() {
    JudgmentRuleTable rules =
        table(
            "[]",
            """
            [{"id": "A", "when": {"occupiesCultivatedLand": true, "share.CULTIVATED_LAND": {"ge": 0.5}},
              "judgment": "ILLEGAL", "reasons": ["耕地 {areaMu.CULTIVATED_LAND} 亩，红线 {inEcologicalRedLine}"]},
             {"id": "B", "when": {"occupiesCultivatedLand": true}, "judgment": "LEGAL", "reasons": ["b"]},
             %s]
            """
                .formatted(DEFAULT_RULE));
    CheckFacts half =
        facts()
            .flag(CheckFacts.OCCUPIES_CULTIVATED_LAND, true)
            .number(CheckFacts.areaMuOf(LayerClass.CULTIVATED_LAND), new BigDecimal("7.50"))
            .number(CheckFacts.shareOf(LayerClass.CULTIVATED_LAND), new BigDecimal("0.5000"))
            .build();
    CheckFacts little =
        facts()
            .flag(CheckFacts.OCCUPIES_CULTIVATED_LAND, true)
            .number(CheckFacts.shareOf(LayerClass.CULTIVATED_LAND), new BigDecimal("0.4999"))
            .build();

    assertThat(rules.suggest(half))
        .isEqualTo(new JudgmentSuggestion(Judgment.ILLEGAL, "A", List.of("耕地 7.50 亩，红线 否")));
    assertThat(rules.suggest(little).ruleId()).isEqualTo("B");
    assertThat(rules.suggest(facts().build()).ruleId()).isEqualTo("D");
  }

  @Test
  void textConditionsMatchOneOfOrNoneOf() {
    JudgmentRuleTable rules =
        table(
            """
            [{"id": "M", "when": {"changeType": {"in": ["矿产"]}}, "reason": "矿产"},
             {"id": "N", "when": {"changeType": {"notIn": ["矿产", "新增建设"]}}, "reason": "其他类型"},
             {"id": "R", "when": {"demolishAndRestore": true}, "reason": "拆除复耕"}]""",
            "[" + DEFAULT_RULE + "]");

    assertThat(rules.mandatoryReview(facts().text(CheckFacts.CHANGE_TYPE, "矿产").build()))
        .isEqualTo(new MandatoryReview(true, List.of("矿产")));
    assertThat(rules.mandatoryReview(facts().text(CheckFacts.CHANGE_TYPE, "新增建设").build()))
        .isEqualTo(new MandatoryReview(false, List.of()));
    assertThat(
            rules.mandatoryReview(
                facts()
                    .text(CheckFacts.CHANGE_TYPE, "推土")
                    .flag(CheckFacts.DEMOLISH_AND_RESTORE, true)
                    .build()))
        .isEqualTo(new MandatoryReview(true, List.of("其他类型", "拆除复耕")));
  }

  @Test
  void unknownFactIsRejectedAtLoad() {
    assertThatThrownBy(
            () ->
                table(
                    "[]",
                    "[{\"id\": \"A\", \"when\": {\"occupiesFarmland\": true}, \"judgment\": \"ILLEGAL\", \"reasons\": [\"a\"]}, "
                        + DEFAULT_RULE
                        + "]"))
        .isInstanceOf(RuleTableException.class)
        .hasMessageContaining("unknown fact \"occupiesFarmland\"");
  }

  @Test
  void wrongKindOfValueIsRejectedAtLoad() {
    assertThatThrownBy(
            () ->
                table(
                    "[{\"id\": \"M\", \"when\": {\"occupiesCultivatedLand\": \"yes\"}, \"reason\": \"r\"}]",
                    "[" + DEFAULT_RULE + "]"))
        .isInstanceOf(RuleTableException.class)
        .hasMessageContaining("expected true or false");
    assertThatThrownBy(
            () ->
                table(
                    "[{\"id\": \"M\", \"when\": {\"spotAreaMu\": {\"above\": 3}}, \"reason\": \"r\"}]",
                    "[" + DEFAULT_RULE + "]"))
        .isInstanceOf(RuleTableException.class)
        .hasMessageContaining("lt, le, gt, ge");
  }

  @Test
  void tableWithoutACatchAllLastRuleIsRejected() {
    assertThatThrownBy(
            () ->
                table(
                    "[]",
                    "[{\"id\": \"A\", \"when\": {\"occupiesCultivatedLand\": true}, \"judgment\": \"ILLEGAL\", \"reasons\": [\"a\"]}]"))
        .isInstanceOf(RuleTableException.class)
        .hasMessageContaining("last suggestion rule must have an empty \"when\"");
  }

  @Test
  void unknownJudgmentDuplicateIdTypoedKeyAndUnknownPlaceholderAreRejected() {
    assertThatThrownBy(
            () ->
                table(
                    "[]",
                    "[{\"id\": \"D\", \"when\": {}, \"judgment\": \"违法\", \"reasons\": [\"a\"]}]"))
        .hasMessageContaining("judgment must be LEGAL, ILLEGAL or OTHER");
    assertThatThrownBy(
            () ->
                table(
                    "[{\"id\": \"D\", \"when\": {}, \"reason\": \"r\"}]", "[" + DEFAULT_RULE + "]"))
        .hasMessageContaining("duplicate rule id D");
    assertThatThrownBy(
            () ->
                table(
                    "[{\"id\": \"M\", \"wehn\": {}, \"reason\": \"r\"}]", "[" + DEFAULT_RULE + "]"))
        .hasMessageContaining("unexpected key \"wehn\"");
    assertThatThrownBy(
            () ->
                table(
                    "[{\"id\": \"M\", \"when\": {}, \"reason\": \"{areaMu.FARMLAND} 亩\"}]",
                    "[" + DEFAULT_RULE + "]"))
        .hasMessageContaining("unknown fact {areaMu.FARMLAND}");
  }

  @Test
  void yearAndVersionAreRequired() {
    String noYear =
        "{\"table\": \"judgment-suggestion\", \"version\": \"x\", \"mandatoryReview\": [], \"suggestions\": ["
            + DEFAULT_RULE
            + "]}";

    assertThatThrownBy(
            () ->
                JudgmentRuleTable.load(
                    new ByteArrayInputStream(noYear.getBytes(StandardCharsets.UTF_8)), "t.json"))
        .isInstanceOf(RuleTableException.class)
        .hasMessageContaining("\"year\"");
    assertThatThrownBy(() -> JudgmentRuleTable.fromClasspath("rules/no-such-table.json"))
        .hasMessageContaining("not found");
  }
}
