package landwatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import landwatch.fixtures.FixtureGenerator;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import landwatch.spatial.io.ImportError;
import landwatch.spatial.io.ImportLimits;
import landwatch.spatial.io.ProvinceExtent;
import landwatch.spatial.io.ShapefileZipWriter;
import landwatch.spatial.io.SpatialFileReader;
import org.junit.jupiter.api.Test;

/** From file bytes to validated spots, as the import endpoint will run it. */
class SpotBatchImportTest {

  private static final Set<String> REGIONS =
      Arrays.stream(NingxiaCounty.values()).map(NingxiaCounty::code).collect(Collectors.toSet());
  private static final List<Feature> BATCH =
      new FixtureGenerator(23).spotBatch(YearMonth.of(2023, 6), 46);

  private final SpatialFileReader reader = new SpatialFileReader(ImportLimits.defaults());
  private final SpotBatchValidator validator =
      new SpotBatchValidator(
          AttributeMapping.defaults(), ProvinceExtent.NINGXIA, REGIONS::contains, code -> false);

  @Test
  void gbkShapefileInAGaussKrugerZoneWithoutCpg() {
    byte[] zip =
        new ShapefileZipWriter(Cgcs2000Crs.gaussKruger(105, true), Charset.forName("GBK"), false)
            .write("宁夏2023年6月", FixtureGenerator.SPOT_FIELDS, BATCH.iterator());

    assertSameSpots(validator.validate(reader.read(zip)));
  }

  @Test
  void geoJsonWithDatesAsText() {
    byte[] json = new GeoJsonWriter(Cgcs2000Crs.geographic()).write(BATCH.iterator());

    assertSameSpots(validator.validate(reader.read(json)));
  }

  @Test
  void aRefusedFileIsARejectedBatchWithOneEntry() {
    SpotBatchImporter importer = new SpotBatchImporter(reader, validator);

    BatchValidation result =
        importer.importBatch(
            new ByteArrayInputStream("not a spatial file".getBytes(StandardCharsets.UTF_8)));

    assertThat(result.spots()).isEmpty();
    assertThat(result.errors())
        .containsExactly(
            new ImportError(
                -1,
                null,
                null,
                "无法识别的文件格式（应为 Shapefile 压缩包或 GeoJSON）",
                "unrecognised format (expected a zipped Shapefile or GeoJSON)"));
  }

  @Test
  void importsFromTheUploadStream() {
    byte[] json = new GeoJsonWriter(Cgcs2000Crs.geographic()).write(BATCH.iterator());

    assertSameSpots(
        new SpotBatchImporter(reader, validator).importBatch(new ByteArrayInputStream(json)));
  }

  private static void assertSameSpots(BatchValidation result) {
    assertThat(result.errors()).isEmpty();
    assertThat(result.spots()).hasSize(BATCH.size());
    for (int i = 0; i < BATCH.size(); i++) {
      IssuedSpot spot = result.spots().get(i);
      Feature source = BATCH.get(i);
      assertThat(spot.monitoringCode()).isEqualTo(source.attributes().get("JCBH"));
      assertThat(spot.regionCode()).isEqualTo(source.attributes().get("XZQDM"));
      assertThat(spot.changeType()).isEqualTo(source.attributes().get("BHLX"));
      assertThat(spot.imageryBefore()).isEqualTo(source.attributes().get("QSX"));
      assertThat(spot.imageryAfter()).isEqualTo(source.attributes().get("HSX"));
      assertThat(spot.reportedArea())
          .isEqualByComparingTo((BigDecimal) source.attributes().get("TBMJ"));
      assertThat(spot.attributes().get("XZQMC")).isEqualTo(source.attributes().get("XZQMC"));
      assertThat(spot.geometry().norm().equalsExact(source.geometry().norm(), 1e-7)).isTrue();
    }
  }
}
