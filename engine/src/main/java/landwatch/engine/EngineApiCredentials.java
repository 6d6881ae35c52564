package landwatch.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * The {@code /v2} API is closed to strangers: HTTP basic auth with {@code
 * landwatch.engine.api.username}/{@code password}. Without a configured password one is generated
 * on first start and kept in {@code <landwatch.data-dir>/engine-api-password}, readable by the
 * owner only. With the embedded engine, the application's own Camunda client is given the same
 * credentials, so it authenticates as any client of a real cluster would.
 */
public class EngineApiCredentials implements EnvironmentPostProcessor {

  static final String SOURCE = "landwatchEngineApiCredentials";
  static final String PASSWORD_FILE = "engine-api-password";
  static final String DEFAULTS = "landwatchEngineWebServerDefaults";
  static final String MAX_PART_COUNT = "server.tomcat.max-part-count";
  private static final int BOOT_MAX_PART_COUNT = 50;

  /** Parts of a deployment request that are not resources (the client's tenantId, say). */
  private static final int EXTRA_PARTS = 10;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!"embedded".equals(environment.getProperty("landwatch.engine", "embedded"))) {
      return;
    }
    String username = environment.getProperty("landwatch.engine.api.username", "landwatch");
    String password = environment.getProperty("landwatch.engine.api.password");
    if (password == null || password.isBlank()) {
      password = storedPassword(Path.of(environment.getProperty("landwatch.data-dir", "./data")));
    }
    Map<String, Object> settings = new HashMap<>();
    settings.put("landwatch.engine.api.username", username);
    settings.put("landwatch.engine.api.password", password);
    settings.put("camunda.client.auth.method", "basic");
    settings.put("camunda.client.auth.username", username);
    settings.put("camunda.client.auth.password", password);
    environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, settings));
    webServerDefaults(environment);
    documentUploadDefaults(environment);
  }

  static final String MAX_FORM_POST_SIZE = "server.tomcat.max-http-form-post-size";
  static final String DOCUMENT_DEFAULTS = "landwatchEngineDocumentUploadDefaults";

  /**
   * camunda-client-java sends a document without a file name as a plain form field, which Tomcat
   * caps at {@code server.tomcat.max-http-form-post-size} (2MB): unless the operator set it, it is
   * raised above {@code landwatch.engine.documents.max-size}, so that the engine's own check (which
   * names its property) answers.
   */
  static void documentUploadDefaults(ConfigurableEnvironment environment) {
    Binder binder = Binder.get(environment);
    if (binder.bind(MAX_FORM_POST_SIZE, DataSize.class).isBound()) {
      return;
    }
    DataSize documents =
        binder
            .bind("landwatch.engine.documents.max-size", DataSize.class)
            .orElse(DataSize.ofMegabytes(10));
    long bytes = Math.max(DataSize.ofMegabytes(2).toBytes(), documents.toBytes() + 65536);
    environment
        .getPropertySources()
        .addLast(new MapPropertySource(DOCUMENT_DEFAULTS, Map.of(MAX_FORM_POST_SIZE, bytes + "B")));
  }

  /**
   * The web server reads a multipart deployment before the engine sees it, and refuses more parts
   * than {@code server.tomcat.max-part-count} (50 in Spring Boot 3.5): unless the operator set it,
   * it is raised to let every deployment the engine's {@code max-resources-per-deployment} allows
   * through (with room for a few non-resource parts), never lowered below Boot's default. A request
   * over it is still answered naming the engine's limit ({@code EngineProblemAdvice}).
   */
  static void webServerDefaults(ConfigurableEnvironment environment) {
    Binder binder = Binder.get(environment);
    if (binder.bind(MAX_PART_COUNT, Integer.class).isBound()) {
      return;
    }
    int resources =
        binder
            .bind("landwatch.engine.limits.max-resources-per-deployment", Integer.class)
            .orElse(100);
    int parts = Math.max(BOOT_MAX_PART_COUNT, resources + EXTRA_PARTS);
    environment
        .getPropertySources()
        .addLast(new MapPropertySource(DEFAULTS, Map.of(MAX_PART_COUNT, parts)));
  }

  static String storedPassword(Path dataDir) {
    return SecretFile.readOrCreate(dataDir.resolve(PASSWORD_FILE));
  }
}
