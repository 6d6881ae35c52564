package landwatch.spot;

import java.util.Objects;
import java.util.Optional;

/**
 * Checks a stored spot against the current layers and stores the result only when it differs from
 * the stored one: what the job worker does for a process, and what a layer change does for every
 * spot.
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
   * @return the spot with its current result, or empty for an unknown spot
   */
  public Optional<Rechecked> recheck(String monitoringCode) {
    return spots
        .find(monitoringCode)
        .map(
            spot -> {
              SpatialCheckResult result =
                  service.check(spot.geometry(), spot.changeType(), spot.demolishAndRestore());
              if (!result.equals(spot.spatialResult())) {
                spots.saveSpatialResult(monitoringCode, result);
              }
              return new Rechecked(spot, result);
            });
  }
}
