package landwatch.layer;

/**
 * What was computed against reference layer versions and goes stale when one is replaced: the
 * spots' spatial checks. The layer feature says when to catch up; the spot feature, which owns the
 * results, implements this, so that layers never depend on spots.
 */
public interface StaleResults {

  /**
   * Recomputes every result computed against a layer version that is no longer current.
   *
   * @return how many were recomputed
   */
  int refreshStale();
}
