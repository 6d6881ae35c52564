package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import landwatch.layer.LayerClass;
import landwatch.layer.ReferenceLayers;
import landwatch.spatial.AreaMu;
import landwatch.spatial.PlaneShapes;
import landwatch.spot.judgment.Judgment;
import landwatch.spot.judgment.JudgmentRuleTable;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class SpatialCheckServiceTest {

  private static final JudgmentRuleTable RULES =
      JudgmentRuleTable.fromClasspath("rules/judgment-suggestion-2023.json");
  private static final double E = 500_000;
  private static final double N = 4_150_000;

  private final PlaneShapes plane = new PlaneShapes(105);
  private final ReferenceLayers layers = new ReferenceLayers();
  private final SpatialCheckService service = new SpatialCheckService(layers, RULES);

  /** The 100 m × 100 m spot most tests use: exactly 15.00 亩. */
  private final Polygon spot = plane.rectangle(E, N, 100, 100);

  @Test
  void spotHalfInsideBasicFarmlandOverlapsSevenAndAHalfMu() {
    layers.replace(
        LayerClass.BASIC_FARMLAND, "2022", List.of(plane.rectangle(E + 50, N - 20, 400, 300)));

    SpatialCheckResult result = service.check(spot, "新增建设", false);

    assertThat(result.areaMu()).isEqualTo(new BigDecimal("15.00"));
    assertThat(result.overlap(LayerClass.BASIC_FARMLAND))
        .isEqualTo(new LayerOverlap(new BigDecimal("7.50"), new BigDecimal("0.5000")));
    assertThat(result.flags().occupiesBasicFarmland()).isTrue();
    assertThat(result.flags().occupiesCultivatedLand()).isFalse();
    assertThat(result.overlap(LayerClass.CULTIVATED_LAND)).isEqualTo(LayerOverlap.NONE);
    assertThat(result.suggestion().judgment()).isEqualTo(Judgment.ILLEGAL);
    assertThat(result.suggestion().ruleId()).isEqualTo("S-BASIC-FARMLAND-UNAPPROVED");
    assertThat(result.suggestion().reasons().get(0)).isEqualTo("占用永久基本农田 7.50 亩（占图斑面积比例 0.5000）");
    assertThat(result.mandatoryReview()).isTrue();
    assertThat(result.layerVersions()).isEqualTo(Map.of(LayerClass.BASIC_FARMLAND, "2022"));
  }

  @Test
  void overlappingPolygonsOfOneLayerAreNotCountedTwice() {
    layers.replace(
        LayerClass.CULTIVATED_LAND,
        "2022",
        List.of(
            plane.rectangle(E - 10, N - 10, 70, 120), plane.rectangle(E + 40, N - 10, 70, 120)));

    SpatialCheckResult result = service.check(spot, "新增建设", false);

    assertThat(result.overlap(LayerClass.CULTIVATED_LAND).areaMu())
        .isEqualTo(new BigDecimal("15.00"));
    assertThat(result.overlap(LayerClass.CULTIVATED_LAND).share())
        .isEqualTo(new BigDecimal("1.0000"));
  }

  @Test
  void adjacentParcelsAddUpExactly() {
    layers.replace(
        LayerClass.CULTIVATED_LAND,
        "2022",
        List.of(
            plane.rectangle(E - 10, N - 10, 40, 200),
            plane.rectangle(E + 30, N - 10, 40, 200),
            plane.rectangle(E + 70, N + 60, 40, 200)));

    SpatialCheckResult result = service.check(spot, "新增建设", false);

    // 30 + 40 m wide full-height strips and a 30 × 40 m corner: 7000 + 1200 m² = 12.30 亩.
    assertThat(result.overlap(LayerClass.CULTIVATED_LAND).areaMu())
        .isEqualTo(new BigDecimal("12.30"));
    assertThat(result.flags().occupiesCultivatedLand()).isTrue();
    assertThat(result.suggestion().ruleId()).isEqualTo("S-CULTIVATED-LAND-CONSTRUCTION");
    assertThat(result.suggestion().reasons()).contains("须同时判定是否属于新增农村乱占耕地建房问题");
  }

  @Test
  void holeInTheLayerPolygonIsNotOverlap() {
    layers.replace(
        LayerClass.ECOLOGICAL_REDLINE,
        "2022",
        List.of(plane.rectangleWithHole(E - 100, N - 100, 300, 300, E + 50, N, 100, 100)));

    SpatialCheckResult result = service.check(spot, "新增建设", false);

    assertThat(result.overlap(LayerClass.ECOLOGICAL_REDLINE))
        .isEqualTo(new LayerOverlap(new BigDecimal("7.50"), new BigDecimal("0.5000")));
    assertThat(result.flags().inEcologicalRedLine()).isTrue();
    assertThat(result.suggestion().ruleId()).isEqualTo("S-REDLINE-UNAPPROVED");
  }

  @Test
  void largeBoundaryPolygonsAreTestedThroughTheirPreparedForm() {
    layers.replace(
        LayerClass.ECOLOGICAL_REDLINE,
        "2022",
        List.of(plane.denseRectangle(E + 50, N - 500, 1000, 1000)));
    layers.replace(
        LayerClass.URBAN_BOUNDARY,
        "2022",
        List.of(plane.denseRectangle(E - 500, N - 500, 1000, 1000)));
    layers.replace(
        LayerClass.MINING_RIGHTS, "2023", List.of(plane.denseRectangle(E + 200, N, 1000, 1000)));

    SpatialCheckResult result = service.check(spot, "新增建设", false);

    assertThat(result.overlap(LayerClass.ECOLOGICAL_REDLINE).areaMu())
        .isEqualTo(new BigDecimal("7.50"));
    assertThat(result.overlap(LayerClass.URBAN_BOUNDARY).areaMu())
        .isEqualTo(new BigDecimal("15.00"));
    assertThat(result.flags().outsideUrbanBoundary()).isFalse();
    assertThat(result.overlap(LayerClass.MINING_RIGHTS)).isEqualTo(LayerOverlap.NONE);
  }

  @Test
  void spotWithAHoleIsMeasuredWithoutIt() {
    Polygon ring = plane.rectangleWithHole(E, N, 200, 200, E + 50, N + 50, 100, 100);
    layers.replace(
        LayerClass.CULTIVATED_LAND, "2022", List.of(plane.rectangle(E - 10, N - 10, 400, 400)));

    SpatialCheckResult result = service.check(ring, "新增建设", false);

    assertThat(result.areaMu()).isEqualTo(new BigDecimal("45.00"));
    assertThat(result.overlap(LayerClass.CULTIVATED_LAND).areaMu())
        .isEqualTo(new BigDecimal("45.00"));
  }

  @Test
  void sliverUnderHalfAHundredthOfAMuIsNoOverlap() {
    // 100 m × 0.03 m = 3 m² = 0.0045 亩.
    layers.replace(
        LayerClass.CULTIVATED_LAND, "2022", List.of(plane.rectangle(E + 99.97, N - 50, 100, 200)));

    SpatialCheckResult result = service.check(spot, "新增建设", false);

    assertThat(result.overlap(LayerClass.CULTIVATED_LAND)).isEqualTo(LayerOverlap.NONE);
    assertThat(result.flags().occupiesCultivatedLand()).isFalse();
    assertThat(result.mandatoryReview()).isFalse();
  }

  @Test
  void approvedFacilityAndTemporaryLandTogetherCoverTheSpot() {
    layers.replace(
        LayerClass.APPROVED_LAND, "2023", List.of(plane.rectangle(E - 5, N - 5, 50, 110)));
    layers.replace(
        LayerClass.FACILITY_AGRICULTURE, "2023", List.of(plane.rectangle(E + 40, N - 5, 40, 110)));
    layers.replace(
        LayerClass.TEMPORARY_LAND, "2023", List.of(plane.rectangle(E + 70, N - 5, 40, 110)));
    layers.replace(
        LayerClass.CULTIVATED_LAND, "2022", List.of(plane.rectangle(E - 5, N - 5, 110, 110)));

    SpatialCheckResult covered = service.check(spot, "新增建设", false);

    assertThat(covered.flags().coveredByApprovedUse()).isTrue();
    assertThat(covered.uncoveredByApprovedUseMu()).isEqualTo(AreaMu.ZERO);
    assertThat(covered.suggestion().judgment()).isEqualTo(Judgment.LEGAL);
    assertThat(covered.mandatoryReview()).isTrue();

    layers.replace(LayerClass.TEMPORARY_LAND, "2023-r2", List.of());
    SpatialCheckResult partly = service.check(spot, "新增建设", false);

    assertThat(partly.flags().coveredByApprovedUse()).isFalse();
    assertThat(partly.uncoveredByApprovedUseMu()).isEqualTo(new BigDecimal("3.00"));
    assertThat(partly.suggestion().judgment()).isEqualTo(Judgment.ILLEGAL);
  }

  @Test
  void spotOutsideTheUrbanBoundaryByPart() {
    layers.replace(
        LayerClass.URBAN_BOUNDARY, "2022", List.of(plane.rectangle(E - 500, N - 500, 525, 1000)));

    SpatialCheckResult result = service.check(spot, "其他变化", false);

    assertThat(result.flags().outsideUrbanBoundary()).isTrue();
    assertThat(result.outsideUrbanBoundaryMu()).isEqualTo(new BigDecimal("11.25"));
    assertThat(result.overlap(LayerClass.URBAN_BOUNDARY).share())
        .isEqualTo(new BigDecimal("0.2500"));
    assertThat(result.suggestion().ruleId()).isEqualTo("S-DEFAULT");
    assertThat(result.suggestion().judgment()).isEqualTo(Judgment.OTHER);
  }

  @Test
  void miningAndDemolishAndRestoreSpotsAreAlwaysReviewed() {
    layers.replace(
        LayerClass.MINING_RIGHTS, "2023", List.of(plane.rectangle(E - 100, N - 100, 160, 400)));

    SpatialCheckResult mining = service.check(spot, "矿产", false);
    SpatialCheckResult restored = service.check(spot, "其他变化", true);

    assertThat(mining.mandatoryReview()).isTrue();
    assertThat(mining.mandatoryReviewReasons()).containsExactly("矿产图斑，实行100%审核（§三(三)）");
    assertThat(mining.outsideMiningRightsMu()).isEqualTo(new BigDecimal("6.00"));
    assertThat(mining.suggestion().ruleId()).isEqualTo("S-MINING-OUTSIDE-RIGHTS");
    assertThat(restored.mandatoryReviewReasons()).containsExactly("拆除复耕图斑，实行100%审核（§三(三)）");
  }

  @Test
  void spotAcrossTheZoneBoundaryIsMeasuredConsistently() {
    Polygon across = PlaneShapes.lonLatCell(106.4995, 37.3, 106.5005, 37.3008);
    Polygon westHalf = PlaneShapes.lonLatCell(106.4, 37.2, 106.5, 37.4);
    layers.replace(LayerClass.CULTIVATED_LAND, "2022", List.of(westHalf));

    SpatialCheckResult result = service.check(across, "新增建设", false);

    double exact = PlaneShapes.lonLatCellSquareMetres(106.4995, 37.3, 106.5005, 37.3008);
    double exactWest = PlaneShapes.lonLatCellSquareMetres(106.4995, 37.3, 106.5, 37.3008);
    assertThat(result.areaMu()).isEqualTo(AreaMu.fromSquareMetres(exact));
    assertThat(result.overlap(LayerClass.CULTIVATED_LAND).areaMu())
        .isEqualTo(AreaMu.fromSquareMetres(exactWest));
    assertThat(result.overlap(LayerClass.CULTIVATED_LAND).share())
        .isEqualTo(new BigDecimal("0.5000"));
  }

  @Test
  void resultDoesNotDependOnLoadOrder() {
    List<Geometry> parcels =
        List.of(
            plane.rectangle(E - 13.3, N - 7.1, 41.7, 63.9),
            plane.rectangle(E + 28.4, N - 7.1, 33.3, 63.9),
            plane.rectangle(E + 61.7, N - 7.1, 52.2, 63.9),
            plane.rectangle(E - 13.3, N + 56.8, 77.7, 51.1));
    layers.replace(LayerClass.CULTIVATED_LAND, "2022", parcels);
    SpatialCheckResult forward = service.check(spot, "新增建设", false);

    List<Geometry> reversed = new ArrayList<>(parcels);
    Collections.reverse(reversed);
    layers.replace(LayerClass.CULTIVATED_LAND, "2022", reversed);
    SpatialCheckResult backward = service.check(spot, "新增建设", false);

    assertThat(backward).isEqualTo(forward);
  }

  @Test
  void multiPolygonSpotIsMeasuredPartByPart() {
    Geometry twoParts =
        PlaneShapes.LON_LAT.createMultiPolygon(
            new Polygon[] {spot, plane.rectangle(E + 1_000, N, 100, 100)});
    layers.replace(
        LayerClass.CULTIVATED_LAND, "2022", List.of(plane.rectangle(E + 950, N - 50, 100, 300)));

    SpatialCheckResult result = service.check(twoParts, "新增建设", false);

    assertThat(result.areaMu()).isEqualTo(new BigDecimal("30.00"));
    assertThat(result.overlap(LayerClass.CULTIVATED_LAND))
        .isEqualTo(new LayerOverlap(new BigDecimal("7.50"), new BigDecimal("0.2500")));
  }

  @Test
  void selfIntersectingSpotIsRepairedBeforeTheOverlay() {
    // A bow-tie over the 100 m square: two triangles of a quarter each once repaired.
    Polygon square = plane.rectangle(E, N, 100, 100);
    Coordinate[] corners = square.getEnvelope().getCoordinates();
    Polygon bowTie =
        PlaneShapes.LON_LAT.createPolygon(
            new Coordinate[] {corners[0], corners[2], corners[1], corners[3], corners[0]});
    layers.replace(
        LayerClass.CULTIVATED_LAND, "2022", List.of(plane.rectangle(E - 50, N - 50, 400, 400)));

    SpatialCheckResult result = service.check(bowTie, "新增建设", false);

    assertThat(bowTie.isValid()).isFalse();
    assertThat(result.areaMu()).isBetween(new BigDecimal("7.40"), new BigDecimal("7.60"));
    assertThat(result.overlap(LayerClass.CULTIVATED_LAND).share())
        .isEqualTo(new BigDecimal("1.0000"));
  }

  @Test
  void missingLayersCountAsEmptyAndAreNotListed() {
    SpatialCheckResult result = service.check(spot, null, false);

    assertThat(result.layerVersions()).isEmpty();
    assertThat(result.overlaps())
        .hasSize(LayerClass.values().length)
        .containsValue(LayerOverlap.NONE);
    assertThat(result.flags().coveredByApprovedUse()).isFalse();
    assertThat(result.ruleTableVersion()).isEqualTo("2023.2");
  }
}
