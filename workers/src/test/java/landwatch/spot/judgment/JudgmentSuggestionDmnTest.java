package landwatch.spot.judgment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import landwatch.layer.LayerClass;
import landwatch.spot.LayerOverlap;
import landwatch.spot.SpatialCheckResult;
import landwatch.spot.SpatialFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code processes/spot-judgment-suggestion.dmn} holds the same rules as the JSON table {@code
 * rules/judgment-suggestion-2023.json}: every spot gets the same judgment, reasons (with the same
 * figures), rule ids and mandatory review from both. The DMN reads the variables a process holds
 * after the spatial check: {@code spatialCheck} (the {@link SpatialCheckResult} as JSON, its
 * decimals become doubles there), {@code changeType} as issued and {@code demolishAndRestore}.
 */
class JudgmentSuggestionDmnTest {

  private static final String SHIPPED = "rules/judgment-suggestion-2023.json";
  private static final JudgmentRuleTable RULES = JudgmentRuleTable.fromClasspath(SHIPPED);
  private static final JudgmentSuggestionDmn DMN = new JudgmentSuggestionDmn();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CHANGE_TYPES =
      List.of("", "新增建设", "新增非农建设类", "年度内持续变化类", "矿产", "推土", "拆除复耕");

  /** One spot as the spatial check leaves it: the inputs of both tables. */
  record Spot(
      String name,
      SpatialFlags flags,
      String changeType,
      boolean demolishAndRestore,
      BigDecimal areaMu,
      Map<LayerClass, LayerOverlap> overlaps,
      BigDecimal outsideUrbanBoundaryMu,
      BigDecimal uncoveredByApprovedUseMu,
      BigDecimal outsideMiningRightsMu) {

    static Spot named(String name) {
      Map<LayerClass, LayerOverlap> none = new EnumMap<>(LayerClass.class);
      for (LayerClass layerClass : LayerClass.values()) {
        none.put(layerClass, LayerOverlap.NONE);
      }
      return new Spot(
          name,
          new SpatialFlags(false, false, false, false, false),
          "",
          false,
          new BigDecimal("0.00"),
          none,
          new BigDecimal("0.00"),
          new BigDecimal("0.00"),
          new BigDecimal("0.00"));
    }

    Spot flags(
        boolean basicFarmland,
        boolean cultivatedLand,
        boolean redLine,
        boolean outsideUrban,
        boolean coveredByApprovedUse) {
      return new Spot(
          name,
          new SpatialFlags(
              basicFarmland, cultivatedLand, redLine, outsideUrban, coveredByApprovedUse),
          changeType,
          demolishAndRestore,
          areaMu,
          overlaps,
          outsideUrbanBoundaryMu,
          uncoveredByApprovedUseMu,
          outsideMiningRightsMu);
    }

    Spot changeType(String issued, boolean demolished) {
      return new Spot(
          name,
          flags,
          issued,
          demolished,
          areaMu,
          overlaps,
          outsideUrbanBoundaryMu,
          uncoveredByApprovedUseMu,
          outsideMiningRightsMu);
    }

    Spot changeType(String issued) {
      return changeType(issued, demolishAndRestore);
    }

    Spot overlap(LayerClass layerClass, String mu, String share) {
      Map<LayerClass, LayerOverlap> changed = new EnumMap<>(overlaps);
      changed.put(layerClass, new LayerOverlap(new BigDecimal(mu), new BigDecimal(share)));
      return new Spot(
          name,
          flags,
          changeType,
          demolishAndRestore,
          areaMu,
          changed,
          outsideUrbanBoundaryMu,
          uncoveredByApprovedUseMu,
          outsideMiningRightsMu);
    }

    Spot areas(String spotMu, String outsideUrbanMu, String uncoveredMu, String outsideMiningMu) {
      return new Spot(
          name,
          flags,
          changeType,
          demolishAndRestore,
          new BigDecimal(spotMu),
          overlaps,
          new BigDecimal(outsideUrbanMu),
          new BigDecimal(uncoveredMu),
          new BigDecimal(outsideMiningMu));
    }

    /** The facts as {@code SpatialCheckService} hands them to the JSON table. */
    CheckFacts facts() {
      CheckFacts.Builder facts =
          CheckFacts.builder()
              .flag(CheckFacts.OCCUPIES_BASIC_FARMLAND, flags.occupiesBasicFarmland())
              .flag(CheckFacts.OCCUPIES_CULTIVATED_LAND, flags.occupiesCultivatedLand())
              .flag(CheckFacts.IN_ECOLOGICAL_RED_LINE, flags.inEcologicalRedLine())
              .flag(CheckFacts.OUTSIDE_URBAN_BOUNDARY, flags.outsideUrbanBoundary())
              .flag(CheckFacts.COVERED_BY_APPROVED_USE, flags.coveredByApprovedUse())
              .flag(CheckFacts.DEMOLISH_AND_RESTORE, demolishAndRestore)
              .text(CheckFacts.CHANGE_TYPE, changeType == null ? "" : changeType.strip());
      SpatialCheckResult result = result(new MandatoryReview(false, List.of()), null);
      facts
          .number(CheckFacts.SPOT_AREA_MU, result.areaMu())
          .number(CheckFacts.OUTSIDE_URBAN_BOUNDARY_MU, result.outsideUrbanBoundaryMu())
          .number(CheckFacts.UNCOVERED_BY_APPROVED_USE_MU, result.uncoveredByApprovedUseMu())
          .number(CheckFacts.OUTSIDE_MINING_RIGHTS_MU, result.outsideMiningRightsMu());
      result
          .overlaps()
          .forEach(
              (layerClass, overlap) -> {
                facts.number(CheckFacts.areaMuOf(layerClass), overlap.areaMu());
                facts.number(CheckFacts.shareOf(layerClass), overlap.share());
              });
      return facts.build();
    }

    SpatialCheckResult result(MandatoryReview review, JudgmentSuggestion suggestion) {
      return new SpatialCheckResult(
          areaMu,
          overlaps,
          flags,
          outsideUrbanBoundaryMu,
          uncoveredByApprovedUseMu,
          outsideMiningRightsMu,
          review.required(),
          review.reasons(),
          suggestion,
          RULES.version(),
          Map.of());
    }

    /** What a process holds once the spatial check worker has run and the spot was issued. */
    Map<String, Object> processVariables() {
      CheckFacts facts = facts();
      SpatialCheckResult result = result(RULES.mandatoryReview(facts), RULES.suggest(facts));
      Map<String, Object> variables = new HashMap<>();
      try {
        variables.put(
            "spatialCheck",
            JSON.readValue(
                JSON.writeValueAsString(result), new TypeReference<Map<String, Object>>() {}));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      variables.put("changeType", changeType);
      variables.put("demolishAndRestore", demolishAndRestore);
      return variables;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The facts of every case of {@link JudgmentRuleTableTest}, against the shipped rules. */
  static Stream<Spot> judgmentRuleTableTestCases() {
    return Stream.of(
        Spot.named("nothing found (theShippedTableLoads, the default rule)"),
        Spot.named("half the spot in cultivated land")
            .flags(false, true, false, false, false)
            .overlap(LayerClass.CULTIVATED_LAND, "7.50", "0.5000"),
        Spot.named("a little cultivated land")
            .flags(false, true, false, false, false)
            .overlap(LayerClass.CULTIVATED_LAND, "0.00", "0.4999"),
        Spot.named("矿产").changeType("矿产"),
        Spot.named("新增建设").changeType("新增建设"),
        Spot.named("推土, demolished and restored").changeType("推土", true));
  }

  /** Every rule of the shipped table reached, its order where two match, and its bounds. */
  static Stream<Spot> shippedTableCases() {
    Spot inRedLine =
        Spot.named("")
            .flags(false, false, true, true, false)
            .overlap(LayerClass.ECOLOGICAL_REDLINE, "3.25", "0.2167")
            .areas("15.00", "15.00", "15.00", "15.00");
    Spot inFarmland =
        Spot.named("")
            .flags(true, true, false, true, false)
            .overlap(LayerClass.BASIC_FARMLAND, "7.50", "0.5000")
            .overlap(LayerClass.CULTIVATED_LAND, "12.01", "0.8007")
            .areas("15.00", "2.00", "14.99", "15.00")
            .changeType("新增建设");
    Spot approved =
        Spot.named("")
            .flags(false, false, false, true, true)
            .overlap(LayerClass.APPROVED_LAND, "1234.50", "0.9000")
            .overlap(LayerClass.FACILITY_AGRICULTURE, "200.00", "0.1458")
            .overlap(LayerClass.TEMPORARY_LAND, "0.01", "0.0000")
            .areas("1371.67", "1371.67", "0.00", "1371.67");
    return Stream.of(
        rename(inRedLine, "red line, unapproved: S-REDLINE-UNAPPROVED"),
        rename(
            inRedLine
                .flags(true, true, true, true, false)
                .overlap(LayerClass.BASIC_FARMLAND, "1.00", "0.0667"),
            "red line and basic farmland: the red line rule comes first"),
        rename(
            inRedLine
                .flags(false, false, true, true, true)
                .areas("15.00", "15.00", "0.00", "15.00"),
            "red line, covered by approvals: S-APPROVED-USE, still 100% review"),
        rename(inFarmland, "basic farmland, unapproved: S-BASIC-FARMLAND-UNAPPROVED"),
        rename(
            inFarmland.flags(false, true, false, true, false).changeType("新增非农建设类"),
            "cultivated land, 新增非农建设类: S-CULTIVATED-LAND-CONSTRUCTION"),
        rename(
            inFarmland.flags(false, true, false, true, false).changeType(" 年度内持续变化类 "),
            "cultivated land, 年度内持续变化类 issued with blanks"),
        rename(
            inFarmland.flags(false, true, false, true, false).changeType("推土"),
            "cultivated land, another change type: S-DEFAULT, still 100% review"),
        rename(
            Spot.named("").changeType("新增非农建设类").areas("8.88", "0.00", "8.88", "8.88"),
            "新增非农建设类 elsewhere: S-NON-AGRICULTURAL-UNAPPROVED"),
        rename(
            Spot.named("").changeType("新增建设").areas("0.01", "0.01", "0.01", "0.01"),
            "新增建设 elsewhere: S-CONSTRUCTION-UNAPPROVED"),
        rename(approved, "covered by approvals: S-APPROVED-USE with every figure"),
        rename(
            approved.changeType("矿产").areas("1371.67", "1371.67", "0.00", "0.01"),
            "矿产 0.01 亩 outside mining rights, covered: S-MINING-OUTSIDE-RIGHTS comes first"),
        rename(
            Spot.named("").changeType("矿产").areas("40.00", "40.00", "40.00", "0.00"),
            "矿产 inside mining rights: S-MINING-INSIDE-RIGHTS"),
        rename(
            Spot.named("").changeType("拆除复耕", true).areas("2.00", "2.00", "2.00", "2.00"),
            "拆除复耕: MR-DEMOLISH-AND-RESTORE"),
        rename(Spot.named("").changeType(null), "no change type issued"));
  }

  private static Spot rename(Spot spot, String name) {
    return new Spot(
        name,
        spot.flags(),
        spot.changeType(),
        spot.demolishAndRestore(),
        spot.areaMu(),
        spot.overlaps(),
        spot.outsideUrbanBoundaryMu(),
        spot.uncoveredByApprovedUseMu(),
        spot.outsideMiningRightsMu());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"judgmentRuleTableTestCases", "shippedTableCases"})
  void theDmnSuggestsWhatTheJsonTableSuggests(Spot spot) {
    assertSameOutcome(spot);
  }

  /**
   * The rules test the flags, the change type and whether any mining area lies outside the rights:
   * every combination of them, each with figures of its own.
   */
  @Test
  void everyCombinationOfWhatTheRulesTestGivesTheSameOutcome() {
    List<Spot> spots = new ArrayList<>();
    for (int bits = 0; bits < 1 << 6; bits++) {
      for (String changeType : CHANGE_TYPES) {
        for (String outsideMining : List.of("0.00", "0.01", "123.45")) {
          int n = spots.size();
          spots.add(
              Spot.named("combination " + n)
                  .flags(
                      (bits & 1) != 0,
                      (bits & 2) != 0,
                      (bits & 4) != 0,
                      (bits & 8) != 0,
                      (bits & 16) != 0)
                  .changeType(changeType, (bits & 32) != 0)
                  .overlap(LayerClass.BASIC_FARMLAND, n % 97 + ".05", "0.0" + n % 10 + "01")
                  .overlap(LayerClass.CULTIVATED_LAND, n % 89 + ".10", "0." + (1000 + n % 9000))
                  .overlap(LayerClass.ECOLOGICAL_REDLINE, n % 83 + ".20", "1.0000")
                  .overlap(LayerClass.APPROVED_LAND, n % 79 + ".00", "0.1000")
                  .areas(n + ".99", n % 7 + ".40", n % 11 + ".30", outsideMining));
        }
      }
    }

    assertThat(spots).hasSize(64 * CHANGE_TYPES.size() * 3);
    spots.forEach(JudgmentSuggestionDmnTest::assertSameOutcome);
  }

  private static void assertSameOutcome(Spot spot) {
    CheckFacts facts = spot.facts();
    JudgmentSuggestion expectedSuggestion = RULES.suggest(facts);
    MandatoryReview expectedReview = RULES.mandatoryReview(facts);

    JudgmentSuggestionDmn.Result dmn = DMN.evaluate(spot.processVariables());

    assertThat(dmn.failure()).as(spot.name()).isNull();
    assertThat(dmn.suggestion()).as(spot.name()).isEqualTo(expectedSuggestion);
    assertThat(dmn.mandatoryReview()).as(spot.name()).isEqualTo(expectedReview);
    assertThat(dmn.mandatoryReviewRuleIds())
        .as(spot.name())
        .isEqualTo(ShippedReviewRules.matching(facts));
    // The decision-instance audit names the same rules: a rule's element id is its rule id.
    assertThat(dmn.matchedRules())
        .as(spot.name())
        .containsEntry("spot-judgment-rule", List.of(expectedSuggestion.ruleId()))
        .containsEntry("spot-mandatory-review", dmn.mandatoryReviewRuleIds());
  }

  @Test
  void theDmnCarriesTheYearAndVersionOfTheJsonTable() throws IOException {
    Map<String, Object> output = DMN.evaluate(Spot.named("any").processVariables()).output();

    assertThat(output)
        .containsEntry("ruleTableYear", BigDecimal.valueOf(RULES.year()))
        .containsEntry("ruleTableVersion", RULES.version());
    assertThat(Files.readString(JudgmentSuggestionDmn.FILE))
        .contains("<zeebe:versionTag value=\"" + RULES.version() + "\" />");
  }

  /**
   * Without the spatial check's result or the demolish-and-restore flag every rule would miss and
   * the spot would silently skip its 100% review: the evaluation fails instead (an incident).
   */
  @Test
  void missingInputsFailTheEvaluationRatherThanSuggestingOther() {
    Map<String, Object> noCheck = Spot.named("no check").processVariables();
    noCheck.remove("spatialCheck");
    Map<String, Object> noFlag = Spot.named("no flag").processVariables();
    noFlag.remove("demolishAndRestore");

    assertThat(DMN.evaluate(noCheck).failure()).contains("spatialCheck");
    assertThat(DMN.evaluate(noFlag).failure()).contains("demolishAndRestore");
    assertThat(DMN.evaluate(Spot.named("all set").processVariables()).failure()).isNull();
  }

  /**
   * Which mandatory-review rules of the shipped JSON table match, by id: the table reports only
   * their reasons, so each rule is loaded into a table of its own and asked alone.
   */
  static final class ShippedReviewRules {
    private static final Map<String, JudgmentRuleTable> ALONE = load();

    static List<String> matching(CheckFacts facts) {
      List<String> ids = new ArrayList<>();
      ALONE.forEach(
          (id, table) -> {
            if (table.mandatoryReview(facts).required()) {
              ids.add(id);
            }
          });
      return ids;
    }

    private static Map<String, JudgmentRuleTable> load() {
      try (var in = JudgmentRuleTable.class.getClassLoader().getResourceAsStream(SHIPPED)) {
        JsonNode shipped = JSON.readTree(in);
        Map<String, JudgmentRuleTable> alone = new java.util.LinkedHashMap<>();
        for (JsonNode rule : shipped.get("mandatoryReview")) {
          var table = JSON.createObjectNode();
          table.put("table", "judgment-suggestion").put("year", 2023).put("version", "alone");
          table.putArray("mandatoryReview").add(rule);
          table.set("suggestions", shipped.get("suggestions"));
          alone.put(
              rule.get("id").textValue(),
              JudgmentRuleTable.load(
                  new ByteArrayInputStream(
                      JSON.writeValueAsString(table).getBytes(StandardCharsets.UTF_8)),
                  rule.get("id").textValue()));
        }
        return alone;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
