package landwatch.review;

import java.util.List;
import java.util.Objects;
import landwatch.spot.SpatialCheckResult;
import landwatch.spot.judgment.Judgment;

/**
 * What the city's review selection looks at in a reported spot.
 *
 * @param changeType 变化类型 as issued
 * @param judgment the county's reported judgment
 * @param mandatoryReviewReasons the spatial check's reasons for a 100% review; empty when it
 *     demands none
 */
public record ReviewSubject(
    String monitoringCode,
    String changeType,
    Judgment judgment,
    List<String> mandatoryReviewReasons) {

  public ReviewSubject {
    Objects.requireNonNull(monitoringCode, "monitoringCode");
    Objects.requireNonNull(judgment, "judgment");
    changeType = Objects.requireNonNullElse(changeType, "");
    mandatoryReviewReasons = List.copyOf(mandatoryReviewReasons);
  }

  /**
   * A check that demands review but names no reason still demands it: a spot in a 100% class must
   * never fall to the draw, so the flag alone is enough and is given a reason of its own.
   */
  public static ReviewSubject of(
      String monitoringCode, String changeType, Judgment judgment, SpatialCheckResult check) {
    List<String> reasons = check.mandatoryReviewReasons();
    if (check.mandatoryReview() && reasons.isEmpty()) {
      reasons = List.of("空间核查要求100%审核（规则表 " + check.ruleTableVersion() + "）");
    }
    return new ReviewSubject(monitoringCode, changeType, judgment, reasons);
  }
}
