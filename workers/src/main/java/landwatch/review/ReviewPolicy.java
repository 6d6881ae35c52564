package landwatch.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import landwatch.spot.judgment.Judgment;

/**
 * Which reported spots the city desk-reviews (§三(三)) and which city-approved ones the province
 * re-reviews (逐级复核). The rates and the change types whose "other" judgment is always reviewed are
 * the year's configuration, not code.
 *
 * @param cityReviewRate share of the spots no rule sends to review that the city reviews
 * @param provinceReReviewRate share of city-approved spots the province reviews again
 * @param otherAlwaysReviewedChangeTypes change types that "may generally not be judged as other"
 *     (§三(一)2): judged so, the city always reviews them
 */
public record ReviewPolicy(
    SamplingRate cityReviewRate,
    SamplingRate provinceReReviewRate,
    Set<String> otherAlwaysReviewedChangeTypes) {

  public ReviewPolicy {
    if (cityReviewRate == null || provinceReReviewRate == null) {
      throw new IllegalArgumentException("both sampling rates are required (须给出两项抽样率)");
    }
    // A blank entry would match every spot issued without a change type.
    if (otherAlwaysReviewedChangeTypes.stream().anyMatch(t -> t == null || t.isBlank())) {
      throw new IllegalArgumentException(
          "a change type whose \"other\" is always reviewed must not be blank (变化类型不得为空)");
    }
    otherAlwaysReviewedChangeTypes =
        Collections.unmodifiableSet(new LinkedHashSet<>(otherAlwaysReviewedChangeTypes));
  }

  /**
   * The city's decision for one reported spot: every rule that demands review is named, and only a
   * spot no rule names goes to the draw.
   */
  public ReviewSelection cityReview(SamplingSeed seed, ReviewSubject spot) {
    List<String> reasons = new ArrayList<>(spot.mandatoryReviewReasons());
    if (spot.judgment() == Judgment.OTHER
        && otherAlwaysReviewedChangeTypes.contains(spot.changeType())) {
      reasons.add("「" + spot.changeType() + "」图斑判定为其他类用地，一般不得判定为其他类，实行100%审核（§三(一)2）");
    }
    if (!reasons.isEmpty()) {
      return new ReviewSelection.Mandatory(reasons);
    }
    return ReviewSampling.select(
        seed, SamplingPurpose.CITY_REVIEW, cityReviewRate, spot.monitoringCode());
  }

  /** The province's decision for one city-approved spot: by draw only, on its own stream. */
  public ReviewSelection provinceReReview(SamplingSeed seed, String monitoringCode) {
    return ReviewSampling.select(
        seed, SamplingPurpose.PROVINCE_RE_REVIEW, provinceReReviewRate, monitoringCode);
  }

  /**
   * The city's decisions for a batch's reported spots, re-derived from the recorded seed, in the
   * order given.
   *
   * @throws IllegalArgumentException when a code is given twice
   */
  public Map<String, ReviewSelection> cityReview(
      SamplingSeed seed, Collection<ReviewSubject> spots) {
    Map<String, ReviewSelection> selections = new LinkedHashMap<>();
    for (ReviewSubject spot : spots) {
      if (selections.put(spot.monitoringCode(), cityReview(seed, spot)) != null) {
        throw new IllegalArgumentException(
            "monitoring code "
                + spot.monitoringCode()
                + " is given twice (监测编号 "
                + spot.monitoringCode()
                + " 重复)");
      }
    }
    return Collections.unmodifiableMap(selections);
  }
}
