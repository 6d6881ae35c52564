package landwatch.extension;

/** A level that decides on an extension application, in the order the chain runs. */
public enum ApprovalStep {
  /** The city endorses (or refuses) its county's application. */
  CITY("市级"),
  /** The province approves or refuses (§三(一)3: extensions are the province's). */
  PROVINCE("自治区");

  private final String label;

  ApprovalStep(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
