package landwatch.spot;

import java.util.Objects;
import java.util.Optional;

/**
 * Checks a stored spot against the current layers and stores the result only when it differs from
 * the stored one: what a layer change does for every spot, and what the job worker does for a
 * process when the stored result is no longer current.
 */
public final class SpotRecheck {

  private final SpatialCheckService service;
  private final SpotRecords spots;

  public SpotRecheck(SpatialCheckService service, SpotRecords spots) {
    this.service = Objects.requireNonNull(service, "service");
    this.spots = Objects.requireNonNull(spots, "spots");
  }

  /** A stored spot with its current result. */
  public record Rechecked(SpotRecord spot, SpatialCheckResult result) {}

  /**
   * Recomputes the spot's result, whatever was stored.
   *
   * @return the spot with its current result, or empty for an unknown spot
   */
  public Optional<Rechecked> recheck(String monitoringCode) {
    return spots.find(monitoringCode).map(this::recheck);
  }

  /**
   * The stored result while it is current (the batch import checks every spot it stores), else
   * recomputed as by {@link #recheck(String)}: after a layer or the rule table changed since.
   *
   * @return the spot with its current result, or empty for an unknown spot
   */
  public Optional<Rechecked> current(String monitoringCode) {
    return spots
        .find(monitoringCode)
        .map(
            spot ->
                spot.spatialResult() != null && service.isCurrent(spot.spatialResult())
                    ? new Rechecked(spot, spot.spatialResult())
                    : recheck(spot));
  }

  private Rechecked recheck(SpotRecord spot) {
    SpatialCheckResult result =
        service.check(spot.geometry(), spot.changeType(), spot.demolishAndRestore());
    if (!result.equals(spot.spatialResult())) {
      spots.saveSpatialResult(spot.monitoringCode(), result);
    }
    return new Rechecked(spot, result);
  }
}
