package landwatch.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.datasource.url} set, the application uses that server and starts none of its
 * own. A second embedded PostgreSQL, started here by the test, plays the external server. A real
 * port, as everywhere: the application reaches its embedded engine through its own web server (the
 * models deployed at start, the job workers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalDatasourceTest {

  @TempDir static Path externalDataDir;
  static EmbeddedPostgres external;

  @DynamicPropertySource
  static void pointAtTheExternalServer(DynamicPropertyRegistry registry) throws Exception {
    external = EmbeddedPostgres.builder().setDataDirectory(externalDataDir.toFile()).start();
    registry.add("spring.datasource.url", () -> external.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @AfterAll
  static void stopTheExternalServer() throws Exception {
    external.close();
  }

  @Autowired ApplicationContext context;

  @Test
  void noEmbeddedServerIsStarted() {
    assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
  }

  @Test
  void bothSchemasAreMigratedIntoTheExternalServer() throws Exception {
    try (Connection connection = external.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet regions = statement.executeQuery("SELECT count(*) FROM landwatch.region")) {
        regions.next();
        assertThat(regions.getInt(1)).isEqualTo(29);
      }
      try (ResultSet schema =
          statement.executeQuery(
              "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'engine'")) {
        schema.next();
        assertThat(schema.getInt(1)).isEqualTo(1);
      }
    }
  }
}
