package landwatch.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import landwatch.LandwatchApplication;
import landwatch.app.TestUsers;
import landwatch.engine.topology.TopologyController;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code landwatch.engine=remote}: no engine runs in this application, and its Camunda client goes
 * where {@code camunda.client.*} says. A second Landwatch with the embedded engine, started here,
 * plays the Camunda 8 cluster.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RemoteEngineModeTest {

  private static final String USERNAME = "landwatch-remote";
  private static final String PASSWORD = "cluster-secret";

  @TempDir static Path clusterDataDir;
  @TempDir static Path ownDataDir;
  static ConfigurableApplicationContext cluster;
  static int clusterPort;

  @DynamicPropertySource
  static void pointAtTheCluster(DynamicPropertyRegistry registry) {
    cluster =
        new SpringApplicationBuilder(LandwatchApplication.class)
            .run(
                "--server.port=0",
                "--landwatch.data-dir=" + clusterDataDir,
                "--landwatch.engine.api.username=" + USERNAME,
                "--landwatch.engine.api.password=" + PASSWORD);
    clusterPort = ((WebServerApplicationContext) cluster).getWebServer().getPort();
    registry.add("landwatch.data-dir", ownDataDir::toString);
    registry.add("landwatch.engine", () -> "remote");
    registry.add("camunda.client.rest-address", () -> "http://127.0.0.1:" + clusterPort);
    registry.add("camunda.client.auth.method", () -> "basic");
    registry.add("camunda.client.auth.username", () -> USERNAME);
    registry.add("camunda.client.auth.password", () -> PASSWORD);
  }

  @AfterAll
  static void stopTheCluster() {
    cluster.close();
  }

  @Autowired ApplicationContext context;
  TestRestTemplate http;

  @Autowired
  void signInAsAdmin(TestRestTemplate anonymous) {
    http = TestUsers.admin(anonymous);
  }

  @Test
  void noEngineRunsHere() {
    assertThat(context.getBeansOfType(TopologyController.class)).isEmpty();
    assertThat(http.getForEntity("/v2/topology", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theEngineConnectionIsTheConfiguredCluster() {
    JsonNode health = http.getForEntity("/actuator/health", JsonNode.class).getBody();
    assertThat(health.at("/components/engine/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/engine/details/mode").asText()).isEqualTo("remote");
    assertThat(health.at("/components/engine/details/address").asText())
        .isEqualTo("http://127.0.0.1:" + clusterPort);
  }
}
