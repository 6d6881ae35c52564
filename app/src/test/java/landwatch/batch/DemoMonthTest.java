package landwatch.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import landwatch.region.RegionService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile's synthetic month: a first start imports one batch of this month with spots in
 * every county-level unit, whose officers then find their verify tasks; starting again adds none.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "landwatch.demo.spots-per-county=2")
@ActiveProfiles("demo")
class DemoMonthTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired RegionService regions;
  @Autowired DemoMonth demoMonth;
  @Autowired TestRestTemplate anonymous;

  @Test
  void aFirstStartIssuesThisMonthsSpotsToEveryCountyAndTheirOfficersGetTasks() {
    long counties = regions.all().stream().filter(r -> regions.isCountyLevel(r.code())).count();
    List<Map<String, Object>> batches =
        jdbc.queryForList("SELECT id, imported_by, issued_month FROM batch");
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).containsEntry("imported_by", "demo");
    assertThat(String.valueOf(batches.get(0).get("issued_month")))
        .startsWith(YearMonth.now(ZoneId.of("Asia/Shanghai")).toString());
    List<Map<String, Object>> perCounty =
        jdbc.queryForList("SELECT region_code, count(*) AS n FROM spot GROUP BY region_code");
    assertThat(perCounty).hasSize((int) counties);
    assertThat(perCounty).allSatisfy(row -> assertThat(row.get("n")).isEqualTo(2L));

    Awaitility.await("verify tasks of 兴庆区")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                anonymous
                    .withBasicAuth("officer-640104", "landwatch-demo")
                    .getForObject("/api/tasks?kind=verify", JsonNode.class)
                    .get("total")
                    .asLong(),
            total -> total == 2);

    demoMonth.issue();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM batch", Long.class))
        .as("a start with a batch imports none")
        .isEqualTo(1);
  }
}
