package landwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import landwatch.layer.LayerClass;
import landwatch.layer.ReferenceLayers;
import landwatch.spot.CheckResultInvariants;
import landwatch.spot.SpatialCheckResult;
import landwatch.spot.SpatialCheckService;
import landwatch.spot.judgment.JudgmentRuleTable;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

/** The benchmark's generated land at small scale: results are consistent and reproducible. */
class SyntheticLandCheckTest {

  private static final JudgmentRuleTable RULES =
      JudgmentRuleTable.fromClasspath("rules/judgment-suggestion-2023.json");

  private static ReferenceLayers layers(NingxiaParcels land, List<Polygon> parcels) {
    ReferenceLayers layers = new ReferenceLayers();
    layers.replace(LayerClass.CULTIVATED_LAND, "t", parcels);
    layers.replace(LayerClass.BASIC_FARMLAND, "t", land.basicFarmland());
    layers.replace(LayerClass.ECOLOGICAL_REDLINE, "t", land.ecologicalRedLine());
    layers.replace(LayerClass.URBAN_BOUNDARY, "t", land.urbanBoundary());
    layers.replace(LayerClass.APPROVED_LAND, "t", land.rectangles(11, 2_000, 5, 100));
    layers.replace(LayerClass.FACILITY_AGRICULTURE, "t", land.rectangles(12, 1_000, 2, 30));
    layers.replace(LayerClass.TEMPORARY_LAND, "t", land.rectangles(13, 300, 1, 20));
    layers.replace(LayerClass.MINING_RIGHTS, "t", land.rectangles(14, 60, 750, 4_500));
    return layers;
  }

  @Test
  void parallelAndReloadedChecksGiveIdenticalConsistentResults() {
    NingxiaParcels land = new NingxiaParcels(7, 20_000, 0.0);
    List<Polygon> parcels = new ArrayList<>();
    land.cultivatedLand(20_000, parcels::add);
    List<NingxiaParcels.Spot> spots = land.spots(100, 400);
    SpatialCheckService service = new SpatialCheckService(layers(land, parcels), RULES);

    List<SpatialCheckResult> sequential =
        spots.stream().map(s -> service.check(s.geometry(), s.changeType(), false)).toList();
    List<SpatialCheckResult> parallel =
        spots.parallelStream()
            .map(s -> service.check(s.geometry(), s.changeType(), false))
            .toList();
    Collections.shuffle(parcels, new Random(3));
    SpatialCheckService reloaded = new SpatialCheckService(layers(land, parcels), RULES);
    List<SpatialCheckResult> afterReload =
        spots.stream().map(s -> reloaded.check(s.geometry(), s.changeType(), false)).toList();

    assertThat(parallel).isEqualTo(sequential);
    assertThat(afterReload).isEqualTo(sequential);
    sequential.forEach(CheckResultInvariants::check);
    assertThat(sequential).anyMatch(r -> r.flags().occupiesCultivatedLand());
    // Parcels are separated by ridges, so spots are split across several of them.
    assertThat(sequential)
        .anyMatch(
            r ->
                r.overlap(LayerClass.CULTIVATED_LAND).share().compareTo(new BigDecimal("0.95"))
                    < 0);
  }
}
