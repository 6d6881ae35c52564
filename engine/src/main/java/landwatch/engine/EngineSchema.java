package landwatch.engine;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import landwatch.engine.deployment.ResourceParser;
import landwatch.engine.dmn.DecisionEngine;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.state.V4__Process_definition_metadata;
import org.flywaydb.core.Flyway;

/**
 * Proof that the engine's schema is migrated: engine beans that touch its tables take it as a
 * constructor argument. Not a {@link Flyway} bean on purpose: one would make Spring Boot's own
 * Flyway auto-configuration, which migrates the application's schema, back off.
 */
public final class EngineSchema {

  private EngineSchema() {}

  public static EngineSchema migrate(DataSource dataSource) {
    // V4 parses the resources stored before V3 to fill their versions' metadata
    ResourceParser[] parser = new ResourceParser[1];
    BiFunction<String, byte[], List<ExecutableProcess>> transform =
        (name, content) -> {
          if (parser[0] == null) {
            // parsing only checks expressions, it evaluates none: the budget never applies
            parser[0] =
                new ResourceParser(
                    new FeelEvaluator(ZonedDateTime::now, Duration.ofSeconds(2)),
                    new DecisionEngine(ZonedDateTime::now));
          }
          return parser[0].parseBpmn(name, content);
        };
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(EngineAutoConfiguration.SCHEMA)
            .createSchemas(true)
            .locations("classpath:db/engine")
            .javaMigrations(new V4__Process_definition_metadata(transform))
            .load();
    flyway.migrate();
    return new EngineSchema();
  }
}
