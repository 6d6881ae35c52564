package landwatch.spot;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * What the spatial check needs of a stored spot.
 *
 * @param monitoringCode 监测编号, the spot's identity in processes ({@code spotId})
 * @param geometry CGCS2000 lon/lat Polygon or MultiPolygon, as imported (already repaired)
 * @param changeType the Ministry's change type as issued; may be null
 * @param demolishAndRestore reported as 拆除复耕
 * @param spatialResult the result stored by the last check, or null if never checked
 */
public record SpotRecord(
    String monitoringCode,
    Geometry geometry,
    String changeType,
    boolean demolishAndRestore,
    SpatialCheckResult spatialResult) {

  public SpotRecord {
    Objects.requireNonNull(monitoringCode, "monitoringCode");
    Objects.requireNonNull(geometry, "geometry");
  }
}
