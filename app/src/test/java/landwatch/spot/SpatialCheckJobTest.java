package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import landwatch.app.TestUsers;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spatial.Uploads;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.GeoJsonWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The {@code landwatch.spatial-check} job worker as a process runs it: the application's own
 * worker, activated over REST by the real Camunda client, against the embedded engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpatialCheckJobTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired CamundaClient client;
  TestRestTemplate http;

  @Autowired
  void signInAsAdmin(TestRestTemplate anonymous) {
    http = TestUsers.admin(anonymous);
  }

  @BeforeEach
  void deploy() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/spatial-check-test.bpmn")
        .send()
        .join();
  }

  @Test
  void theWorkerHandsTheFlagsOfAStoredSpotToTheProcess() {
    String code = "JOB-" + System.nanoTime();
    Cgcs2000Crs zone = Cgcs2000Crs.gaussKruger(105, true);
    byte[] batch =
        new GeoJsonWriter(Cgcs2000Crs.geographic())
            .write(
                List.of(
                        KnownShapes.spot(
                            0,
                            code,
                            NingxiaCounty.byCode("640106"),
                            KnownShapes.square(zone, 106.2, 38.5, 100)))
                    .iterator());
    assertThat(Uploads.post(http, "/api/batches", "batch.geojson", batch).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("spatial-check-test")
            .latestVersion()
            .variables(Map.of("spotId", code))
            .withResult()
            .requestTimeout(WAIT)
            .send()
            .join();

    Map<String, Object> variables = result.getVariablesAsMap();
    assertThat(variables)
        .containsKeys(
            "occupiesBasicFarmland",
            "occupiesCultivatedLand",
            "inEcologicalRedLine",
            "outsideUrbanBoundary",
            "coveredByApprovedUse",
            "mandatoryReview",
            "suggestedJudgment")
        .doesNotContainKey("outcome");
    assertThat(((Number) variables.get("spotAreaMu")).doubleValue()).isEqualTo(15.00);
  }

  @Test
  void anUnknownSpotIsABpmnErrorTheModelCatches() {
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("spatial-check-test")
            .latestVersion()
            .variables(Map.of("spotId", "NO-SUCH-SPOT"))
            .withResult()
            .requestTimeout(WAIT)
            .send()
            .join();
    assertThat(result.getVariablesAsMap()).containsEntry("outcome", "not-found");
  }
}
