package landwatch.spatial.io;

import static landwatch.spatial.io.SpatialImportException.Refusal.CORRUPT_SHAPEFILE;
import static landwatch.spatial.io.SpatialImportException.Refusal.UNSUPPORTED_SHAPE_TYPE;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the geometry of a polygon Shapefile (.shp, checked against its .shx), following the ESRI
 * Shapefile Technical Description (1998). Only polygon types are read: 5, 15 (Z) and 25 (M); Z and
 * M values are ignored. Every length read from the file is checked against the bytes actually
 * present before anything is allocated.
 */
final class ShpGeometries {

  static final int FILE_CODE = 9994;
  static final int VERSION = 1000;
  static final int HEADER_BYTES = 100;
  static final int NULL_SHAPE = 0;
  static final int POLYGON = 5;
  private static final int POLYGON_Z = 15;
  private static final int POLYGON_M = 25;
  private static final int RECORD_HEADER_BYTES = 8;
  private static final int POLYGON_FIXED_BYTES = 44;
  private static final int MAX_PROBES = 8;

  private final GeometryFactory factory;
  private final ImportLimits limits;

  ShpGeometries(GeometryFactory factory, ImportLimits limits) {
    this.factory = factory;
    this.limits = limits;
  }

  /** One geometry per record, in file order; null for a null shape. */
  List<Geometry> read(byte[] shp, byte[] shx) {
    ByteBuffer buf = ByteBuffer.wrap(shp);
    int end = checkHeader(buf, shp.length, ".shp");
    int fileType = buf.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
    if (fileType != POLYGON
        && fileType != POLYGON_Z
        && fileType != POLYGON_M
        && fileType != NULL_SHAPE) {
      throw new SpatialImportException(UNSUPPORTED_SHAPE_TYPE, "shape type " + fileType);
    }
    List<Integer> offsets = new ArrayList<>();
    List<Geometry> geometries = new ArrayList<>();
    int pos = HEADER_BYTES;
    while (pos < end) {
      if (end - pos < RECORD_HEADER_BYTES) {
        throw corrupt("record header cut at byte " + pos);
      }
      long contentBytes = 2L * buf.order(ByteOrder.BIG_ENDIAN).getInt(pos + 4);
      if (contentBytes < 4 || contentBytes > end - pos - RECORD_HEADER_BYTES) {
        throw corrupt("record at byte " + pos + " has length " + contentBytes);
      }
      offsets.add(pos);
      int content = pos + RECORD_HEADER_BYTES;
      geometries.add(
          shape(
              buf.order(ByteOrder.LITTLE_ENDIAN),
              content,
              (int) contentBytes,
              fileType,
              geometries.size()));
      pos = content + (int) contentBytes;
    }
    checkIndex(shx, offsets);
    return geometries;
  }

  /** Returns the end of the data the header declares. */
  private static int checkHeader(ByteBuffer buf, int length, String file) {
    if (length < HEADER_BYTES) {
      throw corrupt(file + " shorter than its header");
    }
    buf.order(ByteOrder.BIG_ENDIAN);
    if (buf.getInt(0) != FILE_CODE) {
      throw corrupt(file + " has no Shapefile signature");
    }
    long declared = 2L * buf.getInt(24);
    if (declared < HEADER_BYTES || declared > length) {
      throw corrupt(file + " declares " + declared + " bytes but has " + length);
    }
    return (int) declared;
  }

  private void checkIndex(byte[] shx, List<Integer> offsets) {
    ByteBuffer buf = ByteBuffer.wrap(shx);
    int end = checkHeader(buf, shx.length, ".shx");
    if ((end - HEADER_BYTES) % RECORD_HEADER_BYTES != 0
        || (end - HEADER_BYTES) / RECORD_HEADER_BYTES != offsets.size()) {
      throw corrupt(
          ".shx lists "
              + (end - HEADER_BYTES) / RECORD_HEADER_BYTES
              + " records, .shp has "
              + offsets.size());
    }
    for (int i = 0; i < offsets.size(); i++) {
      if (2L * buf.getInt(HEADER_BYTES + i * RECORD_HEADER_BYTES) != offsets.get(i)) {
        throw corrupt(".shx offset of record " + i + " does not match .shp");
      }
    }
  }

  private Geometry shape(ByteBuffer buf, int at, int length, int fileType, int index) {
    int type = buf.getInt(at);
    if (type == NULL_SHAPE) {
      return null;
    }
    if (type != fileType) {
      throw corrupt(
          "record " + index + " has shape type " + type + " in a type " + fileType + " file");
    }
    if (length < POLYGON_FIXED_BYTES) {
      throw corrupt("record " + index + " too short");
    }
    int numParts = buf.getInt(at + 36);
    int numPoints = buf.getInt(at + 40);
    if (numParts < 0 || numPoints < 0 || numParts > limits.maxRingsPerFeature()) {
      throw corrupt("record " + index + " has " + numParts + " parts, " + numPoints + " points");
    }
    long needed = POLYGON_FIXED_BYTES + 4L * numParts + 16L * numPoints;
    if (needed > length) {
      throw corrupt("record " + index + " needs " + needed + " bytes, has " + length);
    }
    int pointsAt = at + POLYGON_FIXED_BYTES + 4 * numParts;
    List<LinearRing> rings = new ArrayList<>(numParts);
    for (int part = 0; part < numParts; part++) {
      int from = buf.getInt(at + POLYGON_FIXED_BYTES + 4 * part);
      int to =
          part + 1 < numParts ? buf.getInt(at + POLYGON_FIXED_BYTES + 4 * part + 4) : numPoints;
      if (from < 0 || from > to || to > numPoints || (part == 0 && from != 0)) {
        throw corrupt("record " + index + " has bad part index " + from);
      }
      Coordinate[] points = new Coordinate[to - from];
      for (int p = from; p < to; p++) {
        points[p - from] =
            new Coordinate(buf.getDouble(pointsAt + 16 * p), buf.getDouble(pointsAt + 16 * p + 8));
      }
      rings.add(Rings.ring(factory, points));
    }
    return assemble(rings);
  }

  /**
   * Shapefile polygons list shells clockwise and holes counter-clockwise, in any order; each hole
   * goes to the smallest shell around it. Writers that ignore orientation produce no clockwise ring
   * at all: then every ring is taken as a shell, and validation will judge the result.
   */
  private Geometry assemble(List<LinearRing> rings) {
    List<LinearRing> shells = new ArrayList<>();
    List<LinearRing> holes = new ArrayList<>();
    for (LinearRing ring : rings) {
      (Area.ofRingSigned(ring.getCoordinates()) < 0 ? holes : shells).add(ring);
    }
    if (shells.isEmpty()) {
      shells.addAll(holes);
      holes.clear();
    }
    List<List<LinearRing>> holesOfShell = new ArrayList<>();
    shells.forEach(s -> holesOfShell.add(new ArrayList<>()));
    for (LinearRing hole : holes) {
      int shell = enclosingShell(hole, shells);
      if (shell < 0) {
        shells.add(hole);
        holesOfShell.add(new ArrayList<>());
      } else {
        holesOfShell.get(shell).add(hole);
      }
    }
    Polygon[] polygons = new Polygon[shells.size()];
    for (int i = 0; i < polygons.length; i++) {
      polygons[i] =
          factory.createPolygon(shells.get(i), holesOfShell.get(i).toArray(LinearRing[]::new));
    }
    return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
  }

  private static int enclosingShell(LinearRing hole, List<LinearRing> shells) {
    int best = -1;
    double bestArea = Double.POSITIVE_INFINITY;
    for (int i = 0; i < shells.size(); i++) {
      LinearRing shell = shells.get(i);
      if (!shell.getEnvelopeInternal().covers(hole.getEnvelopeInternal())) {
        continue;
      }
      Coordinate[] shellPoints = shell.getCoordinates();
      double area = Math.abs(Area.ofRingSigned(shellPoints));
      if (area < bestArea && inside(hole, shellPoints)) {
        best = i;
        bestArea = area;
      }
    }
    return best;
  }

  /**
   * Decided by the first hole vertex not on the shell's boundary; a hole touching the shell at more
   * than a few vertices is taken as inside, which bounds the work on hostile input.
   */
  private static boolean inside(LinearRing hole, Coordinate[] shell) {
    Coordinate[] points = hole.getCoordinates();
    for (int i = 0; i < Math.min(points.length, MAX_PROBES); i++) {
      int location = PointLocation.locateInRing(points[i], shell);
      if (location != Location.BOUNDARY) {
        return location == Location.INTERIOR;
      }
    }
    return true;
  }

  private static SpatialImportException corrupt(String detail) {
    return new SpatialImportException(CORRUPT_SHAPEFILE, detail);
  }
}
