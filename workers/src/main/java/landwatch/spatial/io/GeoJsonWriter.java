package landwatch.spatial.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * Writes features (CGCS2000 lon/lat) as a GeoJSON FeatureCollection, streamed. In a projected CRS
 * the file names it in a {@code crs} member, as GDAL does. Polygons only, as imports take.
 */
public final class GeoJsonWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private final Cgcs2000Crs crs;

  public GeoJsonWriter(Cgcs2000Crs crs) {
    this.crs = crs;
  }

  public byte[] write(Iterator<Feature> features) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(features, out);
    return out.toByteArray();
  }

  public void write(Iterator<Feature> features, OutputStream out) {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("type", "FeatureCollection");
      if (!crs.isGeographic()) {
        json.writeObjectFieldStart("crs");
        json.writeStringField("type", "name");
        json.writeObjectFieldStart("properties");
        json.writeStringField("name", "urn:ogc:def:crs:EPSG::" + crs.epsg());
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeArrayFieldStart("features");
      while (features.hasNext()) {
        feature(json, features.next());
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void feature(JsonGenerator json, Feature feature) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", "Feature");
    json.writeObjectFieldStart("properties");
    for (Map.Entry<String, Object> attribute : feature.attributes().entrySet()) {
      json.writeFieldName(attribute.getKey());
      value(json, attribute.getValue());
    }
    json.writeEndObject();
    json.writeFieldName("geometry");
    if (feature.geometry() == null) {
      json.writeNull();
    } else {
      geometry(json, crs.fromLonLat(feature.geometry()));
    }
    json.writeEndObject();
  }

  private static void value(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (value instanceof Long || value instanceof Integer) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number number) {
      json.writeNumber(number.doubleValue());
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof LocalDate date) {
      json.writeString(date.toString());
    } else {
      json.writeString(value.toString());
    }
  }

  private static void geometry(JsonGenerator json, Geometry geometry) throws IOException {
    if (!(geometry instanceof Polygonal)) {
      throw new IllegalArgumentException(
          "only polygons are written, not " + geometry.getGeometryType());
    }
    json.writeStartObject();
    boolean single = geometry instanceof Polygon;
    json.writeStringField("type", single ? "Polygon" : "MultiPolygon");
    json.writeArrayFieldStart("coordinates");
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Polygon polygon = (Polygon) geometry.getGeometryN(i);
      if (!single) {
        json.writeStartArray();
      }
      ring(json, polygon.getExteriorRing());
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        ring(json, polygon.getInteriorRingN(h));
      }
      if (!single) {
        json.writeEndArray();
      }
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void ring(JsonGenerator json, LineString ring) throws IOException {
    json.writeStartArray();
    for (Coordinate c : ring.getCoordinates()) {
      json.writeStartArray();
      json.writeNumber(c.x);
      json.writeNumber(c.y);
      json.writeEndArray();
    }
    json.writeEndArray();
  }
}
