package landwatch.spatial;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.ProjCoordinate;

/** Builds lon/lat test polygons from rectangles drawn on a Gauss-Krüger plane, in metres. */
public final class PlaneShapes {

  public static final GeometryFactory LON_LAT = new GeometryFactory();

  private final GaussKrugerZone zone;

  public PlaneShapes(int epsgCentralMeridian) {
    this.zone = GaussKrugerZone.forLongitude(epsgCentralMeridian);
  }

  public Polygon rectangle(double minEasting, double minNorthing, double width, double height) {
    return LON_LAT.createPolygon(ring(minEasting, minNorthing, width, height, 10));
  }

  /** The same rectangle with 50 vertices per edge, as large boundary polygons have. */
  public Polygon denseRectangle(
      double minEasting, double minNorthing, double width, double height) {
    return LON_LAT.createPolygon(ring(minEasting, minNorthing, width, height, 50));
  }

  public Polygon rectangleWithHole(
      double minEasting,
      double minNorthing,
      double width,
      double height,
      double holeMinEasting,
      double holeMinNorthing,
      double holeWidth,
      double holeHeight) {
    return LON_LAT.createPolygon(
        ring(minEasting, minNorthing, width, height, 10),
        new LinearRing[] {ring(holeMinEasting, holeMinNorthing, holeWidth, holeHeight, 10)});
  }

  private LinearRing ring(double minE, double minN, double w, double h, int steps) {
    // Edges are densified so the shape stays a rectangle on the plane after unprojection.
    List<Coordinate> coordinates = new ArrayList<>();
    double[][] corners = {{minE, minN}, {minE + w, minN}, {minE + w, minN + h}, {minE, minN + h}};
    for (int c = 0; c < 4; c++) {
      double[] from = corners[c];
      double[] to = corners[(c + 1) % 4];
      for (int s = 0; s < steps; s++) {
        double t = (double) s / steps;
        coordinates.add(lonLat(from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])));
      }
    }
    coordinates.add(new Coordinate(coordinates.get(0)));
    return LON_LAT.createLinearRing(coordinates.toArray(Coordinate[]::new));
  }

  private Coordinate lonLat(double easting, double northing) {
    ProjCoordinate p = new ProjCoordinate();
    zone.unproject(easting, northing, p);
    return new Coordinate(p.x, p.y);
  }

  /** A rectangle bounded by meridians and parallels; its area has a closed form. */
  public static Polygon lonLatCell(double west, double south, double east, double north) {
    return LON_LAT.createPolygon(
        new Coordinate[] {
          new Coordinate(west, south),
          new Coordinate(east, south),
          new Coordinate(east, north),
          new Coordinate(west, north),
          new Coordinate(west, south)
        });
  }

  /** Ellipsoidal area of a lon/lat cell on GRS80 (Snyder's authalic-latitude form). */
  public static double lonLatCellSquareMetres(
      double west, double south, double east, double north) {
    double a = 6_378_137.0;
    double f = 1 / 298.257222101;
    double e2 = f * (2 - f);
    double e = Math.sqrt(e2);
    double deltaLambda = Math.toRadians(east - west);
    return a
        * a
        * (1 - e2)
        * deltaLambda
        / 2
        * (q(Math.toRadians(north), e) - q(Math.toRadians(south), e));
  }

  private static double q(double phi, double e) {
    double s = Math.sin(phi);
    return s / (1 - e * e * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
  }
}
