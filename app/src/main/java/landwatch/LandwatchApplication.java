package landwatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The engine package is excluded from scanning: the embedded engine is wired only by its own
 * auto-configuration, which stays off when {@code landwatch.engine=remote}.
 */
@SpringBootApplication
@ComponentScan(
    basePackages = "landwatch",
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "landwatch\\.engine\\..*"))
public class LandwatchApplication {

  public static void main(String[] args) {
    SpringApplication.run(LandwatchApplication.class, args);
  }
}
