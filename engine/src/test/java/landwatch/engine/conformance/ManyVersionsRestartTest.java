package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * State loads in bounded memory: 1,000 versions of a 320 KB model (320 MB of BPMN, which the engine
 * once held in memory twice over, as bytes and as parsed models) are deployed to an engine JVM with
 * a 256 MB heap, which is then killed and restarted with the same heap. It starts, runs an instance
 * of the first version and of the latest, serves the first version's XML, and a message start event
 * deployed before the restart still starts instances: the restart parsed no model, and those it
 * needs are parsed on demand.
 */
class ManyVersionsRestartTest {

  private static final int PROCESSES = 10;
  private static final int VERSIONS = 100;
  private static final String HEAP = "256m";

  private EngineJvm engine;

  @AfterEach
  void stop() throws InterruptedException {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void aThousandLargeVersionsRestartInASmallHeap() throws Exception {
    engine = EngineJvm.withNewDatabase("versions", Files.createTempDirectory("engine-versions"));
    engine.start(HEAP, "first", Duration.ofMinutes(2));
    LargeModels models = new LargeModels(60, 250_000);
    String prefix = "large-" + System.nanoTime() % 100_000;
    long firstVersionKey;
    try (CamundaClient client = engine.client()) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(prefix + "-by-message")
                  .startEvent()
                  .message("wake-" + prefix)
                  .serviceTask("short", t -> t.zeebeJobType(prefix + "-by-message-short"))
                  .endEvent()
                  .done(),
              "by-message.bpmn")
          .send()
          .join();
      // two deployers at a time: the resources are parsed on the request threads
      List<CompletableFuture<DeploymentEvent>> first = new ArrayList<>();
      for (int half = 0; half < 2; half++) {
        int from = half * PROCESSES / 2;
        first.add(
            CompletableFuture.supplyAsync(
                () -> {
                  DeploymentEvent firstDeployment = null;
                  for (int version = 1; version <= VERSIONS; version++) {
                    DeployResourceCommandStep2 command = null;
                    for (int p = from; p < from + PROCESSES / 2; p++) {
                      byte[] resource = models.version(prefix + "-" + p, version);
                      command =
                          command == null
                              ? client
                                  .newDeployResourceCommand()
                                  .addResourceBytes(resource, "p" + p + ".bpmn")
                              : command.addResourceBytes(resource, "p" + p + ".bpmn");
                    }
                    DeploymentEvent deployed = command.send().join();
                    firstDeployment = firstDeployment == null ? deployed : firstDeployment;
                  }
                  return firstDeployment;
                }));
      }
      firstVersionKey =
          first.get(0).join().getProcesses().stream()
              .filter(p -> p.getBpmnProcessId().equals(prefix + "-0"))
              .findFirst()
              .orElseThrow()
              .getProcessDefinitionKey();
      first.get(1).join();
    }
    assertStoredOncePerVersion(prefix);

    engine.kill();
    engine.start(HEAP, "second", Duration.ofMinutes(2));

    try (CamundaClient client = engine.client()) {
      ProcessInstanceEvent old =
          client.newCreateInstanceCommand().processDefinitionKey(firstVersionKey).send().join();
      assertThat(old.getVersion()).isEqualTo(1);
      ProcessInstanceEvent latest =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(prefix + "-" + (PROCESSES - 1))
              .latestVersion()
              .send()
              .join();
      assertThat(latest.getVersion()).isEqualTo(VERSIONS);
      client
          .newPublishMessageCommand()
          .messageName("wake-" + prefix)
          .withoutCorrelationKey()
          .send()
          .join();
      completeShortJob(client, prefix + "-0-short");
      completeShortJob(client, prefix + "-" + (PROCESSES - 1) + "-short");
      completeShortJob(client, prefix + "-by-message-short");
      assertThat(
              client
                  .newProcessInstanceGetRequest(old.getProcessInstanceKey())
                  .send()
                  .join()
                  .getState()
                  .name())
          .isEqualTo("COMPLETED");
      assertThat(
              client
                  .newProcessInstanceGetRequest(latest.getProcessInstanceKey())
                  .send()
                  .join()
                  .getState()
                  .name())
          .isEqualTo("COMPLETED");
      assertThat(client.newProcessDefinitionGetXmlRequest(firstVersionKey).send().join())
          .isEqualTo(new String(models.version(prefix + "-0", 1), StandardCharsets.UTF_8));
      assertThat(
              client
                  .newProcessDefinitionSearchRequest()
                  .filter(f -> f.processDefinitionId(prefix + "-3"))
                  .send()
                  .join()
                  .page()
                  .totalItems())
          .isEqualTo(VERSIONS);
    }
  }

  private static void completeShortJob(CamundaClient client, String type) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(1))
            .requestTimeout(Duration.ofSeconds(20))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).as("job %s", type).hasSize(1);
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();
  }

  /**
   * Every version's resource is one row of engine.resource; process_definition holds no resource.
   */
  private void assertStoredOncePerVersion(String prefix) throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(engine.jdbcUrl);
    dataSource.setUser("postgres");
    dataSource.setPassword("postgres");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), count(DISTINCT d.resource_key) FROM engine.process_definition d "
                  + "WHERE d.bpmn_process_id LIKE '"
                  + prefix
                  + "-%'")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(PROCESSES * VERSIONS + 1);
        assertThat(rs.getLong(2)).isEqualTo(PROCESSES * VERSIONS + 1);
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM information_schema.columns "
                  + "WHERE table_schema = 'engine' AND table_name = 'process_definition' AND column_name = 'resource'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }
}
