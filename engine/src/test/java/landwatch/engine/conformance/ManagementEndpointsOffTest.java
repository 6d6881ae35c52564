package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Without {@code landwatch.engine.testing.management-endpoints=true} (a production application)
 * there is no clock to move and no purge, with or without credentials; the topology needs them.
 */
class ManagementEndpointsOffTest extends EngineTest {

  @Test
  void theManagementEndpointsAreNotThere() throws Exception {
    RawApi api =
        new RawApi(
            port,
            environment.getProperty("landwatch.engine.api.username"),
            environment.getProperty("landwatch.engine.api.password"));
    String[][] calls = {
      {"GET", "/actuator/clock"},
      {"POST", "/actuator/clock/add"},
      {"DELETE", "/actuator/clock"},
      {"POST", "/actuator/cluster/purge"}
    };
    HttpClient http = HttpClient.newHttpClient();
    for (String[] call : calls) {
      String body = call[0].equals("POST") ? "{\"offsetMilli\":1000}" : null;
      assertThat(api.send(call[0], call[1], "application/json", body, null).statusCode())
          .as(call[0] + " " + call[1])
          .isEqualTo(404);
      HttpRequest anonymous =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call[1]))
              .method(
                  call[0],
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body))
              .header("Content-Type", "application/json")
              .build();
      assertThat(http.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode())
          .as("anonymous " + call[0] + " " + call[1])
          .isEqualTo(404);
    }
    HttpRequest topology =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/topology")).build();
    assertThat(http.send(topology, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(401);
  }
}
