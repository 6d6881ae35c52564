package landwatch.layer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * One version of one reference layer, its polygons in a packed STR-tree. Immutable once built, so
 * any number of checks may query it while a newer version is being built.
 *
 * <p>Polygons are kept in lon/lat on packed coordinate arrays (one {@code double[]} per ring, no
 * {@code Coordinate} objects, no attributes): about 0.4 KB for a 10-vertex parcel with its tree
 * entry, which is what lets a million cultivated-land parcels fit a 2 GB heap.
 */
public final class LayerIndex {

  private static final GeometryFactory PACKED =
      new GeometryFactory(
          new PrecisionModel(), 4490, PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

  // Query results come back in tree order, which depends on load order; a fixed order keeps
  // floating-point overlay results, and so rounded areas, identical across rebuilds.
  private static final Comparator<Polygon> STABLE_ORDER =
      Comparator.<Polygon>comparingDouble(p -> p.getEnvelopeInternal().getMinX())
          .thenComparingDouble(p -> p.getEnvelopeInternal().getMinY())
          .thenComparingDouble(p -> p.getEnvelopeInternal().getMaxX())
          .thenComparingDouble(p -> p.getEnvelopeInternal().getMaxY())
          .thenComparingInt(Polygon::getNumPoints)
          .thenComparing(Polygon::compareTo);

  /**
   * Polygons this large (red-line areas, urban boundaries: hundreds to many thousands of vertices)
   * carry a {@link PreparedGeometry} as user data, so the many spots near them are tested against
   * an indexed boundary. Parcels stay unprepared: a million small indexes would cost more memory
   * than they save time.
   */
  static final int PREPARED_FROM_POINTS = 128;

  private final LayerClass layerClass;
  private final String version;
  private final STRtree tree;
  private final int polygonCount;

  private LayerIndex(LayerClass layerClass, String version, STRtree tree, int polygonCount) {
    this.layerClass = layerClass;
    this.version = version;
    this.tree = tree;
    this.polygonCount = polygonCount;
  }

  public static Builder builder(LayerClass layerClass, String version) {
    return new Builder(layerClass, version);
  }

  public LayerClass layerClass() {
    return layerClass;
  }

  /** The version label the loader gave, e.g. the survey year; reported with every result. */
  public String version() {
    return version;
  }

  public int polygonCount() {
    return polygonCount;
  }

  /**
   * Polygons whose envelope meets {@code envelope}, in a load-order-independent order. Large ones
   * have their {@link PreparedGeometry} as user data, see {@link #prepared(Polygon)}.
   */
  public List<Polygon> candidates(Envelope envelope) {
    List<Polygon> found = new ArrayList<>();
    tree.query(envelope, item -> found.add((Polygon) item));
    found.sort(STABLE_ORDER);
    return found;
  }

  /** The prepared form of a candidate if it is large enough to have one. */
  public static PreparedGeometry prepared(Polygon candidate) {
    return candidate.getUserData() instanceof PreparedGeometry prepared ? prepared : null;
  }

  /** Collects polygons off to the side; nothing is visible to checks until installed. */
  public static final class Builder {
    private final LayerClass layerClass;
    private final String version;
    private final STRtree tree = new STRtree();
    private int polygonCount;
    private int repairedCount;

    private Builder(LayerClass layerClass, String version) {
      this.layerClass = Objects.requireNonNull(layerClass, "layerClass");
      this.version = Objects.requireNonNull(version, "version");
    }

    /**
     * Adds a lon/lat Polygon or MultiPolygon (parts are indexed one by one, so a sprawling
     * multipart feature does not drag its whole extent into every query). The importer repairs
     * geometries before storing them; one that is invalid anyway is repaired here with {@link
     * GeometryFixer} and counted, because a single bad polygon would otherwise make overlays of
     * every spot near it fail or measure wrongly.
     */
    public Builder add(Geometry lonLat) {
      for (int i = 0; i < lonLat.getNumGeometries(); i++) {
        Geometry part = lonLat.getGeometryN(i);
        if (part instanceof Polygon polygon && !polygon.isEmpty()) {
          if (polygon.isValid()) {
            insert(polygon);
          } else {
            repairedCount++;
            PolygonExtracter.getPolygons(GeometryFixer.fix(polygon))
                .forEach(p -> insert((Polygon) p));
          }
        } else if (part != lonLat) {
          add(part);
        }
      }
      return this;
    }

    /** Polygons that were invalid and repaired while adding. */
    public int repairedCount() {
      return repairedCount;
    }

    private void insert(Polygon polygon) {
      if (polygon.isEmpty()) {
        return;
      }
      Polygon packed = compact(polygon);
      if (packed.getNumPoints() >= PREPARED_FROM_POINTS) {
        packed.setUserData(PreparedGeometryFactory.prepare(packed));
      }
      tree.insert(packed.getEnvelopeInternal(), packed);
      polygonCount++;
    }

    private static Polygon compact(Polygon polygon) {
      LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
      for (int i = 0; i < holes.length; i++) {
        holes[i] = compact(polygon.getInteriorRingN(i));
      }
      return PACKED.createPolygon(compact(polygon.getExteriorRing()), holes);
    }

    /** x/y only: readers hand over 3-D sequences, and a z never used would cost a third more. */
    private static LinearRing compact(LinearRing ring) {
      CoordinateSequence source = ring.getCoordinateSequence();
      double[] xy = new double[source.size() * 2];
      for (int i = 0; i < source.size(); i++) {
        xy[2 * i] = source.getX(i);
        xy[2 * i + 1] = source.getY(i);
      }
      return PACKED.createLinearRing(new PackedCoordinateSequence.Double(xy, 2, 0));
    }

    public LayerIndex build() {
      tree.build();
      return new LayerIndex(layerClass, version, tree, polygonCount);
    }
  }
}
