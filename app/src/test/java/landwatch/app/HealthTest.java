package landwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthTest {

  @Autowired TestRestTemplate http;

  @Test
  void healthIsUpWithTheDatabaseAndTheEngineConnection() {
    ResponseEntity<JsonNode> response = http.getForEntity("/actuator/health", JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = response.getBody();
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    assertThat(body.at("/components/engine/status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/engine/details/mode").asText()).isEqualTo("embedded");
    assertThat(body.at("/components/engine/details/brokers").asInt()).isEqualTo(1);
  }
}
