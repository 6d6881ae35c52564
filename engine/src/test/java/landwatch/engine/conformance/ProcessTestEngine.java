package landwatch.engine.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded engine where Camunda Process Test's remote runtime expects it: on the port of
 * {@code remote.client.restAddress} in {@code camunda-container-runtime.properties}, with the
 * credentials its client takes from {@code CAMUNDA_BASIC_AUTH_USERNAME} / {@code _PASSWORD}, and
 * with the management endpoints on. Registered before {@code @CamundaProcessTest}, so the engine
 * runs when Camunda Process Test connects; it stops when the JVM's root context closes.
 */
public final class ProcessTestEngine implements BeforeAllCallback {

  private static final String RUNTIME_PROPERTIES = "/camunda-container-runtime.properties";

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(ProcessTestEngine.class))
        .getOrComputeIfAbsent("engine", key -> start(), Running.class);
  }

  /** Closed by JUnit with the root context. */
  private record Running(ConfigurableApplicationContext application)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      application.close();
    }
  }

  private static Running start() {
    try {
      return new Running(
          new SpringApplicationBuilder(EngineTestApplication.class)
              .run(
                  "--engine.test.jdbc-url=" + TestPostgres.newDatabase("process_test"),
                  "--server.port=" + restAddress().getPort(),
                  "--landwatch.data-dir=" + Files.createTempDirectory("process-test-data"),
                  "--landwatch.engine.api.username=" + environment("CAMUNDA_BASIC_AUTH_USERNAME"),
                  "--landwatch.engine.api.password=" + environment("CAMUNDA_BASIC_AUTH_PASSWORD"),
                  "--landwatch.engine.testing.management-endpoints=true"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String environment(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name + " is not set: run Camunda Process Test through failsafe (./mvnw verify)");
    }
    return value;
  }

  private static URI restAddress() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ProcessTestEngine.class.getResourceAsStream(RUNTIME_PROPERTIES)) {
      properties.load(in);
    }
    return URI.create(properties.getProperty("remote.client.restAddress"));
  }
}
