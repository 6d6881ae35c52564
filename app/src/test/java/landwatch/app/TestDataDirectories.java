package landwatch.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Gives every application context a test starts a data directory of its own under the build's
 * test-data root, so that contexts with different settings, cached side by side, never share an
 * embedded PostgreSQL. It overrides application.yml, but a directory a test gives explicitly
 * (arguments, test properties) still wins.
 */
public class TestDataDirectories implements EnvironmentPostProcessor {

  private static final String APPLICATION_CONFIG = "Config resource";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String root = environment.getProperty("landwatch.test-data-root");
    if (root == null) {
      return;
    }
    MapPropertySource own =
        new MapPropertySource(
            "landwatchTestDataDir",
            Map.of("landwatch.data-dir", Path.of(root, UUID.randomUUID().toString()).toString()));
    MutablePropertySources sources = environment.getPropertySources();
    sources.stream()
        .filter(source -> source.getName().startsWith(APPLICATION_CONFIG))
        .findFirst()
        .ifPresentOrElse(
            config -> sources.addBefore(config.getName(), own), () -> sources.addLast(own));
  }
}
