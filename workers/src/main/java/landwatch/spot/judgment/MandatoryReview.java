package landwatch.spot.judgment;

import java.util.List;

/**
 * Whether the city must desk-review the spot in full rather than by sampling (§三(三)).
 *
 * @param reasons one per matching rule, in Chinese; empty when not required
 */
public record MandatoryReview(boolean required, List<String> reasons) {
  public MandatoryReview {
    reasons = List.copyOf(reasons);
  }
}
