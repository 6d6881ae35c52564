package landwatch.spot;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import landwatch.layer.LayerClass;
import landwatch.spatial.AreaMu;
import landwatch.spot.judgment.JudgmentSuggestion;

/**
 * The spatial check of one spot. A value: the same spot against the same layer versions and rule
 * table gives an equal result, so a store can tell a repeat from a change.
 *
 * @param areaMu the spot's ellipsoidal area
 * @param overlaps one entry for every layer class, {@link LayerOverlap#NONE} where none
 * @param outsideUrbanBoundaryMu part of the spot outside the urban development boundary
 * @param uncoveredByApprovedUseMu part not covered by approved land, facility agriculture or
 *     temporary land together
 * @param outsideMiningRightsMu part outside every mining right
 * @param mandatoryReview whether the city must desk-review this spot in full (§三(三))
 * @param mandatoryReviewReasons why, one per matching rule; empty when not required
 * @param ruleTableVersion version of the rule table that made the review and suggestion
 * @param layerVersions version of each layer checked against; a class not loaded is absent and
 *     counted as empty
 */
public record SpatialCheckResult(
    BigDecimal areaMu,
    Map<LayerClass, LayerOverlap> overlaps,
    SpatialFlags flags,
    BigDecimal outsideUrbanBoundaryMu,
    BigDecimal uncoveredByApprovedUseMu,
    BigDecimal outsideMiningRightsMu,
    boolean mandatoryReview,
    List<String> mandatoryReviewReasons,
    JudgmentSuggestion suggestion,
    String ruleTableVersion,
    Map<LayerClass, String> layerVersions) {

  public SpatialCheckResult {
    // Scales are normalised so a result read back from storage equals the one computed.
    areaMu = AreaMu.normalise(areaMu);
    outsideUrbanBoundaryMu = AreaMu.normalise(outsideUrbanBoundaryMu);
    uncoveredByApprovedUseMu = AreaMu.normalise(uncoveredByApprovedUseMu);
    outsideMiningRightsMu = AreaMu.normalise(outsideMiningRightsMu);
    mandatoryReviewReasons = List.copyOf(mandatoryReviewReasons);
    overlaps = Collections.unmodifiableMap(new EnumMap<>(overlaps));
    layerVersions =
        layerVersions.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new EnumMap<>(layerVersions));
  }

  public LayerOverlap overlap(LayerClass layerClass) {
    return overlaps.get(layerClass);
  }
}
