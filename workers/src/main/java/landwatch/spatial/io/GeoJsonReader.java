package landwatch.spatial.io;

import static landwatch.spatial.io.SpatialImportException.Refusal.INVALID_GEOJSON;
import static landwatch.spatial.io.SpatialImportException.Refusal.UNSUPPORTED_CRS;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON FeatureCollection (RFC 7946, plus the 2008 {@code crs} member that GDAL and
 * ArcGIS still write for projected data). Without {@code crs} the coordinates are lon/lat. Features
 * are read one at a time from the stream, so only the geometries are held. Non-polygon geometries
 * are read too: validation reports them per feature.
 */
public final class GeoJsonReader {

  // Areas and codes must not pass through binary floating point.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Pattern EPSG = Pattern.compile("EPSG:+(?:[\\d.]*:)?(\\d+)$");

  private final GeometryFactory factory;

  public GeoJsonReader(GeometryFactory factory) {
    this.factory = factory;
  }

  /** Features in CGCS2000 lon/lat, in file order. */
  public List<Feature> read(byte[] json) {
    List<Feature> features = new ArrayList<>();
    Cgcs2000Crs crs = Cgcs2000Crs.geographic();
    boolean collection = false;
    try (JsonParser parser = MAPPER.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "type" -> {
            collection = "FeatureCollection".equals(parser.getValueAsString());
            if (!collection) {
              throw invalid("type is not FeatureCollection");
            }
          }
          case "crs" -> crs = crs(parser.readValueAsTree());
          case "features" -> readFeatures(parser, features);
          default -> parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw invalid("trailing content");
      }
    } catch (IOException e) {
      throw new SpatialImportException(INVALID_GEOJSON, e.getMessage(), e);
    }
    if (!collection) {
      throw invalid("type is not FeatureCollection");
    }
    // The crs member may follow the features.
    Cgcs2000Crs sourceCrs = crs;
    return sourceCrs.isGeographic()
        ? features
        : features.stream()
            .map(
                f ->
                    new Feature(
                        f.index(),
                        f.geometry() == null ? null : sourceCrs.toLonLat(f.geometry()),
                        f.attributes()))
            .toList();
  }

  private void readFeatures(JsonParser parser, List<Feature> into) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw invalid("features is not an array");
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() == null) {
        throw invalid("features array not closed");
      }
      JsonNode node = parser.readValueAsTree();
      int index = into.size();
      if (node == null || !node.isObject()) {
        throw invalid("feature " + index + " is not an object");
      }
      JsonNode geometry = node.get("geometry");
      try {
        into.add(
            new Feature(
                index,
                geometry == null || geometry.isNull() ? null : geometry(geometry, index),
                properties(node.get("properties"))));
      } catch (IllegalArgumentException e) {
        // JTS refuses, e.g., a one-point line string.
        throw invalid("feature " + index + ": " + e.getMessage());
      }
    }
  }

  private static Cgcs2000Crs crs(JsonNode node) {
    String name = node == null ? "" : node.path("properties").path("name").asText("");
    if (name.endsWith("CRS84")) {
      return Cgcs2000Crs.fromEpsg(4326);
    }
    Matcher m = EPSG.matcher(name);
    if (!m.find()) {
      throw new SpatialImportException(UNSUPPORTED_CRS, "crs " + node);
    }
    try {
      return Cgcs2000Crs.fromEpsg(Integer.parseInt(m.group(1)));
    } catch (NumberFormatException e) {
      throw new SpatialImportException(UNSUPPORTED_CRS, "crs " + name, e);
    }
  }

  private static Map<String, Object> properties(JsonNode node) {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (node == null || !node.isObject()) {
      return properties;
    }
    node.fields().forEachRemaining(e -> properties.put(e.getKey(), value(e.getValue())));
    return properties;
  }

  private static Object value(JsonNode node) {
    if (node.isTextual()) {
      String s = node.textValue().strip();
      return s.isEmpty() ? null : s;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() || node.isMissingNode() ? null : node.toString();
  }

  private Geometry geometry(JsonNode node, int index) {
    String type = node.path("type").asText("");
    JsonNode c = node.path("coordinates");
    return switch (type) {
      case "Polygon" -> polygon(c, index);
      case "MultiPolygon" ->
          factory.createMultiPolygon(
              elements(c, index).stream().map(p -> polygon(p, index)).toArray(Polygon[]::new));
      case "Point" -> factory.createPoint(position(c, index));
      case "MultiPoint" ->
          factory.createMultiPoint(
              elements(c, index).stream()
                  .map(p -> factory.createPoint(position(p, index)))
                  .toArray(Point[]::new));
      case "LineString" -> factory.createLineString(positions(c, index));
      case "MultiLineString" ->
          factory.createMultiLineString(
              elements(c, index).stream()
                  .map(l -> factory.createLineString(positions(l, index)))
                  .toArray(LineString[]::new));
      case "GeometryCollection" ->
          factory.createGeometryCollection(
              elements(node.path("geometries"), index).stream()
                  .map(g -> geometry(g, index))
                  .toArray(Geometry[]::new));
      default -> throw invalid("feature " + index + ": unknown geometry type '" + type + "'");
    };
  }

  private Polygon polygon(JsonNode rings, int index) {
    List<JsonNode> elements = elements(rings, index);
    if (elements.isEmpty()) {
      return factory.createPolygon();
    }
    LinearRing shell = Rings.ring(factory, positions(elements.get(0), index));
    LinearRing[] holes =
        elements.subList(1, elements.size()).stream()
            .map(r -> Rings.ring(factory, positions(r, index)))
            .toArray(LinearRing[]::new);
    return factory.createPolygon(shell, holes);
  }

  private Coordinate[] positions(JsonNode array, int index) {
    return elements(array, index).stream().map(p -> position(p, index)).toArray(Coordinate[]::new);
  }

  private static Coordinate position(JsonNode position, int index) {
    if (!position.isArray()
        || position.size() < 2
        || !position.get(0).isNumber()
        || !position.get(1).isNumber()) {
      throw invalid("feature " + index + ": bad position " + abbreviate(position));
    }
    return new Coordinate(position.get(0).doubleValue(), position.get(1).doubleValue());
  }

  private static List<JsonNode> elements(JsonNode array, int index) {
    if (!array.isArray()) {
      throw invalid("feature " + index + ": array expected, found " + abbreviate(array));
    }
    List<JsonNode> elements = new ArrayList<>(array.size());
    array.forEach(elements::add);
    return elements;
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  private static SpatialImportException invalid(String detail) {
    return new SpatialImportException(INVALID_GEOJSON, detail);
  }
}
