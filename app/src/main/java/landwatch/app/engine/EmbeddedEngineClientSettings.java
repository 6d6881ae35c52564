package landwatch.app.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With the embedded engine the application's own Camunda client must reach this very server, so its
 * REST address is derived from the server port. The client is built before the web server binds, so
 * a random port ({@code server.port=0}) is chosen here, up front.
 *
 * <p>With {@code landwatch.engine=remote} nothing is touched: {@code camunda.client.*} is the
 * operator's.
 */
public class EmbeddedEngineClientSettings implements EnvironmentPostProcessor {

  static final String SOURCE = "landwatchEmbeddedEngineClient";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!"embedded".equals(environment.getProperty("landwatch.engine", "embedded"))) {
      return;
    }
    Map<String, Object> settings = new HashMap<>();
    int port = environment.getProperty("server.port", Integer.class, 8080);
    if (port == 0) {
      port = freePort();
      settings.put("server.port", port);
    }
    settings.put("camunda.client.rest-address", "http://127.0.0.1:" + port);
    settings.put("camunda.client.prefer-rest-over-grpc", true);
    environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, settings));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the embedded engine", e);
    }
  }
}
