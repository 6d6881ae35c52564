package landwatch.review;

/**
 * What a draw is for. Each purpose is its own stream: the same seed and code give unrelated draws
 * for the city's review and the province's re-review, so being spared by one says nothing about the
 * other.
 */
public enum SamplingPurpose {
  CITY_REVIEW("city-review", "市级内业审核"),
  PROVINCE_RE_REVIEW("province-re-review", "自治区逐级复核");

  private final String key;
  private final String chineseName;

  SamplingPurpose(String key, String chineseName) {
    this.key = key;
    this.chineseName = chineseName;
  }

  /**
   * The name mixed into the draw. Fixed text, not the constant's name, so that renaming the
   * constant never changes a recorded draw.
   */
  public String key() {
    return key;
  }

  public String chineseName() {
    return chineseName;
  }
}
