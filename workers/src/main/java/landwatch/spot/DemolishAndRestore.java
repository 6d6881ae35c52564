package landwatch.spot;

/**
 * Whether a spot is a demolish-and-restore spot (拆除复耕), which §三(三) puts under 100 % review. The
 * Ministry marks them in the change type.
 */
public final class DemolishAndRestore {

  private DemolishAndRestore() {}

  public static boolean of(String changeType) {
    return changeType != null && changeType.contains("拆除复耕");
  }
}
