package landwatch.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
    int port =
        properties.port() > 0
            ? properties.port()
            : freePortOtherThan(environment.getProperty("server.port", Integer.class, -1));
    return EmbeddedPostgresServer.start(dataDir, port);
  }

  /**
   * A random web server port is chosen up front, before the server binds it (the embedded engine's
   * client needs its address): a free port picked now for PostgreSQL could be that very one.
   */
  private static int freePortOtherThan(int serverPort) throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (socket.getLocalPort() != serverPort) {
          return socket.getLocalPort();
        }
      }
    }
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
