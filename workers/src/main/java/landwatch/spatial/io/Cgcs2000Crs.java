package landwatch.spatial.io;

import static landwatch.spatial.io.SpatialImportException.Refusal.UNSUPPORTED_CRS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.Proj4jException;

/**
 * The coordinate systems an import accepts: CGCS2000 longitude/latitude (EPSG:4490) and the
 * CGCS2000 3-degree Gauss-Krüger zones, with the zone number prefixed to the false easting
 * (EPSG:4513–4533, zones 25–45) or without it (EPSG:4534–4554, "CM 75E"–"CM 135E"). Ningxia
 * lies in zones 35 (CM 105°E: EPSG:4523 / 4544) and 36 (CM 108°E: EPSG:4524 / 4545).
 *
 * @param epsg the EPSG code the parameters correspond to
 * @param centralMeridian degrees east; NaN for geographic
 * @param falseEasting metres; NaN for geographic
 */
public record Cgcs2000Crs(int epsg, double centralMeridian, double falseEasting) {

  public static final int GEOGRAPHIC = 4490;
  private static final int WGS84 = 4326;
  private static final int FIRST_ZONE = 25;
  private static final int LAST_ZONE = 45;
  private static final int FIRST_PREFIXED = 4513;
  private static final int FIRST_UNPREFIXED = 4534;
  private static final double GRS80_A = 6378137.0;
  private static final double GRS80_INVERSE_FLATTENING = 298.257222101;
  private static final double WGS84_INVERSE_FLATTENING = 298.257223563;
  private static final double DEGREE_IN_RADIANS = Math.PI / 180;

  private static final CRSFactory CRS_FACTORY = new CRSFactory();
  private static final Map<Integer, CoordinateReferenceSystem> PROJ4J = new ConcurrentHashMap<>();

  public Cgcs2000Crs {
    boolean consistent = Double.isNaN(centralMeridian)
        ? (epsg == GEOGRAPHIC || epsg == WGS84) && Double.isNaN(falseEasting)
        : epsg == zoneCode(centralMeridian, falseEasting);
    if (!consistent) {
      throw new IllegalArgumentException("EPSG:" + epsg + " is not CGCS2000 with CM "
          + centralMeridian + " and false easting " + falseEasting);
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
   * Recognises a .prj from what it defines (ellipsoid, projection method and parameters),
   * not from its name: names vary between ArcGIS, QGIS and the surveying bureaus' tools.
   */
  public static Cgcs2000Crs fromPrj(String wkt) {
    WktNode root;
    try {
      root = WktNode.parse(wkt.strip().replace("\uFEFF", ""));
    } catch (IllegalArgumentException e) {
      throw new SpatialImportException(UNSUPPORTED_CRS, e.getMessage(), e);
    }
    return switch (root.keyword()) {
      case "GEOGCS", "GEOGCRS", "GEODCRS" -> geographicFrom(root, wkt);
      case "PROJCS", "PROJCRS" -> projectedFrom(root, wkt);
      default -> throw unsupported("not a geographic or projected CRS", wkt);
    };
  }

  /** The .prj text ArcGIS writes for this CRS. */
  public String esriWkt() {
    String geographic = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
        + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],"
        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    if (isGeographic()) {
      return geographic;
    }
    long meridian = Math.round(centralMeridian);
    String name = hasZonePrefix()
        ? "CGCS2000_3_Degree_GK_Zone_" + meridian / 3
        : "CGCS2000_3_Degree_GK_CM_" + meridian + "E";
    return "PROJCS[\"" + name + "\"," + geographic + ",PROJECTION[\"Gauss_Kruger\"],"
        + "PARAMETER[\"False_Easting\"," + (long) falseEasting + ".0],"
        + "PARAMETER[\"False_Northing\",0.0],"
        + "PARAMETER[\"Central_Meridian\"," + meridian + ".0],"
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
    copy.apply(new CoordinateSequenceFilter() {
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

  private static Cgcs2000Crs geographicFrom(WktNode root, String wkt) {
    Optional<Double> inverseFlattening = ellipsoid(root, wkt);
    if (inverseFlattening.isEmpty()) {
      throw unsupported("no ellipsoid", wkt);
    }
    Optional<Double> angularUnit = root.child("UNIT", "ANGLEUNIT").flatMap(u -> u.number(0));
    if (angularUnit.isPresent() && !near(angularUnit.get(), DEGREE_IN_RADIANS, 1e-12)) {
      throw unsupported("angular unit is not the degree", wkt);
    }
    Optional<Double> primeMeridian = root.child("PRIMEM").flatMap(p -> p.number(0));
    if (primeMeridian.isPresent() && primeMeridian.get() != 0) {
      throw unsupported("prime meridian is not Greenwich", wkt);
    }
    // WGS 84 and CGCS2000 agree far below the imagery's 2 m resolution, and GPS and drone
    // surveys arrive in WGS 84.
    boolean wgs84 = inverseFlattening.filter(f -> near(f, WGS84_INVERSE_FLATTENING, 1e-6)).isPresent();
    return new Cgcs2000Crs(wgs84 ? WGS84 : GEOGRAPHIC, Double.NaN, Double.NaN);
  }

  private static Cgcs2000Crs projectedFrom(WktNode root, String wkt) {
    WktNode base = root.child("GEOGCS", "BASEGEOGCRS", "BASEGEODCRS")
        .orElseThrow(() -> unsupported("no base geographic CRS", wkt));
    Optional<Double> inverseFlattening = ellipsoid(base, wkt);
    if (inverseFlattening.isEmpty() || !near(inverseFlattening.get(), GRS80_INVERSE_FLATTENING, 1e-6)) {
      throw unsupported("projected CRS not on the CGCS2000 ellipsoid", wkt);
    }
    String method = root.child("PROJECTION")
        .or(() -> root.child("CONVERSION").flatMap(c -> c.child("METHOD")))
        .map(WktNode::name)
        .map(Cgcs2000Crs::squash)
        .orElse("");
    if (!method.equals("transversemercator") && !method.equals("gausskruger")) {
      throw unsupported("projection is not Gauss-Kruger / transverse Mercator", wkt);
    }
    Optional<Double> linearUnit = root.child("UNIT", "LENGTHUNIT").flatMap(u -> u.number(0));
    if (linearUnit.isPresent() && linearUnit.get() != 1.0) {
      throw unsupported("linear unit is not the metre", wkt);
    }
    Map<String, Double> parameters = parameters(root);
    double centralMeridian = parameter(parameters, wkt, "centralmeridian",
        "longitudeofnaturalorigin", "longitudeofcenter", "longitudeoforigin");
    double falseEasting = parameter(parameters, wkt, "falseeasting");
    double falseNorthing = parameters.getOrDefault("falsenorthing", 0.0);
    double scale = parameters.getOrDefault("scalefactor",
        parameters.getOrDefault("scalefactoratnaturalorigin", 1.0));
    double latitudeOfOrigin = parameters.getOrDefault("latitudeoforigin",
        parameters.getOrDefault("latitudeofnaturalorigin", 0.0));
    long meridian = Math.round(centralMeridian);
    if (falseNorthing != 0 || !near(scale, 1.0, 1e-12) || latitudeOfOrigin != 0
        || !near(centralMeridian, meridian, 1e-9) || meridian % 3 != 0
        || meridian / 3 < FIRST_ZONE || meridian / 3 > LAST_ZONE) {
      throw unsupported("not a 3-degree Gauss-Kruger zone", wkt);
    }
    int zone = (int) meridian / 3;
    if (near(falseEasting, 5e5, 1e-6)) {
      return gaussKruger((int) meridian, false);
    }
    if (near(falseEasting, zone * 1e6 + 5e5, 1e-6)) {
      return gaussKruger((int) meridian, true);
    }
    throw unsupported("false easting " + falseEasting + " does not match CM " + meridian, wkt);
  }

  /** The ellipsoid's inverse flattening, after checking the semi-major axis is GRS80's. */
  private static Optional<Double> ellipsoid(WktNode crs, String wkt) {
    List<WktNode> found = new ArrayList<>();
    crs.collect("SPHEROID", found);
    crs.collect("ELLIPSOID", found);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    WktNode ellipsoid = found.get(0);
    double semiMajor = ellipsoid.number(0).orElse(Double.NaN);
    if (!near(semiMajor, GRS80_A, 1e-3)) {
      throw unsupported("ellipsoid is not CGCS2000", wkt);
    }
    Optional<Double> inverse = ellipsoid.number(1);
    if (inverse.isEmpty() || !(near(inverse.get(), GRS80_INVERSE_FLATTENING, 1e-6)
        || near(inverse.get(), WGS84_INVERSE_FLATTENING, 1e-6))) {
      throw unsupported("ellipsoid is not CGCS2000", wkt);
    }
    return inverse;
  }

  private static Map<String, Double> parameters(WktNode root) {
    List<WktNode> nodes = new ArrayList<>();
    root.collect("PARAMETER", nodes);
    Map<String, Double> parameters = new HashMap<>();
    for (WktNode node : nodes) {
      node.number(0).ifPresent(v -> parameters.put(squash(node.name()), v));
    }
    return parameters;
  }

  private static double parameter(Map<String, Double> parameters, String wkt, String... names) {
    for (String name : names) {
      Double value = parameters.get(name);
      if (value != null) {
        return value;
      }
    }
    throw unsupported("parameter " + names[0] + " missing", wkt);
  }

  private static String squash(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }

  private static boolean near(double a, double b, double tolerance) {
    return Math.abs(a - b) <= tolerance;
  }

  private static SpatialImportException unsupported(String why, String wkt) {
    String excerpt = wkt.length() > 200 ? wkt.substring(0, 200) + "…" : wkt;
    return new SpatialImportException(UNSUPPORTED_CRS, why + " — " + excerpt.strip());
  }
}
