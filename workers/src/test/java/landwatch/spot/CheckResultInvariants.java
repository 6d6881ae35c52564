package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import landwatch.layer.LayerClass;

/** What must hold for any check result, whatever the data. */
public final class CheckResultInvariants {

  private CheckResultInvariants() {}

  public static void check(SpatialCheckResult result) {
    for (LayerClass layerClass : LayerClass.values()) {
      LayerOverlap overlap = result.overlap(layerClass);
      assertThat(overlap.areaMu()).isBetween(BigDecimal.ZERO, result.areaMu());
      assertThat(overlap.share()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
      assertThat(overlap.areaMu().scale()).isEqualTo(2);
    }
    assertThat(result.flags().occupiesCultivatedLand())
        .isEqualTo(result.overlap(LayerClass.CULTIVATED_LAND).any());
    assertThat(result.flags().coveredByApprovedUse())
        .isEqualTo(result.uncoveredByApprovedUseMu().signum() == 0);
    // Urban overlap and the part outside it add up to the spot, give or take one rounding step
    // each.
    BigDecimal urban =
        result.overlap(LayerClass.URBAN_BOUNDARY).areaMu().add(result.outsideUrbanBoundaryMu());
    assertThat(urban.subtract(result.areaMu()).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
  }
}
