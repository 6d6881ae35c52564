package landwatch.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts a real PostgreSQL under the data directory when no external database is configured, so
 * that the application runs with nothing installed but a JDK.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties, Environment environment)
      throws IOException {
    Path dataDir =
        properties.dataDir() != null
            ? Path.of(properties.dataDir())
            : Path.of(environment.getProperty("landwatch.data-dir", "./data"), "pg");
    return EmbeddedPostgresServer.start(dataDir, properties.port());
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setSchema(properties.schema());
    config.setMaximumPoolSize(properties.poolSize());
    config.setPoolName("landwatch-embedded");
    return new HikariDataSource(config);
  }
}
