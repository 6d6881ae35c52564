package landwatch.spatial.io;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;

/** Builds rings from coordinates as files give them, which are not always well formed. */
final class Rings {

  private static final int MIN_RING_POINTS = 4;

  private Rings() {}

  /**
   * A closed ring. A ring with too few points is kept (padded by repeating its last point) rather
   * than dropped, so validation sees an invalid polygon and reports it instead of the polygon
   * silently losing a part.
   */
  static LinearRing ring(GeometryFactory factory, Coordinate[] points) {
    Coordinate[] closed = points;
    if (closed.length == 0) {
      return factory.createLinearRing();
    }
    for (Coordinate c : closed) {
      // NaN never equals itself, so a ring starting with it could never be closed; infinity
      // can, and validation refuses both alike.
      c.x = Double.isNaN(c.x) ? Double.POSITIVE_INFINITY : c.x;
      c.y = Double.isNaN(c.y) ? Double.POSITIVE_INFINITY : c.y;
    }
    if (!closed[0].equals2D(closed[closed.length - 1])) {
      closed = Arrays.copyOf(closed, closed.length + 1);
      closed[closed.length - 1] = closed[0].copy();
    }
    if (closed.length < MIN_RING_POINTS) {
      int from = closed.length;
      closed = Arrays.copyOf(closed, MIN_RING_POINTS);
      Arrays.fill(closed, from, MIN_RING_POINTS, closed[from - 1]);
    }
    return factory.createLinearRing(closed);
  }
}
