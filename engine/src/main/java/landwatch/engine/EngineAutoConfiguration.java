package landwatch.engine;

import javax.sql.DataSource;
import landwatch.engine.api.ActivatedJobsBodyConverter;
import landwatch.engine.api.BasicAuthFilter;
import landwatch.engine.api.ClockController;
import landwatch.engine.api.CockpitController;
import landwatch.engine.api.CockpitQueries;
import landwatch.engine.api.DecisionController;
import landwatch.engine.api.DeploymentController;
import landwatch.engine.api.DocumentController;
import landwatch.engine.api.ElementInstanceController;
import landwatch.engine.api.EngineProblemAdvice;
import landwatch.engine.api.Forms;
import landwatch.engine.api.HistoryQueries;
import landwatch.engine.api.IncidentController;
import landwatch.engine.api.JobController;
import landwatch.engine.api.MessageController;
import landwatch.engine.api.ProcessDefinitionController;
import landwatch.engine.api.ProcessInstanceController;
import landwatch.engine.api.ProcessInstanceRepairController;
import landwatch.engine.api.StartFormController;
import landwatch.engine.api.UnmappedRequestProblems;
import landwatch.engine.api.UserTaskController;
import landwatch.engine.api.UserTaskQueries;
import landwatch.engine.api.VariableLimits;
import landwatch.engine.health.WriterHealthIndicator;
import landwatch.engine.testing.ManagementEndpoints;
import landwatch.engine.topology.ClusterChanges;
import landwatch.engine.topology.TopologyController;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The embedded engine: on unless {@code landwatch.engine=remote}. It keeps its state in its own
 * schema of the application's database, migrated independently of the application's tables.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "landwatch.engine", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(EngineProperties.class)
@Import({
  TopologyController.class,
  DeploymentController.class,
  IncidentController.class,
  MessageController.class,
  ClockController.class,
  ProcessDefinitionController.class,
  DecisionController.class,
  UserTaskController.class,
  StartFormController.class,
  EngineProblemAdvice.class,
  ManagementEndpoints.class
})
public class EngineAutoConfiguration {

  public static final String SCHEMA = "engine";

  @Bean
  EngineSchema engineSchema(DataSource dataSource) {
    return EngineSchema.migrate(dataSource);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  Engine embeddedEngine(DataSource dataSource, EngineSchema schema, EngineProperties properties) {
    return new Engine(dataSource, properties);
  }

  @Bean
  ClusterChanges engineClusterChanges() {
    return new ClusterChanges();
  }

  @Bean
  EngineLifecycle engineLifecycle(Engine engine) {
    return new EngineLifecycle(engine);
  }

  @Bean
  HistoryQueries engineHistoryQueries(DataSource dataSource, Engine engine) {
    return new HistoryQueries(new JdbcTemplate(dataSource), engine);
  }

  @Bean
  UserTaskQueries engineUserTaskQueries(HistoryQueries queries, Engine engine) {
    return new UserTaskQueries(queries, engine);
  }

  @Bean
  Forms engineForms(DataSource dataSource) {
    return new Forms(new JdbcTemplate(dataSource));
  }

  @Bean
  CockpitQueries engineCockpitQueries(DataSource dataSource, HistoryQueries queries) {
    return new CockpitQueries(new JdbcTemplate(dataSource), queries);
  }

  @Bean
  CockpitController engineCockpitController(CockpitQueries queries) {
    return new CockpitController(queries);
  }

  @Bean
  VariableLimits engineVariableLimits(Engine engine) {
    return new VariableLimits(engine.variableLimits);
  }

  @Bean
  ProcessInstanceController engineProcessInstanceController(
      Engine engine, HistoryQueries queries, VariableLimits limits, EngineProperties properties) {
    return new ProcessInstanceController(
        engine,
        queries,
        limits,
        properties.maxLongPoll().toMillis(),
        properties.commandTimeout().toMillis());
  }

  @Bean
  ProcessInstanceRepairController engineProcessInstanceRepairController(
      Engine engine, VariableLimits limits) {
    return new ProcessInstanceRepairController(engine, limits);
  }

  @Bean
  ElementInstanceController engineElementInstanceController(
      Engine engine, HistoryQueries queries, VariableLimits limits) {
    return new ElementInstanceController(engine, queries, limits);
  }

  @Bean
  JobController engineJobController(
      Engine engine, VariableLimits limits, EngineProperties properties) {
    return new JobController(
        engine,
        limits,
        properties.defaultLongPoll().toMillis(),
        properties.maxLongPoll().toMillis());
  }

  @Bean
  DocumentController engineDocumentController(Engine engine) {
    return new DocumentController(engine.documents);
  }

  @Bean
  ActivatedJobsBodyConverter engineActivatedJobsBodyConverter() {
    return new ActivatedJobsBodyConverter();
  }

  @Bean
  UnmappedRequestProblems engineUnmappedRequestProblems(
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver springResolvers,
      EngineProblemAdvice advice) {
    return new UnmappedRequestProblems(springResolvers, advice);
  }

  @Bean
  FilterRegistrationBean<BasicAuthFilter> engineApiAuthentication(
      EngineProperties properties, Environment environment) {
    String password = properties.api().password();
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "landwatch.engine.api.password is not set; EngineApiCredentials should have set it");
    }
    FilterRegistrationBean<BasicAuthFilter> registration =
        new FilterRegistrationBean<>(
            new BasicAuthFilter(
                properties.api().username(),
                password,
                // Camunda Process Test polls the topology unauthenticated after a purge
                environment.getProperty(ManagementEndpoints.PROPERTY, Boolean.class, false)));
    registration.addUrlPatterns("/v2/*");
    registration.setName("landwatchEngineApiAuthentication");
    return registration;
  }

  /**
   * Contributed only when the application has actuator; its health component is {@code
   * engineWriter}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  static class WriterHealth {

    @Bean
    WriterHealthIndicator engineWriterHealthIndicator(Engine engine, EngineProperties properties) {
      return new WriterHealthIndicator(engine.writer, properties.health().writerStallThreshold());
    }
  }
}
