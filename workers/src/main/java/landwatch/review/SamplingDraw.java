package landwatch.review;

import java.math.BigDecimal;

/**
 * The random number one spot drew for one purpose; anyone holding the seed can recompute it with
 * {@link ReviewSampling#draw}.
 *
 * @param seedId {@link SamplingSeed#id()} of the seed it was drawn with
 * @param value in [0, 1), exact: a multiple of 2<sup>-64</sup>
 */
public record SamplingDraw(
    String seedId, SamplingPurpose purpose, String monitoringCode, BigDecimal value) {

  /** Whether this draw falls within the rate: below it, so rate 0 draws none and rate 1 all. */
  public boolean within(SamplingRate rate) {
    return value.compareTo(rate.value()) < 0;
  }
}
