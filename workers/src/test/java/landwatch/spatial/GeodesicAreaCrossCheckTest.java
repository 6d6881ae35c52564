package landwatch.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Compares {@link EllipsoidalArea} with Karney's geodesic polygon area on GRS80 (GeographicLib), an
 * independent method, for irregular spot-sized polygons all over Ningxia's two zones.
 */
class GeodesicAreaCrossCheckTest {

  private static final Geodesic GRS80 = new Geodesic(6_378_137.0, 1 / 298.257222101);

  @Test
  void agreesWithKarneyWithinACentimetreSquaredPerHundredSquareMetres() {
    SplittableRandom random = new SplittableRandom(2023);
    for (int i = 0; i < 300; i++) {
      // Across the province, and every tenth polygon straddling the 106.5°E zone boundary.
      double lon =
          i % 10 == 0
              ? 106.5 + (random.nextDouble() - 0.5) * 0.004
              : 104.3 + random.nextDouble() * 3.3;
      double lat = 35.3 + random.nextDouble() * 4.0;
      Polygon polygon =
          irregular(lon, lat, 20 + random.nextDouble() * 600, 5 + random.nextInt(20), random);

      double karney = karney(polygon);
      assertThat(EllipsoidalArea.squareMetres(polygon))
          .isCloseTo(karney, within(1e-4 * karney / 100 + 1e-3));
    }
  }

  private static double karney(Polygon polygon) {
    PolygonArea area = new PolygonArea(GRS80, false);
    Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
    for (int i = 0; i < ring.length - 1; i++) {
      area.AddPoint(ring[i].y, ring[i].x);
    }
    PolygonResult result = area.Compute(false, true);
    return result.area;
  }

  /** A star-shaped polygon of about {@code radiusM} around (lon, lat). */
  private static Polygon irregular(
      double lon, double lat, double radiusM, int vertices, SplittableRandom random) {
    Coordinate[] ring = new Coordinate[vertices + 1];
    double metresPerDegreeLat = 110_950;
    double metresPerDegreeLon = 111_320 * Math.cos(Math.toRadians(lat));
    for (int i = 0; i < vertices; i++) {
      double angle = 2 * Math.PI * i / vertices;
      double r = radiusM * (0.5 + random.nextDouble() * 0.5);
      ring[i] =
          new Coordinate(
              lon + r * Math.cos(angle) / metresPerDegreeLon,
              lat + r * Math.sin(angle) / metresPerDegreeLat);
    }
    ring[vertices] = new Coordinate(ring[0]);
    return PlaneShapes.LON_LAT.createPolygon(ring);
  }
}
