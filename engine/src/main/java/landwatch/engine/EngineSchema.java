package landwatch.engine;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Proof that the engine's schema is migrated: engine beans that touch its tables take it as a
 * constructor argument. Not a {@link Flyway} bean on purpose: one would
 * make Spring Boot's own Flyway auto-configuration, which migrates the application's schema, back
 * off.
 */
public final class EngineSchema {

  private EngineSchema() {}

  public static EngineSchema migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(EngineAutoConfiguration.SCHEMA)
            .createSchemas(true)
            .locations("classpath:db/engine")
            .load();
    flyway.migrate();
    return new EngineSchema();
  }
}
