package landwatch.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

class ReferenceLayersTest {

  private static final GeometryFactory LON_LAT = new GeometryFactory();

  private static Polygon cell(double west, double south, double size) {
    return LON_LAT.createPolygon(
        new Coordinate[] {
          new Coordinate(west, south, 1200), new Coordinate(west + size, south, 1200),
          new Coordinate(west + size, south + size, 1200), new Coordinate(west, south + size, 1200),
          new Coordinate(west, south, 1200)
        });
  }

  @Test
  void snapshotTakenBeforeAReplacementKeepsTheOldVersion() {
    ReferenceLayers layers = new ReferenceLayers();
    layers.replace(LayerClass.CULTIVATED_LAND, "2021", List.of(cell(106.0, 37.0, 0.001)));
    ReferenceLayers.Snapshot during = layers.snapshot();

    assertThat(
            layers.replace(LayerClass.CULTIVATED_LAND, "2022", List.of(cell(106.1, 37.1, 0.001))))
        .contains("2021");

    assertThat(during.layer(LayerClass.CULTIVATED_LAND).orElseThrow().version()).isEqualTo("2021");
    assertThat(layers.snapshot().layer(LayerClass.CULTIVATED_LAND).orElseThrow().version())
        .isEqualTo("2022");
    assertThat(layers.snapshot().layer(LayerClass.BASIC_FARMLAND)).isEmpty();
  }

  @Test
  void replacingOneClassLeavesTheOthers() {
    ReferenceLayers layers = new ReferenceLayers();
    layers.replace(LayerClass.BASIC_FARMLAND, "2022", List.of(cell(106.0, 37.0, 0.01)));
    layers.replace(LayerClass.CULTIVATED_LAND, "2022", List.of(cell(106.0, 37.0, 0.01)));
    layers.replace(LayerClass.CULTIVATED_LAND, "2023", List.of());

    assertThat(layers.snapshot().versions())
        .containsEntry(LayerClass.BASIC_FARMLAND, "2022")
        .containsEntry(LayerClass.CULTIVATED_LAND, "2023")
        .hasSize(2);
  }

  @Test
  void multiPolygonPartsAreIndexedSeparatelyOnCompactTwoDimensionalStorage() {
    Geometry two =
        LON_LAT.createMultiPolygon(
            new Polygon[] {cell(106.0, 37.0, 0.001), cell(106.5, 37.5, 0.001)});

    LayerIndex index = LayerIndex.builder(LayerClass.APPROVED_LAND, "2023").add(two).build();

    assertThat(index.polygonCount()).isEqualTo(2);
    List<Polygon> near = index.candidates(new Envelope(106.0, 106.0005, 37.0, 37.0005));
    assertThat(near).hasSize(1);
    assertThat(near.get(0).getExteriorRing().getCoordinateSequence())
        .isInstanceOf(PackedCoordinateSequence.Double.class)
        .satisfies(sequence -> assertThat(sequence.getDimension()).isEqualTo(2));
    assertThat(near.get(0).getSRID()).isEqualTo(4490);
    assertThat(LayerIndex.prepared(near.get(0))).isNull();
  }

  @Test
  void largePolygonsArePreparedOnce() {
    Coordinate[] ring = new Coordinate[LayerIndex.PREPARED_FROM_POINTS + 1];
    for (int i = 0; i < LayerIndex.PREPARED_FROM_POINTS; i++) {
      double angle = 2 * Math.PI * i / LayerIndex.PREPARED_FROM_POINTS;
      ring[i] = new Coordinate(106 + 0.1 * Math.cos(angle), 37 + 0.1 * Math.sin(angle));
    }
    ring[LayerIndex.PREPARED_FROM_POINTS] = ring[0];

    LayerIndex index =
        LayerIndex.builder(LayerClass.ECOLOGICAL_REDLINE, "2022")
            .add(LON_LAT.createPolygon(ring))
            .build();

    Polygon stored = index.candidates(new Envelope(106, 106, 37, 37)).get(0);
    assertThat(LayerIndex.prepared(stored))
        .isNotNull()
        .satisfies(p -> assertThat(p.getGeometry()).isSameAs(stored));
  }

  @Test
  void invalidPolygonIsRepairedAndCounted() {
    Polygon bowTie =
        LON_LAT.createPolygon(
            new Coordinate[] {
              new Coordinate(106.0, 37.0),
              new Coordinate(106.01, 37.01),
              new Coordinate(106.01, 37.0),
              new Coordinate(106.0, 37.01),
              new Coordinate(106.0, 37.0)
            });
    LayerIndex.Builder builder =
        LayerIndex.builder(LayerClass.ECOLOGICAL_REDLINE, "2022").add(bowTie);

    LayerIndex index = builder.build();

    assertThat(builder.repairedCount()).isEqualTo(1);
    assertThat(index.polygonCount()).isEqualTo(2);
    assertThat(index.candidates(new Envelope(105, 107, 36, 38))).allMatch(Geometry::isValid);
  }

  @Test
  void readersNeverSeeAHalfBuiltLayerWhileVersionsAreReplaced() throws Exception {
    ReferenceLayers layers = new ReferenceLayers();
    int parcels = 2_000;
    layers.replace(LayerClass.CULTIVATED_LAND, "v0", grid(parcels));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch replaced = new CountDownLatch(1);
    try {
      Future<List<String>> reader =
          pool.submit(
              () -> {
                List<String> inconsistent = new ArrayList<>();
                while (replaced.getCount() > 0) {
                  LayerIndex index =
                      layers.snapshot().layer(LayerClass.CULTIVATED_LAND).orElseThrow();
                  int found = index.candidates(new Envelope(100, 110, 30, 40)).size();
                  if (found != parcels || index.polygonCount() != parcels) {
                    inconsistent.add(index.version() + ": " + found);
                  }
                }
                return inconsistent;
              });
      for (int version = 1; version <= 20; version++) {
        layers.replace(LayerClass.CULTIVATED_LAND, "v" + version, grid(parcels));
      }
      replaced.countDown();
      assertThat(reader.get(30, TimeUnit.SECONDS)).isEmpty();
      assertThat(layers.snapshot().versions()).containsEntry(LayerClass.CULTIVATED_LAND, "v20");
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Polygon> grid(int count) {
    List<Polygon> cells = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      cells.add(cell(106.0 + (i % 50) * 0.001, 37.0 + (i / 50) * 0.001, 0.0009));
    }
    return cells;
  }
}
