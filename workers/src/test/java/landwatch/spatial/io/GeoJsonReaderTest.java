package landwatch.spatial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import landwatch.fixtures.FixtureGenerator;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spatial.io.SpatialImportException.Refusal;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

class GeoJsonReaderTest {

  private static final List<Feature> SPOTS =
      new FixtureGenerator(11).spotBatch(NingxiaCounty.YANCHI, YearMonth.of(2023, 5), 25);
  private final SpatialFileReader reader = new SpatialFileReader(ImportLimits.defaults());

  @Test
  void readsBackLonLatGeoJson() {
    List<Feature> read =
        reader.read(new GeoJsonWriter(Cgcs2000Crs.geographic()).write(SPOTS.iterator()));

    assertThat(read).hasSameSizeAs(SPOTS);
    for (int i = 0; i < SPOTS.size(); i++) {
      assertThat(read.get(i).geometry().equalsExact(SPOTS.get(i).geometry(), 0)).isTrue();
      assertThat(read.get(i).attributes())
          .containsEntry("JCBH", SPOTS.get(i).attributes().get("JCBH"))
          .containsEntry("XZQMC", "盐池县")
          // GeoJSON has no date type: dates stay text until validation parses them.
          .containsEntry("QSX", SPOTS.get(i).attributes().get("QSX").toString());
      assertThat((BigDecimal) read.get(i).attributes().get("TBMJ"))
          .isEqualByComparingTo((BigDecimal) SPOTS.get(i).attributes().get("TBMJ"));
    }
  }

  @Test
  void reprojectsFromTheNamedGaussKrugerZone() {
    byte[] json = new GeoJsonWriter(Cgcs2000Crs.gaussKruger(108, true)).write(SPOTS.iterator());
    assertThat(new String(json, StandardCharsets.UTF_8)).contains("EPSG::4524");

    List<Feature> read = reader.read(json);

    for (int i = 0; i < SPOTS.size(); i++) {
      assertThat(read.get(i).geometry().equalsExact(SPOTS.get(i).geometry(), 1e-7)).isTrue();
    }
  }

  @Test
  void takesCrsAfterTheFeaturesAndCrs84() {
    String json =
        """
        {"features": [{"type": "Feature", "properties": {"JCBH": "1", "n": 2.5, "ok": true},
          "geometry": {"type": "Point", "coordinates": [35512345.678, 4200000.0]}}],
         "type": "FeatureCollection",
         "crs": {"type": "name", "properties": {"name": "EPSG:4523"}}}""";
    Feature feature = reader.read(json.getBytes(StandardCharsets.UTF_8)).get(0);
    assertThat(feature.geometry()).isInstanceOf(Point.class);
    assertThat(feature.geometry().getCoordinate().x).isCloseTo(105.1404304860, within(1e-7));
    assertThat(feature.attributes())
        .containsEntry("JCBH", "1")
        .containsEntry("ok", true)
        .containsEntry("n", new BigDecimal("2.5"));

    String crs84 =
        """
        {"type": "FeatureCollection", "crs": {"type": "name",
          "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
         "features": [{"type": "Feature", "properties": null, "geometry": null}]}""";
    assertThat(reader.read(crs84.getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .satisfies(f -> assertThat(f.geometry()).isNull());
  }

  @Test
  void refusesMalformedDocumentsAsAWhole() {
    assertRefused("{\"type\": \"Feature\", \"geometry\": null}", Refusal.INVALID_GEOJSON);
    assertRefused("{\"type\": \"FeatureCollection\", \"features\": [", Refusal.INVALID_GEOJSON);
    assertRefused(
        "{\"type\": \"FeatureCollection\", \"features\": [{\"geometry\": "
            + "{\"type\": \"Polygon\", \"coordinates\": [[[1, \"a\"]]]}}]}",
        Refusal.INVALID_GEOJSON);
    assertRefused(
        "{\"type\": \"FeatureCollection\", \"features\": [{\"geometry\": "
            + "{\"type\": \"Circle\", \"coordinates\": []}}]}",
        Refusal.INVALID_GEOJSON);
    assertRefused(
        "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", "
            + "\"properties\": {\"name\": \"EPSG:3857\"}}, \"features\": []}",
        Refusal.UNSUPPORTED_CRS);
    assertRefused("JCBH,XZQDM\n1,640104", Refusal.UNKNOWN_FORMAT);
  }

  @Test
  void parsesDatesOnlyAsText() {
    String json =
        """
        {"type": "FeatureCollection", "features": [{"type": "Feature",
          "properties": {"QSX": "2023-01-05"}, "geometry": null}]}""";
    Object value =
        reader.read(json.getBytes(StandardCharsets.UTF_8)).get(0).attributes().get("QSX");
    assertThat(value).isEqualTo("2023-01-05").isNotInstanceOf(LocalDate.class);
  }

  private void assertRefused(String json, Refusal refusal) {
    assertThatThrownBy(() -> reader.read(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            SpatialImportException.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
  }
}
