package landwatch.batch;

/** The spot attributes an import understands. */
public enum SpotField {
  MONITORING_CODE("监测编号"),
  REGION_CODE("行政区代码"),
  REPORTED_AREA("图斑面积"),
  IMAGERY_BEFORE("前时相"),
  IMAGERY_AFTER("后时相"),
  CHANGE_TYPE("变化类型");

  private final String chineseName;

  SpotField(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
