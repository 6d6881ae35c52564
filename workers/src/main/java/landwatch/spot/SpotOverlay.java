package landwatch.spot;

import java.util.ArrayList;
import java.util.List;
import landwatch.layer.LayerIndex;
import landwatch.spatial.EllipsoidalArea;
import landwatch.spatial.GaussKrugerZone;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * One spot being overlaid: its geometry prepared once, its Gauss-Krüger zone fixed once, so every
 * area of this spot and its parts is measured the same way.
 */
final class SpotOverlay {

  private final Geometry spot;
  private final PreparedGeometry prepared;
  private final GaussKrugerZone zone;
  private final double squareMetres;

  SpotOverlay(Geometry lonLat) {
    // The importer repairs geometries; a spot arriving invalid anyway is repaired the same way
    // rather than failing the overlay.
    this.spot = polygonal(lonLat.isValid() ? lonLat : GeometryFixer.fix(lonLat));
    if (spot.isEmpty()) {
      throw new IllegalArgumentException("spot geometry has no area");
    }
    this.prepared = PreparedGeometryFactory.prepare(spot);
    // Envelope centre rather than centroid: cheaper, and with the scale-factor correction in
    // EllipsoidalArea the figures do not depend on which of two neighbouring zones is used.
    this.zone = GaussKrugerZone.forLongitude(spot.getEnvelopeInternal().centre().x);
    this.squareMetres = EllipsoidalArea.squareMetres(spot, zone);
  }

  double squareMetres() {
    return squareMetres;
  }

  double squareMetres(Geometry part) {
    return part == spot ? squareMetres : EllipsoidalArea.squareMetres(part, zone);
  }

  Geometry nothing() {
    return spot.getFactory().createPolygon();
  }

  /**
   * The part of the spot inside any polygon of the layer. Overlapping layer polygons are dissolved,
   * so a piece covered twice counts once.
   */
  Geometry overlapWith(LayerIndex layer) {
    List<Geometry> pieces = new ArrayList<>();
    for (Polygon candidate : layer.candidates(spot.getEnvelopeInternal())) {
      PreparedGeometry preparedCandidate = LayerIndex.prepared(candidate);
      if (preparedCandidate != null) {
        if (preparedCandidate.covers(spot)) {
          return spot;
        }
        if (!preparedCandidate.intersects(spot)) {
          continue;
        }
      } else {
        if (!prepared.intersects(candidate)) {
          continue;
        }
        if (candidate.getEnvelopeInternal().covers(spot.getEnvelopeInternal())
            && candidate.covers(spot)) {
          return spot;
        }
      }
      if (prepared.containsProperly(candidate)) {
        pieces.add(candidate);
      } else {
        Geometry piece =
            polygonal(OverlayNGRobust.overlay(spot, candidate, OverlayNG.INTERSECTION));
        if (!piece.isEmpty()) {
          pieces.add(piece);
        }
      }
    }
    return union(pieces.toArray(Geometry[]::new));
  }

  /** Union of parts of this spot (from different layers, or pieces of one layer). */
  Geometry union(Geometry... parts) {
    List<Geometry> nonEmpty = new ArrayList<>();
    for (Geometry part : parts) {
      if (part == spot) {
        return spot;
      }
      if (!part.isEmpty()) {
        nonEmpty.add(part);
      }
    }
    if (nonEmpty.isEmpty()) {
      return nothing();
    }
    if (nonEmpty.size() == 1) {
      return nonEmpty.get(0);
    }
    return polygonal(OverlayNGRobust.union(spot.getFactory().buildGeometry(nonEmpty)));
  }

  /** Drops the lines and points an intersection of touching polygons may leave. */
  private Geometry polygonal(Geometry geometry) {
    if (geometry instanceof Polygon) {
      return geometry;
    }
    List<Polygon> polygons = new ArrayList<>();
    PolygonExtracter.getPolygons(geometry, polygons);
    return geometry.getFactory().buildGeometry(polygons);
  }
}
