package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.Deployment;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring SDK as the Landwatch app uses it: {@code @Deployment} at start and {@code @JobWorker}
 * beans, with the client configured only by properties (REST, basic auth set by the engine's
 * environment post-processor). The engine gets a database of its own.
 */
@SpringBootTest(
    classes = {EngineTestApplication.class, SpringSdkJobWorkerTest.Workers.class},
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SpringSdkJobWorkerTest {

  private static final int PORT = freePort();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws SQLException {
    String jdbcUrl = TestPostgres.newDatabase("sdk");
    registry.add("engine.test.jdbc-url", () -> jdbcUrl);
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.enabled", () -> true);
    registry.add("camunda.client.mode", () -> "self-managed");
    registry.add("camunda.client.prefer-rest-over-grpc", () -> true);
    registry.add("camunda.client.rest-address", () -> "http://127.0.0.1:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://127.0.0.1:1");
    registry.add("camunda.client.worker.defaults.poll-interval", () -> "PT0.05S");
  }

  @TestConfiguration
  @Deployment(resources = "classpath:bpmn/sdk-check.bpmn")
  public static class Workers {

    @JobWorker(type = "landwatch.sdk-check")
    public Map<String, Object> check(@Variable("spot") String spot) {
      return Map.of("verdict", spot.startsWith("640") ? "inside-ningxia" : "elsewhere");
    }
  }

  @Autowired CamundaClient client;

  @Test
  void aJobWorkerBeanCompletesTheProcessDeployedByAnnotation() {
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("sdk-check")
            .latestVersion()
            .variables(Map.of("spot", "640104-17"))
            .withResult()
            .requestTimeout(Duration.ofSeconds(30))
            .send()
            .join();
    assertThat(result.getVariablesAsMap()).containsEntry("verdict", "inside-ningxia");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
