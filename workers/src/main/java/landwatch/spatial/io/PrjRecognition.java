package landwatch.spatial.io;

import static landwatch.spatial.io.SpatialImportException.Refusal.UNSUPPORTED_CRS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which {@link Cgcs2000Crs} a .prj describes, from what it defines (ellipsoid, projection
 * method and parameters), not from its name: names vary between ArcGIS, QGIS and the surveying
 * bureaus' tools. Reads the ESRI and OGC dialects of WKT1 and WKT2.
 */
final class PrjRecognition {

  private static final double GRS80_A = 6378137.0;
  private static final double GRS80_INVERSE_FLATTENING = 298.257222101;
  private static final double WGS84_INVERSE_FLATTENING = 298.257223563;
  private static final double DEGREE_IN_RADIANS = Math.PI / 180;

  private PrjRecognition() {}

  static Cgcs2000Crs recognise(String wkt) {
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
    boolean wgs84 = near(inverseFlattening.get(), WGS84_INVERSE_FLATTENING, 1e-6);
    return Cgcs2000Crs.fromEpsg(wgs84 ? Cgcs2000Crs.WGS84 : Cgcs2000Crs.GEOGRAPHIC);
  }

  private static Cgcs2000Crs projectedFrom(WktNode root, String wkt) {
    WktNode base =
        root.child("GEOGCS", "BASEGEOGCRS", "BASEGEODCRS")
            .orElseThrow(() -> unsupported("no base geographic CRS", wkt));
    Optional<Double> inverseFlattening = ellipsoid(base, wkt);
    if (inverseFlattening.isEmpty()
        || !near(inverseFlattening.get(), GRS80_INVERSE_FLATTENING, 1e-6)) {
      throw unsupported("projected CRS not on the CGCS2000 ellipsoid", wkt);
    }
    String method =
        root.child("PROJECTION")
            .or(() -> root.child("CONVERSION").flatMap(c -> c.child("METHOD")))
            .map(WktNode::name)
            .map(PrjRecognition::squash)
            .orElse("");
    if (!method.equals("transversemercator") && !method.equals("gausskruger")) {
      throw unsupported("projection is not Gauss-Kruger / transverse Mercator", wkt);
    }
    Optional<Double> linearUnit = root.child("UNIT", "LENGTHUNIT").flatMap(u -> u.number(0));
    if (linearUnit.isPresent() && linearUnit.get() != 1.0) {
      throw unsupported("linear unit is not the metre", wkt);
    }
    Map<String, Double> parameters = parameters(root);
    double centralMeridian =
        parameter(
            parameters,
            wkt,
            "centralmeridian",
            "longitudeofnaturalorigin",
            "longitudeofcenter",
            "longitudeoforigin");
    double falseEasting = parameter(parameters, wkt, "falseeasting");
    double falseNorthing = parameters.getOrDefault("falsenorthing", 0.0);
    double scale =
        parameters.getOrDefault(
            "scalefactor", parameters.getOrDefault("scalefactoratnaturalorigin", 1.0));
    double latitudeOfOrigin =
        parameters.getOrDefault(
            "latitudeoforigin", parameters.getOrDefault("latitudeofnaturalorigin", 0.0));
    long meridian = Math.round(centralMeridian);
    if (falseNorthing != 0
        || !near(scale, 1.0, 1e-12)
        || latitudeOfOrigin != 0
        || !near(centralMeridian, meridian, 1e-9)
        || meridian % 3 != 0
        || meridian / 3 < Cgcs2000Crs.FIRST_ZONE
        || meridian / 3 > Cgcs2000Crs.LAST_ZONE) {
      throw unsupported("not a 3-degree Gauss-Kruger zone", wkt);
    }
    int zone = (int) meridian / 3;
    if (near(falseEasting, 5e5, 1e-6)) {
      return Cgcs2000Crs.gaussKruger((int) meridian, false);
    }
    if (near(falseEasting, zone * 1e6 + 5e5, 1e-6)) {
      return Cgcs2000Crs.gaussKruger((int) meridian, true);
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
    if (inverse.isEmpty()
        || !(near(inverse.get(), GRS80_INVERSE_FLATTENING, 1e-6)
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
