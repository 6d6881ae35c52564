package landwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Tests switch metrics export off unless asked: this one checks it, so it asks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class HealthTest {

  @Autowired TestRestTemplate anonymous;

  @Test
  void strangersLearnOnlyThatTheApplicationIsUp() {
    ResponseEntity<JsonNode> response = anonymous.getForEntity("/actuator/health", JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
    assertThat(response.getBody().has("components")).isFalse();
    assertThat(response.getBody().has("details")).isFalse();
  }

  @Test
  void healthIsUpWithTheDatabaseAndTheEngineConnection() {
    ResponseEntity<JsonNode> response =
        TestUsers.admin(anonymous).getForEntity("/actuator/health", JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = response.getBody();
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    assertThat(body.at("/components/engine/status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/engine/details/mode").asText()).isEqualTo("embedded");
    assertThat(body.at("/components/engine/details/brokers").asInt()).isEqualTo(1);
  }

  @Test
  void metricsAreForAdminsOnly() {
    assertThat(anonymous.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> metrics =
        TestUsers.admin(anonymous).getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(metrics.getBody())
        .contains("jvm_memory_used_bytes")
        .contains("http_server_requests");
  }
}
