package landwatch.spot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Properties;
import landwatch.LandwatchApplication;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole Landwatch application — its embedded engine, its workers, its database — started where
 * Camunda Process Test's remote runtime expects an engine: on the port of {@code
 * remote.client.restAddress} in {@code camunda-container-runtime.properties}, with the engine
 * credentials its client takes from {@code CAMUNDA_BASIC_AUTH_USERNAME} / {@code _PASSWORD}, the
 * management endpoints on and the demo users (one per role and unit) seeded. Registered before
 * {@code @CamundaProcessTest}; it stops when the JVM's root context closes.
 *
 * <p>Two counties get an extension approval chain of their own (see SpotExtensionProcessIT).
 * Sampling rates are raised to one half, so that a batch of a few dozen spots holds every
 * combination of city sample and province re-review; the tests re-derive the draws from the batch's
 * seed.
 */
public final class ProcessTestApplication implements BeforeAllCallback {

  private static final String RUNTIME_PROPERTIES = "/camunda-container-runtime.properties";

  private static ConfigurableApplicationContext running;

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(ProcessTestApplication.class))
        .getOrComputeIfAbsent("application", key -> start(), Running.class);
  }

  /** The running application, for its beans (the tests re-derive draws and read progress). */
  public static ConfigurableApplicationContext context() {
    return running;
  }

  private record Running(ConfigurableApplicationContext application)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      application.close();
    }
  }

  private static Running start() {
    try {
      running =
          new SpringApplicationBuilder(LandwatchApplication.class)
              .profiles("demo")
              .run(
                  "--server.port=" + restAddress().getPort(),
                  "--landwatch.data-dir=" + Files.createTempDirectory("spot-process-test"),
                  "--landwatch.engine.api.username=" + environment("CAMUNDA_BASIC_AUTH_USERNAME"),
                  "--landwatch.engine.api.password=" + environment("CAMUNDA_BASIC_AUTH_PASSWORD"),
                  "--landwatch.engine.testing.management-endpoints=true",
                  // the tests issue their own batches
                  "--landwatch.demo.month=false",
                  "--landwatch.review.sampling-rate=0.5",
                  "--landwatch.review.province-re-review-rate=0.5",
                  // every path of spot-extension.bpmn: 西夏区 applies to the province directly,
                  // 金凤区's city decides alone
                  "--landwatch.extensions.approval-chains.640105=PROVINCE",
                  "--landwatch.extensions.approval-chains.640106=CITY",
                  "--landwatch.extensions.start-retry-interval=1s");
      return new Running(running);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String environment(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name + " is not set: run the process tests through failsafe (./mvnw verify)");
    }
    return value;
  }

  public static String restAddressText() {
    try {
      return restAddress().toString().replaceAll("/$", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static URI restAddress() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ProcessTestApplication.class.getResourceAsStream(RUNTIME_PROPERTIES)) {
      properties.load(in);
    }
    return URI.create(properties.getProperty("remote.client.restAddress"));
  }
}
