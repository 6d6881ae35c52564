package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Zeebe's management contract as Camunda Process Test calls it (no credentials, as it sends none):
 * the clock on {@code /actuator/clock}, the purge on {@code /actuator/cluster/purge}, its change id
 * in the topology. An engine of its own, since a purge empties the database.
 */
class ManagementEndpointsTest extends EngineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws SQLException {
    String jdbcUrl = TestPostgres.newDatabase("management");
    registry.add("engine.test.jdbc-url", () -> jdbcUrl);
    registry.add("landwatch.engine.testing.management-endpoints", () -> "true");
  }

  private HttpResponse<String> call(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }

  private long clockMillis() {
    JsonNode clock = json(call("GET", "/actuator/clock", null));
    assertThat(Instant.parse(clock.path("instant").asText()).toEpochMilli())
        .isEqualTo(clock.path("epochMilli").asLong());
    return clock.path("epochMilli").asLong();
  }

  @Test
  void addingToTheClockFiresTheTimersItMakesDueAndResettingReturnsToTheSystemClock() {
    String id = uniqueId("clock");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H"))
            .serviceTask("after", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long before = clockMillis();
    long instance = start(id);

    JsonNode added = json(call("POST", "/actuator/clock/add", "{\"offsetMilli\":3600000}"));

    assertThat(added.path("epochMilli").asLong()).isGreaterThanOrEqualTo(before + 3_600_000);
    assertThat(clockMillis()).isEqualTo(added.path("epochMilli").asLong());
    assertThat(activateOne(id).getProcessInstanceKey()).isEqualTo(instance);
    json(call("DELETE", "/actuator/clock", null));
    assertThat(clockMillis()).isLessThan(before + 3_600_000);
  }

  @Test
  void aBadOffsetIsRefusedAndLeavesTheClock() {
    long pinned = System.currentTimeMillis() - 60_000;
    pinClock(pinned);

    HttpResponse<String> refused = call("POST", "/actuator/clock/add", "{\"offsetMilli\":\"x\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(RawApi.assertCleanProblem(refused).path("detail").asText()).contains("offsetMilli");
    assertThat(clockMillis()).isEqualTo(pinned);
  }

  @Test
  void aPurgeEmptiesTheEngineAndTheTopologyReportsItsChangeAsCompleted() {
    String id = uniqueId("purged");
    long definition =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("task", t -> t.zeebeJobType(id))
                .endEvent()
                .done());
    long instance = start(id);

    HttpResponse<String> purged = call("POST", "/actuator/cluster/purge", null);

    assertThat(purged.statusCode()).isEqualTo(202);
    long changeId = json(purged).path("changeId").asLong();
    JsonNode topology = json(call("GET", "/v2/topology", null));
    assertThat(topology.path("lastCompletedChangeId").asText()).isEqualTo(String.valueOf(changeId));
    assertThatThrownBy(() -> client.newProcessInstanceGetRequest(instance).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
    assertThatThrownBy(() -> client.newProcessDefinitionGetRequest(definition).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
    assertThat(client.newProcessDefinitionSearchRequest().send().join().items()).isEmpty();
    assertThat(activate(id, 10)).isEmpty();

    // the engine goes on, its keys past the purge's
    long redeployed =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("task", t -> t.zeebeJobType(id))
                .endEvent()
                .done());
    assertThat(redeployed).isGreaterThan(changeId);
    start(id);
    completeJob(id, Map.of());
    assertThat(json(call("POST", "/actuator/cluster/purge", null)).path("changeId").asLong())
        .isGreaterThan(changeId);
  }

  @Test
  void theOtherV2EndpointsStillNeedCredentials() {
    assertThat(call("POST", "/v2/process-definitions/search", "{}").statusCode()).isEqualTo(401);
    assertThat(call("GET", "/v2/topology", null).statusCode()).isEqualTo(200);
  }
}
