package landwatch.spot;

import java.util.Optional;

/**
 * The spot store as the spatial-check worker sees it; the application implements it over its
 * database.
 */
public interface SpotRecords {

  Optional<SpotRecord> find(String monitoringCode);

  /**
   * Stores {@code result} as the spot's current spatial check. Only called when it differs from
   * {@link SpotRecord#spatialResult()}; an implementation keeping history should append, not
   * overwrite, so earlier results stay traceable.
   */
  void saveSpatialResult(String monitoringCode, SpatialCheckResult result);
}
