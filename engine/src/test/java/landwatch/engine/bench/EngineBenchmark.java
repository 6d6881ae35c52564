package landwatch.engine.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ParallelGatewayBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import landwatch.engine.conformance.EngineTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Throughput of the embedded engine over REST, as the application uses it: N instances of a
 * 3-service-task process and of a 10-branch parallel process, completed by job workers of the
 * real client. Each instance is created awaiting its result, so start-to-complete latency is
 * measured by the client. Not a test: run with
 * {@code ./mvnw -q -pl engine -Pbench test-compile exec:java [-Dbench.instances=3000]}.
 */
public final class EngineBenchmark {

  private static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 256);

  public static void main(String[] args) throws Exception {
    int instances = Integer.getInteger("bench.instances", 3000);
    ConfigurableApplicationContext app = new SpringApplicationBuilder(EngineTestApplication.class)
        .properties("server.port=0", "landwatch.data-dir=" + Files.createTempDirectory("engine-bench"),
            "landwatch.engine.api.password=bench", "logging.level.root=WARN", "spring.flyway.enabled=false",
            "server.tomcat.threads.max=64")
        .run();
    int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
    try (CamundaClient starter = client(port, 2 * IN_FLIGHT); CamundaClient workers = client(port, 64)) {
      starter.newDeployResourceCommand().addProcessModel(threeTasks(), "three.bpmn")
          .addProcessModel(parallel(), "parallel.bpmn").send().join();
      List<JobWorker> open = new ArrayList<>();
      for (String type : List.of("bench-a", "bench-b", "bench-c", "bench-par")) {
        open.add(workers.newWorker().jobType(type)
            .handler((jobClient, job) -> jobClient.newCompleteCommand(job.getKey()).send())
            .maxJobsActive(256).pollInterval(Duration.ofMillis(20)).requestTimeout(Duration.ofSeconds(10))
            .timeout(Duration.ofMinutes(1)).open());
      }
      run(starter, "bench-three", Math.min(500, instances), "warm-up (3 service tasks)");
      run(starter, "bench-three", instances, "3 service tasks");
      run(starter, "bench-parallel", Math.max(instances / 3, 100), "10 parallel branches");
      open.forEach(JobWorker::close);
    } finally {
      app.close();
    }
    System.exit(0);
  }

  private static CamundaClient client(int port, int connections) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port))
        .grpcAddress(URI.create("http://127.0.0.1:1"))
        .preferRestOverGrpc(true)
        .maxHttpConnections(connections)
        .numJobWorkerExecutionThreads(2)
        .defaultRequestTimeout(Duration.ofSeconds(120))
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("landwatch").password("bench").build())
        .build();
  }

  private static void run(CamundaClient client, String processId, int count, String label) throws InterruptedException {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    CountDownLatch done = new CountDownLatch(count);
    long[] latencies = new long[count];
    AtomicInteger failures = new AtomicInteger();
    long begin = System.nanoTime();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      int index = i;
      long started = System.nanoTime();
      client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(Map.of("n", i))
          .withResult().requestTimeout(Duration.ofSeconds(120)).send().toCompletableFuture()
          .whenComplete((result, failure) -> {
            latencies[index] = System.nanoTime() - started;
            if (failure != null) {
              failures.incrementAndGet();
            }
            inFlight.release();
            done.countDown();
          });
    }
    done.await();
    double seconds = (System.nanoTime() - begin) / 1e9;
    Arrays.sort(latencies);
    System.out.printf("%-28s %6d instances in %6.2f s: %7.1f completed instances/s, start->complete p50 %6.1f ms, p99 %6.1f ms, failures %d%n",
        label, count, seconds, count / seconds, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6,
        failures.get());
  }

  private static BpmnModelInstance threeTasks() {
    return Bpmn.createExecutableProcess("bench-three").startEvent()
        .serviceTask("a", t -> t.zeebeJobType("bench-a"))
        .serviceTask("b", t -> t.zeebeJobType("bench-b"))
        .serviceTask("c", t -> t.zeebeJobType("bench-c"))
        .endEvent().done();
  }

  private static BpmnModelInstance parallel() {
    ParallelGatewayBuilder fork = Bpmn.createExecutableProcess("bench-parallel").startEvent().parallelGateway("fork");
    fork.serviceTask("branch-0", t -> t.zeebeJobType("bench-par")).parallelGateway("join").endEvent();
    for (int i = 1; i < 10; i++) {
      fork.moveToNode("fork").serviceTask("branch-" + i, t -> t.zeebeJobType("bench-par")).connectTo("join");
    }
    return fork.done();
  }
}
