package landwatch.spatial.io;

import static landwatch.spatial.io.SpatialImportException.Refusal.UNSUPPORTED_CRS;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate systems an import accepts: CGCS2000 longitude/latitude (EPSG:4490) and the
 * CGCS2000 3-degree Gauss-Krüger zones, with the zone number prefixed to the false easting
 * (EPSG:4513–4533, zones 25–45) or without it (EPSG:4534–4554, "CM 75E"–"CM 135E"). Ningxia lies in
 * zones 35 (CM 105°E: EPSG:4523 / 4544) and 36 (CM 108°E: EPSG:4524 / 4545). WGS 84 lon/lat
 * (EPSG:4326) is taken as CGCS2000 lon/lat: the two agree far below the imagery's 2 m resolution,
 * and GPS and drone surveys arrive in WGS 84.
 *
 * @param epsg the EPSG code the parameters correspond to
 * @param centralMeridian degrees east; NaN for geographic
 * @param falseEasting metres; NaN for geographic
 */
public record Cgcs2000Crs(int epsg, double centralMeridian, double falseEasting) {

  public static final int GEOGRAPHIC = 4490;
  static final int WGS84 = 4326;
  static final int FIRST_ZONE = 25;
  static final int LAST_ZONE = 45;
  private static final int FIRST_PREFIXED = 4513;
  private static final int FIRST_UNPREFIXED = 4534;

  private static final CRSFactory CRS_FACTORY = new CRSFactory();
  private static final Map<Integer, CoordinateReferenceSystem> PROJ4J = new ConcurrentHashMap<>();

  public Cgcs2000Crs {
    boolean consistent =
        Double.isNaN(centralMeridian)
            ? (epsg == GEOGRAPHIC || epsg == WGS84) && Double.isNaN(falseEasting)
            : epsg == zoneCode(centralMeridian, falseEasting);
    if (!consistent) {
      throw new IllegalArgumentException(
          "EPSG:"
              + epsg
              + " is not CGCS2000 with CM "
              + centralMeridian
              + " and false easting "
              + falseEasting);
    }
  }

  public static Cgcs2000Crs geographic() {
    return new Cgcs2000Crs(GEOGRAPHIC, Double.NaN, Double.NaN);
  }

  /** The 3-degree zone whose central meridian is {@code centralMeridian} (a multiple of 3). */
  public static Cgcs2000Crs gaussKruger(int centralMeridian, boolean zonePrefix) {
    double falseEasting = zonePrefix ? centralMeridian / 3 * 1e6 + 5e5 : 5e5;
    int code = zoneCode(centralMeridian, falseEasting);
    if (code < 0) {
      throw new IllegalArgumentException("no CGCS2000 3-degree zone has CM " + centralMeridian);
    }
    return new Cgcs2000Crs(code, centralMeridian, falseEasting);
  }

  /** The EPSG code of a 3-degree zone, or -1 if the parameters are not one. */
  private static int zoneCode(double centralMeridian, double falseEasting) {
    int zone = (int) Math.round(centralMeridian / 3);
    if (centralMeridian != zone * 3 || zone < FIRST_ZONE || zone > LAST_ZONE) {
      return -1;
    }
    if (falseEasting == 5e5) {
      return FIRST_UNPREFIXED + zone - FIRST_ZONE;
    }
    return falseEasting == zone * 1e6 + 5e5 ? FIRST_PREFIXED + zone - FIRST_ZONE : -1;
  }

  /** The 3-degree zone (unprefixed) whose band contains the longitude. */
  public static Cgcs2000Crs zoneContaining(double longitude, boolean zonePrefix) {
    return gaussKruger((int) Math.round(longitude / 3) * 3, zonePrefix);
  }

  /** From an EPSG code, as GeoJSON's {@code crs} member names it. */
  public static Cgcs2000Crs fromEpsg(int code) {
    if (code == GEOGRAPHIC || code == WGS84) {
      return new Cgcs2000Crs(code, Double.NaN, Double.NaN);
    }
    if (code >= FIRST_PREFIXED && code < FIRST_PREFIXED + LAST_ZONE - FIRST_ZONE + 1) {
      return gaussKruger((code - FIRST_PREFIXED + FIRST_ZONE) * 3, true);
    }
    if (code >= FIRST_UNPREFIXED && code < FIRST_UNPREFIXED + LAST_ZONE - FIRST_ZONE + 1) {
      return gaussKruger((code - FIRST_UNPREFIXED + FIRST_ZONE) * 3, false);
    }
    throw new SpatialImportException(UNSUPPORTED_CRS, "EPSG:" + code);
  }

  /**
   * Recognises a .prj from what it defines (ellipsoid, projection method and parameters), not from
   * its name: names vary between ArcGIS, QGIS and the surveying bureaus' tools.
   */
  public static Cgcs2000Crs fromPrj(String wkt) {
    return PrjRecognition.recognise(wkt);
  }

  /** The .prj text ArcGIS writes for this CRS. */
  public String esriWkt() {
    String geographic =
        "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    if (isGeographic()) {
      return geographic;
    }
    long meridian = Math.round(centralMeridian);
    String name =
        hasZonePrefix()
            ? "CGCS2000_3_Degree_GK_Zone_" + meridian / 3
            : "CGCS2000_3_Degree_GK_CM_" + meridian + "E";
    return "PROJCS[\""
        + name
        + "\","
        + geographic
        + ",PROJECTION[\"Gauss_Kruger\"],"
        + "PARAMETER[\"False_Easting\","
        + (long) falseEasting
        + ".0],"
        + "PARAMETER[\"False_Northing\",0.0],"
        + "PARAMETER[\"Central_Meridian\","
        + meridian
        + ".0],"
        + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],"
        + "UNIT[\"Meter\",1.0]]";
  }

  public boolean isGeographic() {
    return Double.isNaN(centralMeridian);
  }

  public boolean hasZonePrefix() {
    return !isGeographic() && falseEasting > 1e6;
  }

  /** Reprojects a geometry in this CRS to CGCS2000 lon/lat; a geographic one is returned as is. */
  public Geometry toLonLat(Geometry geometry) {
    return isGeographic() ? geometry : transform(geometry, proj4j(), proj4j(GEOGRAPHIC));
  }

  /** Projects a CGCS2000 lon/lat geometry into this CRS. */
  public Geometry fromLonLat(Geometry geometry) {
    return isGeographic() ? geometry : transform(geometry, proj4j(GEOGRAPHIC), proj4j());
  }

  private CoordinateReferenceSystem proj4j() {
    return proj4j(epsg);
  }

  private static CoordinateReferenceSystem proj4j(int code) {
    return PROJ4J.computeIfAbsent(code, c -> CRS_FACTORY.createFromName("EPSG:" + c));
  }

  private static Geometry transform(
      Geometry geometry, CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
    // A transform keeps scratch state, so each call gets its own.
    CoordinateTransform transform = new CoordinateTransformFactory().createTransform(from, to);
    Geometry copy = geometry.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          private final ProjCoordinate in = new ProjCoordinate();
          private final ProjCoordinate out = new ProjCoordinate();

          @Override
          public void filter(CoordinateSequence seq, int i) {
            in.x = seq.getX(i);
            in.y = seq.getY(i);
            try {
              transform.transform(in, out);
            } catch (Proj4jException e) {
              // A coordinate no projection can take (infinite, absurdly far) becomes NaN, which
              // validation reports for that feature alone.
              out.x = Double.NaN;
              out.y = Double.NaN;
            }
            seq.setOrdinate(i, CoordinateSequence.X, out.x);
            seq.setOrdinate(i, CoordinateSequence.Y, out.y);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return copy;
  }
}
