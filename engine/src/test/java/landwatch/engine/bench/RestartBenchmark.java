package landwatch.engine.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import landwatch.engine.conformance.EngineJvm;
import landwatch.engine.conformance.LargeModels;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a restart costs with many deployed versions: deploys {@code bench.versions} (10,000)
 * versions of a model of about {@code bench.tasks} service tasks plus {@code bench.documentation}
 * bytes (about 175 KB) to an engine JVM, kills it, restarts it at {@code -Xmx2g} ({@code
 * bench.heap}) and prints the restart time, the heap in use after the restart (after a full GC),
 * and what running an instance of the first and of the latest version then costs. Not a test:
 * {@code ./mvnw -q -pl engine -Pbench test-compile exec:java
 * -Dbench.main=landwatch.engine.bench.RestartBenchmark}.
 */
public final class RestartBenchmark {

  private static final int RESOURCES_PER_DEPLOYMENT = 10;

  public static void main(String[] args) throws Exception {
    int versions = Integer.getInteger("bench.versions", 10_000);
    int processes = Integer.getInteger("bench.processes", 100);
    String heap = System.getProperty("bench.heap", "2g");
    LargeModels models =
        new LargeModels(
            Integer.getInteger("bench.tasks", 60),
            Integer.getInteger("bench.documentation", 100_000));
    Path dataDir = Files.createTempDirectory("engine-restart-bench");
    try (EngineJvm engine = EngineJvm.withNewDatabase("restart_bench", dataDir)) {
      Duration emptyStart = engine.start(heap, "first", Duration.ofMinutes(3));
      System.out.printf(
          "model: %d bytes; %d versions of %d processes (%.0f MB of BPMN)%n",
          models.size(), versions, processes, versions * (double) models.size() / 1e6);
      System.out.printf("start on an empty database:  %6.1f s%n", emptyStart.toMillis() / 1e3);

      long firstKey;
      long begin = System.nanoTime();
      try (CamundaClient client = engine.client()) {
        int rounds = versions / processes;
        List<CompletableFuture<Long>> deployers = new ArrayList<>();
        for (int half = 0; half < 2; half++) {
          int from = half * processes / 2;
          int to = from + processes / 2;
          deployers.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    long key = -1;
                    for (int version = 1; version <= rounds; version++) {
                      for (int p = from; p < to; p += RESOURCES_PER_DEPLOYMENT) {
                        DeployResourceCommandStep2 command = null;
                        for (int q = p; q < Math.min(to, p + RESOURCES_PER_DEPLOYMENT); q++) {
                          byte[] resource = models.version("bench-" + q, version);
                          command =
                              command == null
                                  ? client
                                      .newDeployResourceCommand()
                                      .addResourceBytes(resource, "p" + q + ".bpmn")
                                  : command.addResourceBytes(resource, "p" + q + ".bpmn");
                        }
                        var deployed = command.send().join();
                        if (key < 0) {
                          key = deployed.getProcesses().get(0).getProcessDefinitionKey();
                        }
                      }
                    }
                    return key;
                  }));
        }
        firstKey = deployers.get(0).join();
        deployers.get(1).join();
      }
      double deploySeconds = (System.nanoTime() - begin) / 1e9;
      System.out.printf(
          "deployed %d versions in %6.1f s (%.0f versions/s)%n",
          versions, deploySeconds, versions / deploySeconds);
      System.out.printf(
          "engine.resource: %s, engine.process_definition: %s%n",
          tableSize(engine, "engine.resource"), tableSize(engine, "engine.process_definition"));

      engine.kill();
      Duration restart = engine.start(heap, "restart", Duration.ofMinutes(10));
      System.out.printf(
          "restart (kill -9, then JVM start to API answering) with %d versions at -Xmx%s: %6.1f s%n",
          versions, heap, restart.toMillis() / 1e3);
      System.out.println("heap after the restart and a full GC: " + heapUsed(engine.pid()));

      try (CamundaClient client = engine.client()) {
        long t = System.nanoTime();
        ProcessInstanceEvent old =
            client.newCreateInstanceCommand().processDefinitionKey(firstKey).send().join();
        complete(client, "bench-0-short");
        System.out.printf(
            "an instance of version %d (model parsed on demand): %6.1f ms%n",
            old.getVersion(), (System.nanoTime() - t) / 1e6);
        t = System.nanoTime();
        ProcessInstanceEvent latest =
            client
                .newCreateInstanceCommand()
                .bpmnProcessId("bench-" + (processes - 1))
                .latestVersion()
                .send()
                .join();
        complete(client, "bench-" + (processes - 1) + "-short");
        System.out.printf(
            "an instance of version %d (model parsed on demand): %6.1f ms%n",
            latest.getVersion(), (System.nanoTime() - t) / 1e6);
        t = System.nanoTime();
        client.newCreateInstanceCommand().processDefinitionKey(firstKey).send().join();
        complete(client, "bench-0-short");
        System.out.printf(
            "another instance of version 1 (model cached):     %6.1f ms%n",
            (System.nanoTime() - t) / 1e6);
      }
      System.out.println("heap after running them and a full GC: " + heapUsed(engine.pid()));
    }
    System.exit(0);
  }

  private static void complete(CamundaClient client, String type) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(1))
            .requestTimeout(Duration.ofSeconds(30))
            .send()
            .join()
            .getJobs();
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();
  }

  private static String tableSize(EngineJvm engine, String table) throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(engine.jdbcUrl);
    dataSource.setUser("postgres");
    dataSource.setPassword("postgres");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*), pg_size_pretty(pg_total_relation_size('"
                    + table
                    + "')) FROM "
                    + table)) {
      rs.next();
      return rs.getLong(1) + " rows, " + rs.getString(2);
    }
  }

  /** {@code jcmd <pid> GC.run}, then the used heap from {@code GC.heap_info}. */
  private static String heapUsed(long pid) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run")
        .redirectErrorStream(true)
        .start()
        .waitFor();
    Process info =
        new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info")
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(info.getInputStream(), StandardCharsets.UTF_8))) {
      return out.lines().filter(l -> l.contains("used")).findFirst().map(String::trim).orElse("?");
    }
  }
}
