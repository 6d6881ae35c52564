package landwatch.spot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import landwatch.spatial.AreaMu;

/**
 * How much of a spot lies in one reference layer.
 *
 * @param areaMu overlap in 亩, 2 decimals; slivers under 0.005 亩 round to 0.00 and count as none
 * @param share of the spot's area, 4 decimals (0.5000 = half)
 */
public record LayerOverlap(BigDecimal areaMu, BigDecimal share) {

  public LayerOverlap {
    areaMu = AreaMu.normalise(areaMu);
    share = share.setScale(4, RoundingMode.HALF_UP);
  }

  public static final LayerOverlap NONE =
      new LayerOverlap(AreaMu.ZERO, BigDecimal.ZERO.setScale(4));

  @JsonIgnore
  public boolean any() {
    return areaMu.signum() > 0;
  }
}
