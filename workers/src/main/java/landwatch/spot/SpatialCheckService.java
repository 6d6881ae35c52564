package landwatch.spot;

import static landwatch.layer.LayerClass.APPROVED_LAND;
import static landwatch.layer.LayerClass.BASIC_FARMLAND;
import static landwatch.layer.LayerClass.CULTIVATED_LAND;
import static landwatch.layer.LayerClass.ECOLOGICAL_REDLINE;
import static landwatch.layer.LayerClass.FACILITY_AGRICULTURE;
import static landwatch.layer.LayerClass.MINING_RIGHTS;
import static landwatch.layer.LayerClass.TEMPORARY_LAND;
import static landwatch.layer.LayerClass.URBAN_BOUNDARY;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import landwatch.layer.LayerClass;
import landwatch.layer.ReferenceLayers;
import landwatch.spatial.AreaMu;
import landwatch.spot.judgment.CheckFacts;
import landwatch.spot.judgment.JudgmentRuleTable;
import landwatch.spot.judgment.JudgmentSuggestion;
import landwatch.spot.judgment.MandatoryReview;
import org.locationtech.jts.geom.Geometry;

/**
 * Checks one spot against the current version of every reference layer: overlap per class, the
 * flags, whether §三(三) demands full review, and the suggested judgment from the rule table.
 * Thread-safe; each call works on one snapshot of the layers.
 */
public final class SpatialCheckService {

  private final ReferenceLayers layers;
  private final JudgmentRuleTable rules;

  public SpatialCheckService(ReferenceLayers layers, JudgmentRuleTable rules) {
    this.layers = Objects.requireNonNull(layers, "layers");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /**
   * @param spotLonLat CGCS2000 lon/lat Polygon or MultiPolygon
   * @param changeType the Ministry's change type as issued (e.g. 新增建设, 矿产); may be null
   * @param demolishAndRestore whether the spot is reported as demolished and restored (拆除复耕)
   */
  public SpatialCheckResult check(
      Geometry spotLonLat, String changeType, boolean demolishAndRestore) {
    ReferenceLayers.Snapshot snapshot = layers.snapshot();
    SpotOverlay spot = new SpotOverlay(spotLonLat);

    EnumMap<LayerClass, Geometry> parts = new EnumMap<>(LayerClass.class);
    EnumMap<LayerClass, LayerOverlap> overlaps = new EnumMap<>(LayerClass.class);
    for (LayerClass layerClass : LayerClass.values()) {
      Geometry part = snapshot.layer(layerClass).map(spot::overlapWith).orElse(spot.nothing());
      parts.put(layerClass, part);
      overlaps.put(layerClass, overlap(spot, part));
    }
    Geometry approvedUse =
        spot.union(
            parts.get(APPROVED_LAND), parts.get(FACILITY_AGRICULTURE), parts.get(TEMPORARY_LAND));
    BigDecimal spotMu = AreaMu.fromSquareMetres(spot.squareMetres());
    BigDecimal outsideUrbanMu = remainderMu(spot, parts.get(URBAN_BOUNDARY));
    BigDecimal uncoveredMu = remainderMu(spot, approvedUse);
    BigDecimal outsideMiningMu = remainderMu(spot, parts.get(MINING_RIGHTS));

    SpatialFlags flags =
        new SpatialFlags(
            overlaps.get(BASIC_FARMLAND).any(),
            overlaps.get(CULTIVATED_LAND).any(),
            overlaps.get(ECOLOGICAL_REDLINE).any(),
            outsideUrbanMu.signum() > 0,
            uncoveredMu.signum() == 0 && spotMu.signum() > 0);
    CheckFacts facts =
        facts(
            flags,
            changeType,
            demolishAndRestore,
            spotMu,
            outsideUrbanMu,
            uncoveredMu,
            outsideMiningMu,
            overlaps);
    MandatoryReview review = rules.mandatoryReview(facts);
    JudgmentSuggestion suggestion = rules.suggest(facts);
    return new SpatialCheckResult(
        spotMu,
        overlaps,
        flags,
        outsideUrbanMu,
        uncoveredMu,
        outsideMiningMu,
        review.required(),
        review.reasons(),
        suggestion,
        rules.version(),
        snapshot.versions());
  }

  /**
   * Whether {@code result} is what {@link #check} would compute now for the same spot: it was
   * computed against the layer versions and the rule table that are active now (a spot's geometry
   * and change type never change once stored).
   */
  public boolean isCurrent(SpatialCheckResult result) {
    return result.ruleTableVersion().equals(rules.version())
        && result.layerVersions().equals(layers.snapshot().versions());
  }

  private static LayerOverlap overlap(SpotOverlay spot, Geometry part) {
    double squareMetres = spot.squareMetres(part);
    BigDecimal mu = AreaMu.fromSquareMetres(squareMetres);
    if (mu.signum() == 0) {
      return LayerOverlap.NONE;
    }
    double share = Math.min(1.0, squareMetres / spot.squareMetres());
    return new LayerOverlap(mu, new BigDecimal(share).setScale(4, RoundingMode.HALF_UP));
  }

  /** The part of the spot outside {@code inside}, with the same rounding as the overlaps. */
  private static BigDecimal remainderMu(SpotOverlay spot, Geometry inside) {
    double remainder = Math.max(0, spot.squareMetres() - spot.squareMetres(inside));
    return AreaMu.fromSquareMetres(remainder);
  }

  private static CheckFacts facts(
      SpatialFlags flags,
      String changeType,
      boolean demolishAndRestore,
      BigDecimal spotMu,
      BigDecimal outsideUrbanMu,
      BigDecimal uncoveredMu,
      BigDecimal outsideMiningMu,
      Map<LayerClass, LayerOverlap> overlaps) {
    CheckFacts.Builder facts =
        CheckFacts.builder()
            .flag(CheckFacts.OCCUPIES_BASIC_FARMLAND, flags.occupiesBasicFarmland())
            .flag(CheckFacts.OCCUPIES_CULTIVATED_LAND, flags.occupiesCultivatedLand())
            .flag(CheckFacts.IN_ECOLOGICAL_RED_LINE, flags.inEcologicalRedLine())
            .flag(CheckFacts.OUTSIDE_URBAN_BOUNDARY, flags.outsideUrbanBoundary())
            .flag(CheckFacts.COVERED_BY_APPROVED_USE, flags.coveredByApprovedUse())
            .flag(CheckFacts.DEMOLISH_AND_RESTORE, demolishAndRestore)
            .text(CheckFacts.CHANGE_TYPE, changeType == null ? "" : changeType.strip())
            .number(CheckFacts.SPOT_AREA_MU, spotMu)
            .number(CheckFacts.OUTSIDE_URBAN_BOUNDARY_MU, outsideUrbanMu)
            .number(CheckFacts.UNCOVERED_BY_APPROVED_USE_MU, uncoveredMu)
            .number(CheckFacts.OUTSIDE_MINING_RIGHTS_MU, outsideMiningMu);
    overlaps.forEach(
        (layerClass, overlap) -> {
          facts.number(CheckFacts.areaMuOf(layerClass), overlap.areaMu());
          facts.number(CheckFacts.shareOf(layerClass), overlap.share());
        });
    return facts.build();
  }
}
