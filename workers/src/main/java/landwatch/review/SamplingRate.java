package landwatch.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The share of spots drawn, from 0 (none) to 1 (all).
 *
 * @param value between 0 and 1 inclusive, trailing zeros stripped so 0.2 and 0.20 are one rate
 */
public record SamplingRate(BigDecimal value) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public SamplingRate {
    if (value == null) {
      throw new IllegalArgumentException("a sampling rate is required (须给出抽样率)");
    }
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "a sampling rate is between 0 and 1, e.g. 0.20 for 20%, not "
              + value.toPlainString()
              + " (抽样率须在 0 到 1 之间，如 0.20 表示 20%)");
    }
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  public static SamplingRate of(String value) {
    try {
      return new SamplingRate(new BigDecimal(value.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "a sampling rate is a number between 0 and 1, not \"" + value + "\" (抽样率须为 0 到 1 之间的数)",
          e);
    }
  }

  public static SamplingRate percent(BigDecimal percent) {
    return new SamplingRate(percent.divide(HUNDRED));
  }

  /** As a percentage for people: {@code 20%}, {@code 12.5%}. */
  public String percentText() {
    BigDecimal percent = value.multiply(HUNDRED);
    return (percent.signum() == 0 ? BigDecimal.ZERO : percent.stripTrailingZeros()).toPlainString()
        + "%";
  }

  /**
   * How many decimals a draw is shown with beside this rate: at least 4, and as many as the rate
   * has, so the shown number, cut (never rounded) to that length, is below the rate exactly when
   * the draw is.
   */
  int drawDigits() {
    return Math.max(4, value.scale());
  }

  String show(BigDecimal draw) {
    return draw.setScale(drawDigits(), RoundingMode.DOWN).toPlainString();
  }
}
