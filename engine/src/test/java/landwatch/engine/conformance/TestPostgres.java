package landwatch.engine.conformance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** One real PostgreSQL per test JVM, in a temporary directory, shared by every test class. */
public final class TestPostgres {

  private static EmbeddedPostgres postgres;

  private TestPostgres() {}

  public static synchronized EmbeddedPostgres get() {
    if (postgres == null) {
      try {
        Path dir = Files.createTempDirectory("engine-pg");
        postgres =
            EmbeddedPostgres.builder()
                .setDataDirectory(dir.toFile())
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100")
                .start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        postgres.close();
                      } catch (IOException ignored) {
                        // the JVM is going away; the temp directory goes with the OS's cleanup
                      }
                    }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return postgres;
  }

  public static DataSource dataSource() {
    return get().getPostgresDatabase();
  }

  public static String jdbcUrl() {
    return get().getJdbcUrl("postgres", "postgres");
  }

  /**
   * Creates a database of its own ({@code prefix} + "_" + a unique suffix); returns its JDBC URL.
   */
  public static String newDatabase(String prefix) throws SQLException {
    String database = prefix + "_" + System.nanoTime();
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    return get().getJdbcUrl("postgres", database);
  }
}
