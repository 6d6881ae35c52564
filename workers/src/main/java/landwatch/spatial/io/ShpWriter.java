package landwatch.spatial.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * Writes polygon .shp and .shx content (type 5), shells clockwise and holes counter-clockwise as
 * the format requires. Geometries are written as given, valid or not, so that tests can make the
 * invalid files offices receive.
 */
final class ShpWriter {

  private final ByteArrayOutputStream records = new ByteArrayOutputStream();
  private final ByteArrayOutputStream index = new ByteArrayOutputStream();
  private final Envelope bounds = new Envelope();
  private int count;

  /** Adds one record; null writes a null shape. */
  void add(Geometry geometry) {
    byte[] content = geometry == null ? nullShape() : polygon(geometry);
    int offset = ShpGeometries.HEADER_BYTES + records.size();
    ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
    header.putInt(++count).putInt(content.length / 2);
    records.writeBytes(header.array());
    records.writeBytes(content);
    index.writeBytes(
        ByteBuffer.allocate(8)
            .order(ByteOrder.BIG_ENDIAN)
            .putInt(offset / 2)
            .putInt(content.length / 2)
            .array());
  }

  byte[] shp() {
    return withHeader(records.toByteArray());
  }

  byte[] shx() {
    return withHeader(index.toByteArray());
  }

  private byte[] withHeader(byte[] body) {
    int shapeType = count == 0 ? ShpGeometries.NULL_SHAPE : ShpGeometries.POLYGON;
    ByteBuffer buf = ByteBuffer.allocate(ShpGeometries.HEADER_BYTES + body.length);
    buf.order(ByteOrder.BIG_ENDIAN)
        .putInt(0, ShpGeometries.FILE_CODE)
        .putInt(24, buf.capacity() / 2);
    buf.order(ByteOrder.LITTLE_ENDIAN).putInt(28, ShpGeometries.VERSION).putInt(32, shapeType);
    Envelope box = bounds.isNull() ? new Envelope(0, 0, 0, 0) : bounds;
    buf.putDouble(36, box.getMinX())
        .putDouble(44, box.getMinY())
        .putDouble(52, box.getMaxX())
        .putDouble(60, box.getMaxY());
    buf.position(ShpGeometries.HEADER_BYTES);
    buf.put(body);
    return buf.array();
  }

  private static byte[] nullShape() {
    return ByteBuffer.allocate(4)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(ShpGeometries.NULL_SHAPE)
        .array();
  }

  private byte[] polygon(Geometry geometry) {
    if (!(geometry instanceof Polygonal)) {
      throw new IllegalArgumentException(
          "a polygon Shapefile cannot hold a " + geometry.getGeometryType());
    }
    List<Coordinate[]> rings = new ArrayList<>();
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Polygon polygon = (Polygon) geometry.getGeometryN(i);
      rings.add(oriented(polygon.getExteriorRing(), false));
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        rings.add(oriented(polygon.getInteriorRingN(h), true));
      }
    }
    int points = rings.stream().mapToInt(r -> r.length).sum();
    Envelope box = geometry.getEnvelopeInternal();
    bounds.expandToInclude(box);
    ByteBuffer buf =
        ByteBuffer.allocate(44 + 4 * rings.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(ShpGeometries.POLYGON)
        .putDouble(box.getMinX())
        .putDouble(box.getMinY())
        .putDouble(box.getMaxX())
        .putDouble(box.getMaxY())
        .putInt(rings.size())
        .putInt(points);
    int start = 0;
    for (Coordinate[] ring : rings) {
      buf.putInt(start);
      start += ring.length;
    }
    for (Coordinate[] ring : rings) {
      for (Coordinate c : ring) {
        buf.putDouble(c.x).putDouble(c.y);
      }
    }
    return buf.array();
  }

  private static Coordinate[] oriented(LinearRing ring, boolean counterClockwise) {
    Coordinate[] points = ring.getCoordinates();
    if (points.length >= 4 && Orientation.isCCWArea(points) != counterClockwise) {
      points = ring.reverse().getCoordinates();
    }
    return points;
  }
}
