package landwatch.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import landwatch.engine.EngineAutoConfiguration;
import landwatch.engine.EngineSchema;
import landwatch.engine.conformance.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V7 on a database written before it: every stored variable gets a key of its own above the
 * partition's last key, which moves past them, and a start loads them with their keys.
 */
class VariableKeyMigrationTest {

  private static final long LAST_KEY = 2251799813685300L;

  @Test
  void storedVariablesTakeFreshKeysAndTheKeyGeneratorMovesPastThem() throws Exception {
    DataSource dataSource = newDatabase();
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(EngineAutoConfiguration.SCHEMA)
        .createSchemas(true)
        .locations("classpath:db/engine")
        .target("3")
        .load()
        .migrate();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO engine.partition_state VALUES (1, " + LAST_KEY + ", 40)");
      ElementInstance running = StateFixtures.processInstance(2251799813685250L);
      s.executeUpdate(
          "INSERT INTO engine.element_instance VALUES (2251799813685250, 2251799813685250, 1, 'p', 1, "
              + "'p', 'PROCESS', 'ACTIVE', -1, -1, -1, 0, NULL, -1, '"
              + EngineJson.write(running)
              + "')");
      s.executeUpdate(
          "INSERT INTO engine.variable VALUES (2251799813685250, 'a', 2251799813685250, '1'), "
              + "(2251799813685250, 'b', 2251799813685250, '\"two\"')");
    }

    EngineSchema.migrate(dataSource);

    List<Long> keys = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT key FROM engine.variable ORDER BY name")) {
        while (rs.next()) {
          keys.add(rs.getLong(1));
        }
      }
      assertThat(keys).containsExactly(LAST_KEY + 1, LAST_KEY + 2);
      StateStore.Loaded loaded = new StateStore().load(c, null);
      assertThat(loaded.lastKey()).isEqualTo(LAST_KEY + 2);
      VariableState variables = loaded.state().variables();
      assertThat(variables.local(2251799813685250L)).isEqualTo(Map.of("a", 1, "b", "two"));
      assertThat(variables.key(2251799813685250L, "b")).isEqualTo(LAST_KEY + 2);
    }
  }

  private static DataSource newDatabase() throws Exception {
    String database = "variable_keys_" + System.nanoTime();
    try (Connection c = TestPostgres.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(TestPostgres.get().getJdbcUrl("postgres", database));
    dataSource.setUser("postgres");
    dataSource.setPassword("postgres");
    return dataSource;
  }
}
