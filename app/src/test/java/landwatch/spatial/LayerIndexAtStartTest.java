package landwatch.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import landwatch.LandwatchApplication;
import landwatch.app.TestUsers;
import landwatch.fixtures.FixtureGenerator;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.layer.LayerClass;
import landwatch.layer.ReferenceLayers;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import landwatch.spatial.io.ShapefileZipWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/** The layer index is rebuilt from the database when the application starts again. */
class LayerIndexAtStartTest {

  private static final Cgcs2000Crs ZONE_36 = Cgcs2000Crs.gaussKruger(108, false);

  @TempDir Path dataDir;

  @Test
  void aRestartedApplicationChecksAgainstTheLayersImportedBefore() {
    double lon = 106.9;
    double lat = 35.9;
    Geometry redLine = KnownShapes.rectangle(ZONE_36, lon, lat, -500, -500, 500, 0);
    try (ConfigurableApplicationContext first = start()) {
      TestRestTemplate http = http(first);
      byte[] layer =
          new ShapefileZipWriter(ZONE_36, StandardCharsets.UTF_8, true)
              .write(
                  "sthx",
                  FixtureGenerator.LAYER_FIELDS,
                  List.of(
                          new Feature(
                              0, redLine, Map.<String, Object>of("BSM", 1, "DLMC", "生态保护红线")))
                      .iterator());
      assertThat(
              Uploads.post(http, "/api/layers/ECOLOGICAL_REDLINE?year=2023", "sthx.zip", layer)
                  .getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
    }

    try (ConfigurableApplicationContext second = start()) {
      assertThat(second.getBean(ReferenceLayers.class).snapshot().versions())
          .containsKey(LayerClass.ECOLOGICAL_REDLINE);
      TestRestTemplate http = http(second);
      Feature spot =
          KnownShapes.spot(
              0,
              "RESTART-1",
              NingxiaCounty.byCode("640402"),
              KnownShapes.square(ZONE_36, lon, lat, 100));
      byte[] batch = new GeoJsonWriter(Cgcs2000Crs.geographic()).write(List.of(spot).iterator());
      assertThat(Uploads.post(http, "/api/batches", "b.geojson", batch).getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
      JsonNode spatial = http.getForObject("/api/spots/RESTART-1/spatial", JsonNode.class);
      assertThat(spatial.at("/overlaps/ECOLOGICAL_REDLINE/areaMu").decimalValue())
          .isEqualByComparingTo("7.50");
      assertThat(spatial.at("/flags/inEcologicalRedLine").asBoolean()).isTrue();
      assertThat(spatial.path("mandatoryReview").asBoolean()).isTrue();
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(LandwatchApplication.class)
        .run("--server.port=0", "--landwatch.data-dir=" + dataDir);
  }

  private static TestRestTemplate http(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return TestUsers.admin(
        new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)));
  }
}
