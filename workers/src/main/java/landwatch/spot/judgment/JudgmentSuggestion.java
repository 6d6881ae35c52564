package landwatch.spot.judgment;

import java.util.List;

/**
 * What the rule table suggests; the county still judges (§三(一)2), this only prefills.
 *
 * @param ruleId the first rule that matched
 * @param reasons in Chinese, with the spot's figures filled in
 */
public record JudgmentSuggestion(Judgment judgment, String ruleId, List<String> reasons) {
  public JudgmentSuggestion {
    reasons = List.copyOf(reasons);
  }
}
