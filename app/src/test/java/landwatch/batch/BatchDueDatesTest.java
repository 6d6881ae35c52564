package landwatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import landwatch.app.TestUsers;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.review.SamplingSeed;
import landwatch.spatial.Uploads;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A batch is issued with the month's due dates and the seed its review sample is drawn from. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchDueDatesTest {

  private static final Cgcs2000Crs ZONE_35 = Cgcs2000Crs.gaussKruger(105, true);

  TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  private final String prefix = "DUE" + System.nanoTime() % 1_000_000_000L + "-";

  @Autowired
  void signInAsAdmin(TestRestTemplate anonymous) {
    http = TestUsers.admin(anonymous);
  }

  @Test
  void
      aBatchOfNovemberIsDueToTheCountiesOnTheTwentiethAndToTheProvinceOnTheTwentyFifthOfDecember() {
    ResponseEntity<JsonNode> imported = upload("/api/batches?month=2026-11", prefix + "NOV", 38.31);
    assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(201);
    JsonNode batch = imported.getBody();
    assertThat(batch.path("issuedMonth").asText()).isEqualTo("2026-11");
    assertThat(batch.path("countyDue").asText()).isEqualTo("2026-12-20");
    assertThat(batch.path("provinceDue").asText()).isEqualTo("2026-12-25");

    long id = batch.path("batchId").asLong();
    JsonNode summary = http.getForObject("/api/batches/" + id, JsonNode.class);
    assertThat(summary.path("countyDue").asText()).isEqualTo("2026-12-20");
    assertThat(summary.path("provinceDue").asText()).isEqualTo("2026-12-25");
    assertThat(summary.has("samplingSeed")).as("the seed itself is never shown").isFalse();

    String seed =
        jdbc.queryForObject("SELECT sampling_seed FROM batch WHERE id = ?", String.class, id);
    assertThat(SamplingSeed.fromHex(seed).id()).isEqualTo(batch.path("samplingSeedId").asText());
  }

  @Test
  void withoutAMonthTheBatchIsOfTheCurrentMonthInTheDeadlineZoneAndEachBatchHasItsOwnSeed() {
    JsonNode first = upload("/api/batches", prefix + "NOW1", 38.33).getBody();
    JsonNode second = upload("/api/batches", prefix + "NOW2", 38.35).getBody();
    assertThat(first.path("issuedMonth").asText())
        .isEqualTo(YearMonth.now(ZoneId.of("Asia/Shanghai")).toString());
    assertThat(first.path("samplingSeedId").asText())
        .isNotEqualTo(second.path("samplingSeedId").asText());
  }

  @Test
  void aMonthThatIsNoMonthIsRefusedInBothLanguagesAndNothingIsStored() {
    ResponseEntity<JsonNode> refused = upload("/api/batches?month=2026-13", prefix + "BAD", 38.37);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().path("detail").asText()).contains("month", "参数");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM spot WHERE monitoring_code = ?",
                Integer.class,
                prefix + "BAD"))
        .isZero();
  }

  private ResponseEntity<JsonNode> upload(String path, String code, double lat) {
    Feature spot =
        KnownShapes.spot(
            0, code, NingxiaCounty.byCode("640104"), KnownShapes.square(ZONE_35, 106.31, lat, 60));
    return Uploads.post(
        http,
        path,
        "batch.geojson",
        new GeoJsonWriter(Cgcs2000Crs.geographic()).write(List.of(spot).iterator()));
  }
}
