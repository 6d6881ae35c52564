package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import landwatch.engine.retention.Retention;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Record compaction and history retention on a database of their own: records 7 days, history 30
 * days, small chunks (so that every clean-up takes several statements), and a clean-up interval
 * long enough that only the test runs it. Each test measures the retentions back from a moment
 * ahead, with the engine's clock pinned there for what is to be recent: whatever else the database
 * holds is then past both retentions. Compaction deletes the head of the log up to the first recent
 * record, so the record test looks further ahead (200 days) than the history test (100) leaves its
 * recent records: in either order, the other test's records are past its cut-off. The context is
 * closed after the class: its connection pool would otherwise stay open beside the other tests'
 * contexts and exhaust the shared PostgreSQL's connections.
 */
@DirtiesContext
class RetentionTest extends EngineTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final int CHUNK = 3;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws SQLException {
    String jdbcUrl = TestPostgres.newDatabase("retention");
    registry.add("engine.test.jdbc-url", () -> jdbcUrl);
    registry.add("landwatch.engine.retention.records", () -> "7d");
    registry.add("landwatch.engine.retention.history", () -> "30d");
    registry.add("landwatch.engine.retention.interval", () -> "1h");
    registry.add("landwatch.engine.retention.chunk-size", () -> CHUNK);
  }

  @Test
  void recordsPastTheirRetentionGoAndRecentOnesStay() throws SQLException {
    String id = uniqueId("records");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    long old = start(id);
    long ahead = System.currentTimeMillis() + 200 * DAY;
    pinClock(ahead);
    long recent = start(id);
    long recentRecords = records("timestamp >= " + ahead);
    assertThat(records("record_key = " + old)).isPositive();
    assertThat(records("timestamp < " + (ahead - 7 * DAY))).isGreaterThan(CHUNK);

    Retention.Deleted deleted = engine.retention.run(ahead);

    assertThat(deleted.records()).isGreaterThan(CHUNK);
    assertThat(records("timestamp < " + (ahead - 7 * DAY))).isZero();
    assertThat(records("record_key = " + old)).isZero();
    assertThat(records("timestamp >= " + ahead)).isEqualTo(recentRecords);
    assertThat(records("record_key = " + recent)).isPositive();
    assertThat(processState(recent)).isEqualTo("COMPLETED");
  }

  @Test
  void endedInstancesPastTheHistoryRetentionGoWithWhatTheyCalledRunningOnesStay()
      throws SQLException {
    String child = uniqueId("child");
    String parent = uniqueId("parent");
    String waiting = uniqueId("waiting");
    String failing = uniqueId("failing");
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(child).startEvent().endEvent().done(), "c.bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess(parent)
                .startEvent()
                .callActivity("call", c -> c.zeebeProcessId(child))
                .endEvent()
                .done(),
            "p.bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess(waiting)
                .startEvent()
                .serviceTask("work", t -> t.zeebeJobType(waiting))
                .endEvent()
                .done(),
            "w.bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess(failing)
                .startEvent()
                .serviceTask("work", t -> t.zeebeJobType(failing))
                .endEvent()
                .done(),
            "f.bpmn")
        .send()
        .join();
    long ended = start(parent, Map.of("case", "closed"));
    long called = calledInstance(ended);
    long withIncident = start(failing);
    ActivatedJob job = activateOne(failing);
    client.newFailCommand(job.getKey()).retries(0).errorMessage("down").send().join();
    long incident = activeIncidents(withIncident).get(0).getIncidentKey();
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident).send().join();
    client.newCompleteCommand(activateOne(failing).getKey()).send().join();
    long running = start(waiting, Map.of("case", "open"));
    long ahead = System.currentTimeMillis() + 100 * DAY;
    pinClock(ahead);
    long endedRecently = start(parent);
    assertThat(processState(ended)).isEqualTo("COMPLETED");
    assertThat(processState(withIncident)).isEqualTo("COMPLETED");

    Retention.Deleted deleted = engine.retention.run(ahead);

    assertThat(deleted.rootInstances()).isGreaterThanOrEqualTo(2);
    for (long gone : new long[] {ended, called, withIncident}) {
      assertThat(notFound(gone)).isTrue();
      assertThat(elements(gone)).isEmpty();
      assertThat(historyRows(gone)).isZero();
    }
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(withIncident))
                .send()
                .join()
                .items())
        .isEmpty();
    assertThat(processState(endedRecently)).isEqualTo("COMPLETED");
    assertThat(elements(endedRecently)).isNotEmpty();
    assertThat(processState(running)).isEqualTo("ACTIVE");
    assertThat(elementIds(running, "ACTIVE")).contains("work");

    ActivatedJob work = activateOne(waiting);
    assertThat(work.getVariablesAsMap()).containsEntry("case", "open");
    client.newCompleteCommand(work.getKey()).send().join();
    assertThat(processState(running)).isEqualTo("COMPLETED");
  }

  private long calledInstance(long parentInstance) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.parentProcessInstanceKey(parentInstance))
        .send()
        .join()
        .items()
        .get(0)
        .getProcessInstanceKey();
  }

  private boolean notFound(long processInstanceKey) {
    Throwable thrown =
        catchThrowableOfType(
            Throwable.class,
            () -> client.newProcessInstanceGetRequest(processInstanceKey).send().join());
    Throwable cause = thrown instanceof CompletionException ? thrown.getCause() : thrown;
    return cause instanceof ProblemException problem && problem.code() == 404;
  }

  private long records(String condition) throws SQLException {
    return count("SELECT count(*) FROM engine.record WHERE " + condition);
  }

  private long historyRows(long processInstanceKey) throws SQLException {
    return count(
        "SELECT (SELECT count(*) FROM engine.element_instance WHERE process_instance_key = "
            + processInstanceKey
            + ") + (SELECT count(*) FROM engine.variable WHERE process_instance_key = "
            + processInstanceKey
            + ") + (SELECT count(*) FROM engine.incident WHERE process_instance_key = "
            + processInstanceKey
            + ")");
  }

  private long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
