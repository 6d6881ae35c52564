package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import landwatch.engine.api.EngineProblemAdvice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An error nobody anticipated — here the database has lost the incident table under a running
 * engine — answers 500 with a correlation id, and that id leads to the stack trace in the log; the
 * answer itself holds neither the exception's message nor its SQL. The engine gets a database of
 * its own, so no other test sees the missing table.
 */
class UnexpectedErrorTest extends EngineTest {

  private static String jdbcUrl;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
    jdbcUrl = TestPostgres.newDatabase("unexpected");
    registry.add("engine.test.jdbc-url", () -> jdbcUrl);
  }

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger adviceLogger = (Logger) LoggerFactory.getLogger(EngineProblemAdvice.class);

  @BeforeEach
  void captureTheLog() {
    log.start();
    adviceLogger.addAppender(log);
  }

  @AfterEach
  void releaseTheLog() {
    adviceLogger.detachAppender(log);
  }

  @Test
  void theAnswerCarriesACorrelationIdThatLeadsToTheStackTraceInTheLog() throws SQLException {
    String id = uniqueId("unrelated");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long unrelated = start(id);
    HttpResponse<String> response;
    sql("ALTER TABLE engine.incident RENAME TO incident_lost");
    try {
      response =
          new RawApi(
                  port,
                  environment.getProperty("landwatch.engine.api.username"),
                  environment.getProperty("landwatch.engine.api.password"))
              .send("POST", "/v2/incidents/search", "application/json", "{}", null);
      completeJob(id, Map.of());
    } finally {
      sql("ALTER TABLE engine.incident_lost RENAME TO incident");
    }

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode problem = RawApi.assertCleanProblem(response);
    String correlationId = problem.path("correlationId").asText();
    assertThat(problem.path("title").asText()).isEqualTo("INTERNAL_ERROR");
    assertThat(response.body()).doesNotContain("incident_lost").doesNotContain("does not exist");

    List<ILoggingEvent> logged =
        log.list.stream().filter(e -> e.getFormattedMessage().contains(correlationId)).toList();
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0).getFormattedMessage()).contains("POST /v2/incidents/search");
    IThrowableProxy cause = logged.get(0).getThrowableProxy();
    assertThat(cause).isNotNull();
    assertThat(cause.getStackTraceElementProxyArray()).isNotEmpty();
    assertThat(causes(cause)).contains("engine.incident");

    assertThat(processState(unrelated)).isEqualTo("COMPLETED");
  }

  @Test
  void theClientSeesTheCorrelationIdToo() throws SQLException {
    sql("ALTER TABLE engine.incident RENAME TO incident_lost");
    try {
      assertThatThrownBy(() -> client.newIncidentGetRequest(1L).send().join())
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.code()).isEqualTo(500);
                assertThat(e.details().getDetail()).containsPattern("correlation id [0-9a-f-]{36}");
              });
    } finally {
      sql("ALTER TABLE engine.incident_lost RENAME TO incident");
    }
  }

  private static String causes(IThrowableProxy proxy) {
    StringBuilder messages = new StringBuilder();
    for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
      messages.append(p.getMessage()).append('\n');
    }
    return messages.toString();
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
