package landwatch.layer;

/** The reference layers a spot is checked against (三区三线, the land-change survey, approvals). */
public enum LayerClass {
  BASIC_FARMLAND("永久基本农田"),
  ECOLOGICAL_REDLINE("生态保护红线"),
  URBAN_BOUNDARY("城镇开发边界"),
  CULTIVATED_LAND("耕地"),
  APPROVED_LAND("批准用地"),
  FACILITY_AGRICULTURE("设施农用地"),
  TEMPORARY_LAND("临时用地"),
  MINING_RIGHTS("矿业权");

  private final String chineseName;

  LayerClass(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
