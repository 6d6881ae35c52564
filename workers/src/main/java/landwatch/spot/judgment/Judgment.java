package landwatch.spot.judgment;

/** The legality categories of 合法性判定 (§三(一)2). */
public enum Judgment {
  LEGAL("合法"),
  ILLEGAL("违法"),
  OTHER("其他");

  private final String chineseName;

  Judgment(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
