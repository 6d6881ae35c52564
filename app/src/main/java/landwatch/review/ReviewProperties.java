package landwatch.review;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code landwatch.review.*}: how many spots the city and the province review, set by the office
 * each year.
 *
 * @param samplingRate share (0–1) of the spots no 100% rule covers that the city desk-reviews
 * @param provinceReReviewRate share (0–1) of city-approved spots the province reviews again
 * @param otherAlwaysReviewedChangeTypes change types that may generally not be judged "other"
 *     (§三(一)2): judged so, the city reviews them all
 */
@ConfigurationProperties("landwatch.review")
public record ReviewProperties(
    @DefaultValue("0.20") BigDecimal samplingRate,
    @DefaultValue("0.05") BigDecimal provinceReReviewRate,
    @DefaultValue({"新增非农建设类", "年度内持续变化类"}) List<String> otherAlwaysReviewedChangeTypes) {

  public ReviewProperties {
    requireRate("landwatch.review.sampling-rate", samplingRate);
    requireRate("landwatch.review.province-re-review-rate", provinceReReviewRate);
    otherAlwaysReviewedChangeTypes = List.copyOf(otherAlwaysReviewedChangeTypes);
  }

  ReviewPolicy policy() {
    return new ReviewPolicy(
        new SamplingRate(samplingRate),
        new SamplingRate(provinceReReviewRate),
        new LinkedHashSet<>(otherAlwaysReviewedChangeTypes));
  }

  /** Refuses a bad rate at binding, so the start fails naming the property. */
  private static void requireRate(String property, BigDecimal value) {
    try {
      new SamplingRate(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + e.getMessage());
    }
  }
}
