package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The engine runs in a separate JVM against its own database, is killed ({@code kill -9}) in the
 * middle of a load of instances, and restarted: every acknowledged instance completes, and every
 * process instance's end is recorded exactly once. Job workers may see a job twice (at-least-once
 * delivery). A timer that falls due while the engine is down fires once after the restart; message
 * subscriptions and a buffered message opened before the kill are correlated after it; a user task
 * created and assigned before the kill is still there, assigned, and completes. A document uploaded
 * before the kill is served, unchanged, after it, and a decision evaluated before it is still in
 * the audit.
 */
class CrashRecoveryTest {

  private static final String HEAP = "512m";
  private static final Duration STARTUP = Duration.ofMinutes(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private EngineJvm engine;

  @AfterEach
  void stopEngine() throws InterruptedException {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void everyInstanceCompletesExactlyOnceAcrossAKill() throws Exception {
    // one database, port and data directory for both engines
    engine = EngineJvm.withNewDatabase("crash", Files.createTempDirectory("engine-crash"));
    engine.start(HEAP, "first", STARTUP);
    try (CamundaClient client = engine.client(REQUEST_TIMEOUT)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("crash-load")
                  .startEvent()
                  .serviceTask("work", t -> t.zeebeJobType("crash-work"))
                  .endEvent()
                  .done(),
              "load.bpmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("crash-timer")
                  .startEvent()
                  .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT3S"))
                  .endEvent()
                  .done(),
              "timer.bpmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("crash-message")
                  .startEvent()
                  .intermediateCatchEvent(
                      "reply",
                      e ->
                          e.message(
                              m -> m.name("crash-reply").zeebeCorrelationKeyExpression("key")))
                  .endEvent()
                  .done(),
              "message.bpmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("crash-user-task")
                  .startEvent()
                  .userTask("review", u -> u.zeebeUserTask().zeebeCandidateGroups("officers"))
                  .endEvent()
                  .done(),
              "user-task.bpmn")
          .send()
          .join();
      byte[] evidence =
          "a written application, stored before the kill".getBytes(StandardCharsets.UTF_8);
      DocumentReferenceResponse document =
          client
              .newCreateDocumentCommand()
              .content(evidence)
              .contentType("text/plain")
              .fileName("application.txt")
              .send()
              .join();
      client
          .newDeployResourceCommand()
          .addResourceFromClasspath("dmn/business-rules.dmn")
          .send()
          .join();
      EvaluateDecisionResponse judged =
          client
              .newEvaluateDecisionCommand()
              .decisionId("brtVerdict")
              .variables(Map.of("area", 250))
              .send()
              .join();
      long userTaskInstance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("crash-user-task")
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      long userTaskKey = userTaskOf(client, userTaskInstance).getUserTaskKey();
      client.newAssignUserTaskCommand(userTaskKey).assignee("ann").send().join();
      long timerInstance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("crash-timer")
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      Set<Long> waitingForMessages = ConcurrentHashMap.newKeySet();
      for (int i = 0; i < 20; i++) {
        waitingForMessages.add(
            client
                .newCreateInstanceCommand()
                .bpmnProcessId("crash-message")
                .latestVersion()
                .variables(Map.of("key", "k" + i))
                .send()
                .join()
                .getProcessInstanceKey());
      }
      client
          .newPublishMessageCommand()
          .messageName("crash-reply")
          .correlationKey("late")
          .timeToLive(Duration.ofHours(1))
          .send()
          .join();

      Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
      JobWorker worker =
          client
              .newWorker()
              .jobType("crash-work")
              .handler((jobClient, job) -> jobClient.newCompleteCommand(job.getKey()).send().join())
              .timeout(Duration.ofSeconds(3))
              .pollInterval(Duration.ofMillis(50))
              .maxJobsActive(32)
              .open();

      List<CompletableFuture<?>> firstWave = createInstances(client, 300, acknowledged);
      while (acknowledged.size() < 100 && !firstWave.stream().allMatch(CompletableFuture::isDone)) {
        TimeUnit.MILLISECONDS.sleep(5);
      }
      engine.kill();
      firstWave.forEach(f -> f.handle((r, e) -> null).join());
      int beforeKill = acknowledged.size();

      engine.start(HEAP, "second", STARTUP);
      UserTask survived = userTaskOf(client, userTaskInstance);
      assertThat(survived.getUserTaskKey()).isEqualTo(userTaskKey);
      assertThat(survived.getState()).isEqualTo(UserTaskState.CREATED);
      assertThat(survived.getAssignee()).isEqualTo("ann");
      assertThat(survived.getCandidateGroups()).containsExactly("officers");
      client.newCompleteUserTaskCommand(userTaskKey).send().join();
      acknowledged.add(userTaskInstance);
      DecisionInstance audit =
          client
              .newDecisionInstanceGetRequest(judged.getDecisionEvaluationKey() + "-1")
              .send()
              .join();
      assertThat(audit.getDecisionDefinitionId()).isEqualTo("brtVerdict");
      assertThat(audit.getResult()).isEqualTo("\"illegal\"");
      assertThat(audit.getMatchedRules()).hasSize(1);
      createInstances(client, 100, acknowledged).forEach(CompletableFuture::join);
      for (int i = 0; i < 20; i++) {
        client
            .newPublishMessageCommand()
            .messageName("crash-reply")
            .correlationKey("k" + i)
            .send()
            .join();
      }
      waitingForMessages.add(
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("crash-message")
              .latestVersion()
              .variables(Map.of("key", "late"))
              .send()
              .join()
              .getProcessInstanceKey());
      acknowledged.addAll(waitingForMessages);

      awaitCompleted(client, acknowledged, timerInstance);
      worker.close();

      assertThat(beforeKill).isGreaterThanOrEqualTo(100);
      for (long key : acknowledged) {
        assertThat(client.newProcessInstanceGetRequest(key).send().join().getState().name())
            .isEqualTo("COMPLETED");
      }
      assertThat(client.newProcessInstanceGetRequest(timerInstance).send().join().getState().name())
          .isEqualTo("COMPLETED");
      assertEndsRecordedOnce(acknowledged);
      try (InputStream content = client.newDocumentContentGetRequest(document).send().join()) {
        assertThat(content.readAllBytes()).isEqualTo(evidence);
      }
    }
  }

  private static UserTask userTaskOf(CamundaClient client, long processInstanceKey) {
    List<UserTask> tasks =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey))
            .send()
            .join()
            .items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private List<CompletableFuture<?>> createInstances(
      CamundaClient client, int count, Set<Long> acknowledged) {
    List<CompletableFuture<?>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("crash-load")
              .latestVersion()
              .variables(Map.of("i", i))
              .send()
              .toCompletableFuture()
              .thenAccept(e -> acknowledged.add(e.getProcessInstanceKey())));
    }
    return futures;
  }

  /**
   * Waits for the workers to finish the load; bounded, so a broken engine fails instead of hanging.
   */
  private void awaitCompleted(CamundaClient client, Set<Long> acknowledged, long timerInstance)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      long active =
          client
              .newProcessInstanceSearchRequest()
              .filter(f -> f.state(io.camunda.client.api.search.enums.ProcessInstanceState.ACTIVE))
              .send()
              .join()
              .page()
              .totalItems();
      if (active == 0) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private void assertEndsRecordedOnce(Set<Long> acknowledged) throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(engine.jdbcUrl);
    try (Connection c = ((DataSource) dataSource).getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT record_key, count(*) FROM engine.record WHERE value_type = 'PROCESS_INSTANCE'"
                  + " AND intent = 'ELEMENT_COMPLETED' AND value->>'bpmnElementType' = 'PROCESS' GROUP BY record_key")) {
        Map<Long, Long> ends = new ConcurrentHashMap<>();
        while (rs.next()) {
          ends.put(rs.getLong(1), rs.getLong(2));
        }
        assertThat(ends.values()).allMatch(count -> count == 1);
        assertThat(ends.keySet()).containsAll(acknowledged);
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM engine.element_instance WHERE element_type = 'PROCESS'"
                  + " AND state <> 'COMPLETED'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT record_key, count(*) FROM engine.record WHERE value_type = 'TIMER'"
                  + " AND intent = 'TRIGGERED' GROUP BY record_key HAVING count(*) > 1")) {
        assertThat(rs.next()).isFalse();
      }
    }
  }
}
