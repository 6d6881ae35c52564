package landwatch.spot;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.layer.LayerClass;

/** The HTTP shape of a spot's spatial check ({@code GET /api/spots/{code}/spatial}). */
public record SpotSpatialView(
    String monitoringCode,
    BigDecimal areaMu,
    Map<LayerClass, LayerOverlap> overlaps,
    Map<String, Object> flags,
    boolean mandatoryReview,
    List<String> mandatoryReviewReasons,
    Suggestion suggestion,
    String ruleTableVersion,
    Map<LayerClass, String> layerVersions) {

  /** A suggestion only: the county officer judges, and is responsible for the judgment. */
  public record Suggestion(
      String judgment, String judgmentName, String ruleId, List<String> reasons) {}

  static SpotSpatialView of(String monitoringCode, SpatialCheckResult result) {
    Map<String, Object> flags = new LinkedHashMap<>();
    flags.put("occupiesBasicFarmland", result.flags().occupiesBasicFarmland());
    flags.put("occupiesCultivatedLand", result.flags().occupiesCultivatedLand());
    flags.put("inEcologicalRedLine", result.flags().inEcologicalRedLine());
    flags.put("outsideUrbanBoundary", result.flags().outsideUrbanBoundary());
    flags.put("outsideUrbanBoundaryMu", result.outsideUrbanBoundaryMu());
    flags.put("coveredByApprovedUse", result.flags().coveredByApprovedUse());
    flags.put("uncoveredByApprovedUseMu", result.uncoveredByApprovedUseMu());
    flags.put("outsideMiningRightsMu", result.outsideMiningRightsMu());
    return new SpotSpatialView(
        monitoringCode,
        result.areaMu(),
        result.overlaps(),
        flags,
        result.mandatoryReview(),
        result.mandatoryReviewReasons(),
        new Suggestion(
            result.suggestion().judgment().name(),
            result.suggestion().judgment().chineseName(),
            result.suggestion().ruleId(),
            result.suggestion().reasons()),
        result.ruleTableVersion(),
        result.layerVersions());
  }
}
