package landwatch.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import landwatch.fixtures.FixtureGenerator;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.ImportError;
import landwatch.spatial.io.ImportLimits;
import landwatch.spatial.io.ProvinceExtent;
import landwatch.spatial.io.ShapefileZipWriter;
import landwatch.spatial.io.SpatialFileReader;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class LayerValidatorTest {

  private static final GeometryFactory FACTORY = new GeometryFactory();
  private final LayerValidator validator = new LayerValidator(ProvinceExtent.NINGXIA);

  @Test
  void acceptsEveryGeneratedLayerClass() {
    FixtureGenerator generator = new FixtureGenerator(9);
    for (LayerClass layerClass : LayerClass.values()) {
      List<Feature> features = generator.layer(layerClass, 150).toList();

      LayerValidation result = validator.validate(layerClass, features);

      assertThat(result.errors()).as(layerClass.name()).isEmpty();
      assertThat(result.features()).hasSize(150);
      assertThat(result.layerClass()).isEqualTo(layerClass);
    }
  }

  @Test
  void repairsAndKeepsAttributesButIgnoresTheMonitoringRules() {
    Geometry bowtie =
        polygon(106.27, 38.47, 106.28, 38.48, 106.28, 38.47, 106.27, 38.48, 106.27, 38.47);
    List<Feature> features = List.of(new Feature(0, bowtie, Map.of("DLMC", "水浇地")));

    LayerValidation result = validator.validate(LayerClass.CULTIVATED_LAND, features);

    assertThat(result.accepted()).isTrue();
    LayerFeature feature = result.features().get(0);
    assertThat(feature.geometry().isValid()).isTrue();
    assertThat(feature.repairs()).hasSize(1);
    assertThat(feature.attributes()).containsEntry("DLMC", "水浇地");
  }

  @Test
  void rejectsTheWholeLayerListingEachBadFeature() {
    Geometry inYinchuan = polygon(106.27, 38.47, 106.28, 38.47, 106.28, 38.48, 106.27, 38.47);
    Geometry inXian = polygon(108.9, 34.2, 108.91, 34.2, 108.91, 34.21, 108.9, 34.2);
    List<Feature> features =
        List.of(
            new Feature(0, inYinchuan, Map.of()),
            new Feature(1, null, Map.of()),
            new Feature(2, inXian, Map.of()));

    LayerValidation result = validator.validate(LayerClass.BASIC_FARMLAND, features);

    assertThat(result.features()).isEmpty();
    assertThat(result.errors())
        .extracting(
            ImportError::index,
            ImportError::monitoringCode,
            ImportError::field,
            ImportError::reasonEnglish)
        .containsExactly(
            tuple(1, null, "geometry", "geometry is empty"),
            tuple(
                2,
                null,
                "geometry",
                "coordinates outside the province extent [108.900000, 34.200000] – "
                    + "[108.910000, 34.210000] (wrong CRS or swapped axes?)"));
  }

  @Test
  void importsAZippedLayerAndReportsARefusedOne() {
    byte[] zip =
        new ShapefileZipWriter(Cgcs2000Crs.gaussKruger(108, false), StandardCharsets.UTF_8, true)
            .write(
                "耕地2023",
                FixtureGenerator.LAYER_FIELDS,
                new FixtureGenerator(3).layerIterator(LayerClass.CULTIVATED_LAND, 500));
    LayerImporter importer =
        new LayerImporter(new SpatialFileReader(ImportLimits.defaults()), validator);

    LayerValidation imported =
        importer.importLayer(LayerClass.CULTIVATED_LAND, new ByteArrayInputStream(zip));
    assertThat(imported.features()).hasSize(500);
    assertThat(imported.features().get(0).attributes()).containsKey("DLMC");

    LayerValidation refused =
        importer.importLayer(
            LayerClass.CULTIVATED_LAND, new ByteArrayInputStream(Arrays.copyOf(zip, 1000)));
    assertThat(refused.errors())
        .extracting(ImportError::index, ImportError::reasonChinese)
        .containsExactly(tuple(-1, "压缩包已损坏或不完整：no end of central directory (truncated?)"));
  }

  @Test
  void anEmptyLayerIsRejected() {
    assertThat(validator.validate(LayerClass.MINING_RIGHTS, List.of()).errors())
        .extracting(ImportError::reasonChinese)
        .containsExactly("图层中没有要素");
  }

  private static Geometry polygon(double... xy) {
    Coordinate[] ring = new Coordinate[xy.length / 2];
    for (int i = 0; i < ring.length; i++) {
      ring[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    return FACTORY.createPolygon(ring);
  }
}
