package landwatch.spot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.layer.LayerClass;
import landwatch.layer.LayerIndex;
import landwatch.layer.ReferenceLayers;
import landwatch.spatial.io.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * What an officer sees around a spot on the map: the spot, the part of it inside each reference
 * layer, and the layers' polygons nearby, all in CGCS2000 lon/lat. Layer polygons are cut to the
 * view, because one urban boundary or red-line polygon can span a whole county.
 */
public final class SpotSurroundings {

  /** Margin around the spot, in spot extents: enough to see what the spot sits in. */
  private static final double MARGIN = 1.0;

  /** About 100 m: a spot of a few square metres still shows its neighbourhood. */
  private static final double MIN_MARGIN_DEGREES = 0.001;

  /** Beyond this, a class's nearby polygons are noise at the scale of one spot. */
  static final int MAX_POLYGONS_PER_LAYER = 300;

  private SpotSurroundings() {}

  /**
   * Features with properties {@code kind} ({@code spot}, {@code overlap} or {@code layer}) and,
   * except for the spot, {@code layer} (the class) and {@code layerName}.
   */
  public static List<Feature> around(
      String monitoringCode, Geometry spotLonLat, ReferenceLayers.Snapshot layers) {
    SpotOverlay overlay = new SpotOverlay(spotLonLat);
    Envelope view = view(spotLonLat.getEnvelopeInternal());
    Geometry viewBox = spotLonLat.getFactory().toGeometry(view);
    List<Feature> features = new ArrayList<>();
    Map<String, Object> spot = new LinkedHashMap<>();
    spot.put("kind", "spot");
    spot.put("monitoringCode", monitoringCode);
    features.add(new Feature(0, spotLonLat, spot));
    for (LayerClass layerClass : LayerClass.values()) {
      layers
          .layer(layerClass)
          .ifPresent(
              index -> {
                Geometry overlap = overlay.overlapWith(index);
                if (!overlap.isEmpty()) {
                  features.add(new Feature(features.size(), overlap, layer("overlap", layerClass)));
                }
                nearby(index, view, viewBox)
                    .forEach(
                        polygon ->
                            features.add(
                                new Feature(features.size(), polygon, layer("layer", layerClass))));
              });
    }
    return features;
  }

  static Envelope view(Envelope spot) {
    double margin =
        Math.max(MIN_MARGIN_DEGREES, MARGIN * Math.max(spot.getWidth(), spot.getHeight()));
    Envelope view = new Envelope(spot);
    view.expandBy(margin);
    return view;
  }

  private static List<Geometry> nearby(LayerIndex index, Envelope view, Geometry viewBox) {
    List<Geometry> pieces = new ArrayList<>();
    for (Polygon candidate : index.candidates(view)) {
      if (pieces.size() >= MAX_POLYGONS_PER_LAYER) {
        break;
      }
      Geometry piece =
          view.covers(candidate.getEnvelopeInternal())
              ? candidate
              : OverlayNGRobust.overlay(candidate, viewBox, OverlayNG.INTERSECTION);
      List<Polygon> polygons = new ArrayList<>();
      PolygonExtracter.getPolygons(piece, polygons);
      polygons.stream().filter(p -> !p.isEmpty()).forEach(pieces::add);
    }
    return pieces;
  }

  private static Map<String, Object> layer(String kind, LayerClass layerClass) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("kind", kind);
    properties.put("layer", layerClass.name());
    properties.put("layerName", layerClass.chineseName());
    return properties;
  }
}
