package landwatch.engine;

import javax.sql.DataSource;
import landwatch.engine.topology.TopologyController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The embedded engine: on unless {@code landwatch.engine=remote}. It keeps its state in its own
 * schema of the application's database, migrated independently of the application's tables.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "landwatch.engine", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(EngineProperties.class)
@Import(TopologyController.class)
public class EngineAutoConfiguration {

  public static final String SCHEMA = "engine";

  @Bean
  EngineSchema engineSchema(DataSource dataSource) {
    return EngineSchema.migrate(dataSource);
  }
}
