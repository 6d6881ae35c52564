package landwatch.review;

import java.util.List;

/**
 * Whether a spot goes to review, and why, in terms a reviewer and an auditor can check: a mandatory
 * spot names its rules, a drawn one its seed, rate and random number.
 */
public sealed interface ReviewSelection {

  boolean selected();

  /** Why, in Chinese, one line per reason. */
  List<String> reasons();

  /**
   * Reviewed in full whatever the draw (§三(三), §三(一)2).
   *
   * @param reasons one per rule that demands it, never empty
   */
  record Mandatory(List<String> reasons) implements ReviewSelection {
    public Mandatory {
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a mandatory review names at least one reason");
      }
    }

    @Override
    public boolean selected() {
      return true;
    }
  }

  /** Drawn: the draw is below the rate. */
  record Sampled(SamplingDraw draw, SamplingRate rate) implements ReviewSelection {
    public Sampled {
      if (!draw.within(rate)) {
        throw new IllegalArgumentException("a draw at or above the rate is not sampled");
      }
    }

    @Override
    public boolean selected() {
      return true;
    }

    @Override
    public List<String> reasons() {
      return List.of(verdict(draw, rate, "抽中"));
    }
  }

  /** Not drawn, and no rule demands review. */
  record NotSelected(SamplingDraw draw, SamplingRate rate) implements ReviewSelection {
    public NotSelected {
      if (draw.within(rate)) {
        throw new IllegalArgumentException("a draw below the rate is sampled");
      }
    }

    @Override
    public boolean selected() {
      return false;
    }

    @Override
    public List<String> reasons() {
      return List.of(verdict(draw, rate, "未抽中"));
    }
  }

  private static String verdict(SamplingDraw draw, SamplingRate rate, String outcome) {
    String what = draw.purpose() == SamplingPurpose.CITY_REVIEW ? "" : draw.purpose().chineseName();
    return what
        + outcome
        + "（抽样率 "
        + rate.percentText()
        + "，随机数 "
        + rate.show(draw.value())
        + "，种子 "
        + draw.seedId()
        + "）";
  }
}
