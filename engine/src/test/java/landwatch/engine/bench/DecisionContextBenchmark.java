package landwatch.engine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import landwatch.engine.dmn.DecisionEngine;
import landwatch.engine.dmn.Evaluation;
import landwatch.engine.dmn.ParsedDrg;

/**
 * What giving a decision only the variables its graph references saves: {@code
 * processes/spot-judgment-suggestion.dmn} evaluated in process, on one thread, with the visible
 * variables of a spot-check instance at its business-rule task (two dozen, the year's judgment
 * categories among them), once narrowed to the referenced names as the engine does and once with
 * every variable. Not a test: run with {@code ./mvnw -q -pl engine -Pbench test-compile exec:java
 * -Dbench.main=landwatch.engine.bench.DecisionContextBenchmark [-Dbench.evaluations=20000]}.
 */
public final class DecisionContextBenchmark {

  public static void main(String[] args) throws Exception {
    int evaluations = Integer.getInteger("bench.evaluations", 20_000);
    DecisionEngine engine = new DecisionEngine(ZonedDateTime::now);
    ParsedDrg narrowed = engine.parse(Files.readAllBytes(model("spot-judgment-suggestion.dmn")));
    ParsedDrg whole =
        new ParsedDrg(
            narrowed.id(),
            narrowed.name(),
            narrowed.decisions(),
            narrowed.parsed(),
            Optional.empty());
    Map<String, Object> variables = spotVariables();
    Object expected = engine.evaluate(whole, "spot-judgment-suggestion", variables).output();
    Object output = engine.evaluate(narrowed, "spot-judgment-suggestion", variables).output();
    if (!expected.equals(output)) {
      throw new IllegalStateException("narrowed " + output + " but whole " + expected);
    }
    System.out.printf(
        "decision context: %d variables visible, %s referenced by the graph%n",
        variables.size(), narrowed.referencedVariables().orElseThrow());
    for (int round = 0; round < 3; round++) {
      double all = perSecond(engine, whole, variables, evaluations);
      double referenced = perSecond(engine, narrowed, variables, evaluations);
      System.out.printf(
          "round %d: every variable %,.0f evaluations/s, referenced only %,.0f/s (%.2f×)%n",
          round + 1, all, referenced, referenced / all);
    }
  }

  /** From the repository's root (as Maven runs it) or from the engine module. */
  private static Path model(String name) {
    Path fromRoot = Path.of("processes", name);
    return Files.exists(fromRoot) ? fromRoot : Path.of("..", "processes", name);
  }

  private static double perSecond(
      DecisionEngine engine, ParsedDrg drg, Map<String, Object> variables, int evaluations) {
    long started = System.nanoTime();
    for (int i = 0; i < evaluations; i++) {
      Evaluation evaluation = engine.evaluate(drg, "spot-judgment-suggestion", variables);
      if (evaluation.isFailure()) {
        throw new IllegalStateException(evaluation.failure());
      }
    }
    return evaluations / ((System.nanoTime() - started) / 1e9);
  }

  /** As SpotInstances starts an instance, with the spatial check's result and the categories. */
  private static Map<String, Object> spotVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("spotId", "640104202612000123");
    variables.put("batchId", 1);
    variables.put("countyCode", "640104");
    variables.put("cityCode", "640100");
    variables.put("changeType", "新增建设");
    variables.put("imageryDate", "2026-11-15");
    variables.put("countyDueDate", "2027-01-20");
    variables.put("provinceDueDate", "2027-01-25");
    variables.put("countyOverdueAt", "2027-01-21T00:00+08:00");
    variables.put("provinceOverdueAt", "2027-01-26T00:00+08:00");
    variables.put("demolishAndRestore", false);
    Map<String, Object> overlaps = new LinkedHashMap<>();
    for (String layer :
        List.of(
            "CULTIVATED_LAND",
            "BASIC_FARMLAND",
            "ECOLOGICAL_RED_LINE",
            "APPROVED_LAND",
            "FACILITY_AGRICULTURE",
            "TEMPORARY_LAND")) {
      overlaps.put(layer, Map.of("areaMu", 1.25, "share", 0.31, "parcels", List.of(17, 18, 19)));
    }
    Map<String, Object> spatialCheck = new LinkedHashMap<>();
    spatialCheck.put("areaMu", 4.02);
    spatialCheck.put("uncoveredByApprovedUseMu", 2.77);
    spatialCheck.put("outsideMiningRightsMu", 0);
    spatialCheck.put("overlaps", overlaps);
    spatialCheck.put(
        "flags",
        Map.of(
            "occupiesCultivatedLand", true,
            "occupiesBasicFarmland", false,
            "inEcologicalRedLine", false,
            "coveredByApprovedUse", false));
    spatialCheck.put("ruleTableVersion", "2026");
    variables.put("spatialCheck", spatialCheck);
    List<Map<String, Object>> categories = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      categories.add(
          Map.of(
              "value",
              "CATEGORY_" + i,
              "label",
              "判定类别 " + i,
              "kind",
              i < 6 ? "LEGAL" : i < 12 ? "ILLEGAL" : "OTHER",
              "needsApprovalDocument",
              i % 3 == 0,
              "needsRuralHousingAnswer",
              i % 5 == 0));
    }
    variables.put("judgmentCategories", categories);
    for (int i = 0; i < 10; i++) {
      variables.put("note" + i, "核查记录 " + i);
    }
    return variables;
  }
}
