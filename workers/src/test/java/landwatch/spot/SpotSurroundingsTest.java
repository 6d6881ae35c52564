package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import landwatch.layer.LayerClass;
import landwatch.layer.ReferenceLayers;
import landwatch.spatial.EllipsoidalArea;
import landwatch.spatial.PlaneShapes;
import landwatch.spatial.io.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

class SpotSurroundingsTest {

  private static final double E = 500_000;
  private static final double N = 4_150_000;

  private final PlaneShapes plane = new PlaneShapes(105);
  private final ReferenceLayers layers = new ReferenceLayers();
  private final Polygon spot = plane.rectangle(E, N, 100, 100);

  @Test
  void theSpotComesFirstThenPerLayerItsOverlapAndTheNearbyPolygons() {
    layers.replace(
        LayerClass.BASIC_FARMLAND, "2022", List.of(plane.rectangle(E + 50, N - 20, 400, 300)));
    layers.replace(
        LayerClass.CULTIVATED_LAND, "2022", List.of(plane.rectangle(E + 150, N, 50, 50)));

    List<Feature> features = SpotSurroundings.around("640104-1", spot, layers.snapshot());

    assertThat(features)
        .extracting(f -> f.attributes().get("kind") + " " + f.attributes().get("layer"))
        .containsExactly(
            "spot null", "overlap BASIC_FARMLAND", "layer BASIC_FARMLAND", "layer CULTIVATED_LAND");
    assertThat(features.get(0).attributes()).containsEntry("monitoringCode", "640104-1");
    assertThat(features.get(1).attributes()).containsEntry("layerName", "永久基本农田");
    assertThat(EllipsoidalArea.squareMetres(features.get(1).geometry()))
        .isCloseTo(EllipsoidalArea.squareMetres(spot) / 2, within(1.0));
  }

  @Test
  void aLayerPolygonSpanningTheCountyIsCutToTheView() {
    Polygon county = plane.rectangle(E - 20_000, N - 20_000, 40_000, 40_000);
    layers.replace(LayerClass.URBAN_BOUNDARY, "2023", List.of(county));

    List<Feature> features = SpotSurroundings.around("640104-1", spot, layers.snapshot());

    Envelope view = SpotSurroundings.view(spot.getEnvelopeInternal());
    Feature layer = features.get(features.size() - 1);
    assertThat(layer.attributes()).containsEntry("kind", "layer");
    assertThat(view.covers(layer.geometry().getEnvelopeInternal())).isTrue();
    assertThat(layer.geometry().getEnvelopeInternal()).isEqualTo(view);
    // spot inside the boundary entirely: its overlap is the spot itself
    assertThat(features.get(1).geometry().equalsTopo(spot)).isTrue();
  }

  @Test
  void aTinySpotStillShowsAboutAHundredMetresAround() {
    Polygon tiny = plane.rectangle(E, N, 2, 2);

    Envelope view = SpotSurroundings.view(tiny.getEnvelopeInternal());

    assertThat(view.getWidth()).isGreaterThan(0.002);
  }

  @Test
  void aCrowdedLayerIsCappedPerClass() {
    List<Polygon> parcels = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 30; j++) {
        parcels.add(plane.rectangle(E - 100 + i * 10, N - 100 + j * 10, 8, 8));
      }
    }
    layers.replace(LayerClass.CULTIVATED_LAND, "2022", parcels);

    List<Feature> features = SpotSurroundings.around("640104-1", spot, layers.snapshot());

    assertThat(features.stream().filter(f -> "layer".equals(f.attributes().get("kind"))))
        .hasSize(SpotSurroundings.MAX_POLYGONS_PER_LAYER);
    assertThat(features.stream().filter(f -> "overlap".equals(f.attributes().get("kind"))))
        .hasSize(1);
  }

  @Test
  void noLayersLoadedShowsTheSpotAlone() {
    assertThat(SpotSurroundings.around("640104-1", spot, layers.snapshot())).hasSize(1);
  }
}
