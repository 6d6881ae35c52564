package landwatch.spot;

/** Where a spot is in its month (spot_progress.state): exactly one at a time. */
public enum SpotState {
  /** Stored with its batch; its instance not yet started. */
  ISSUED,
  /** Waiting for the county's field verification 核实. */
  VERIFICATION,
  /** Verified; waiting for the county's judgment 判定 (its report 填报). */
  JUDGMENT,
  CITY_REVIEW,
  PROVINCE_REVIEW,
  /** Returned 退回; waiting for the county's correction 纠正. */
  CORRECTION,
  /** The county declined or let the correction deadline pass: the reviewer judges directly. */
  DIRECT_JUDGMENT,
  /** The final judgment is made. */
  CONCLUDED;

  /** Whether the county has yet to report the spot, so that its deadlines still bind it. */
  public boolean awaitsReport() {
    return this == ISSUED || this == VERIFICATION || this == JUDGMENT;
  }
}
