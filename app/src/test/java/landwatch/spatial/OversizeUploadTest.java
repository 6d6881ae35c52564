package landwatch.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.app.TestUsers;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The oversize-upload class of {@link BadInputNothingStoredTest}: a configured input limit far
 * below the default, so that a small file is "oversize". A limit of its own means a context of its
 * own; it is closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
    properties = "landwatch.import.limits.max-input-bytes=" + OversizeUploadTest.LIMIT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OversizeUploadTest {

  static final int LIMIT = 4096;
  private static final Cgcs2000Crs ZONE_35 = Cgcs2000Crs.gaussKruger(105, true);
  private static final List<String> TABLES =
      List.of("batch", "spot", "spot_spatial_result", "layer_version", "layer_feature");

  TestRestTemplate http;

  @Autowired
  void signInAsAdmin(TestRestTemplate anonymous) {
    http = TestUsers.admin(anonymous);
  }

  @Autowired JdbcTemplate jdbc;

  private final String prefix = "BIG" + System.nanoTime() % 1_000_000_000L + "-";

  @Test
  void anUploadOverTheConfiguredLimitIsRefusedWhole() {
    List<Feature> spots = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      spots.add(
          KnownShapes.spot(
              i,
              prefix + i,
              NingxiaCounty.XINGQING,
              KnownShapes.square(ZONE_35, 106.40 + i * 0.002, 38.47, 60)));
    }
    byte[] file = new GeoJsonWriter(Cgcs2000Crs.geographic()).write(spots.iterator());
    assertThat(file.length).isGreaterThan(LIMIT);
    Map<String, Long> before = counts();

    ResponseEntity<JsonNode> response = Uploads.post(http, "/api/batches", "big.geojson", file);

    assertThat(response.getStatusCode())
        .as("status, body %s", response.getBody())
        .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode errors = response.getBody().path("errors");
    assertThat(errors).as("errors %s", errors).hasSize(1);
    JsonNode entry = errors.get(0);
    assertThat(entry.path("index").asInt()).isEqualTo(-1);
    assertThat(entry.path("index").isInt()).isTrue();
    assertThat(entry.path("monitoringCode").isNull()).isTrue();
    assertThat(entry.path("field").isNull()).isTrue();
    assertThat(entry.path("reason").asText())
        .contains("文件超过允许的大小", "exceeds the size limit", "> " + LIMIT);
    assertThat(counts()).as("nothing stored").isEqualTo(before);
    for (Feature spot : spots) {
      assertThat(
              http.getForEntity(
                      "/api/spots/" + spot.attributes().get("JCBH") + "/spatial", JsonNode.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  /** The limit does not refuse what is under it: the same kind of file, small enough, is stored. */
  @Test
  void anUploadUnderTheLimitIsStored() {
    Feature spot =
        KnownShapes.spot(
            0,
            prefix + "SMALL",
            NingxiaCounty.XINGQING,
            KnownShapes.square(ZONE_35, 106.45, 38.48, 60));
    byte[] file = new GeoJsonWriter(Cgcs2000Crs.geographic()).write(List.of(spot).iterator());
    assertThat(file.length).isLessThan(LIMIT);

    ResponseEntity<JsonNode> response = Uploads.post(http, "/api/batches", "small.geojson", file);

    assertThat(response.getStatusCode())
        .as("status, body %s", response.getBody())
        .isEqualTo(HttpStatus.CREATED);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("SELECT count(*) FROM landwatch." + table, Long.class));
    }
    return counts;
  }
}
