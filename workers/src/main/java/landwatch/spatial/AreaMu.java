package landwatch.spatial;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 亩 as reported: 1 亩 = 10000/15 m², two decimals, rounded half up. */
public final class AreaMu {

  private static final BigDecimal MU_PER_SQUARE_METRE_TIMES_10000 = BigDecimal.valueOf(15);

  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private AreaMu() {}

  public static BigDecimal fromSquareMetres(double squareMetres) {
    // Exact decimal expansion of the double, so rounding depends on the value only, never on
    // how Double.toString happens to print it.
    return new BigDecimal(squareMetres)
        .multiply(MU_PER_SQUARE_METRE_TIMES_10000)
        .movePointLeft(4)
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** The same value at the reported scale, e.g. 15 or 15.000 as 15.00. */
  public static BigDecimal normalise(BigDecimal mu) {
    return mu.setScale(2, RoundingMode.HALF_UP);
  }
}
