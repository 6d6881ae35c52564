package landwatch.engine.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ParallelGatewayBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import landwatch.engine.conformance.EngineTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Throughput of the embedded engine over REST, as the application uses it: N instances of a
 * 3-service-task process and of a 10-branch parallel process, completed by Spring SDK
 * {@code @JobWorker} beans in the same application. Each instance is created awaiting its result,
 * so start-to-complete latency is measured by the client. Not a test: run with {@code ./mvnw -q -pl
 * engine -Pbench test-compile exec:java [-Dbench.instances=3000]}.
 */
public final class EngineBenchmark {

  private static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 256);

  public static void main(String[] args) throws Exception {
    int instances = Integer.getInteger("bench.instances", 3000);
    int port = freePort();
    // the app's way: the engine and the Spring SDK's client in one application, the client
    // pointed at the engine's own port, workers as @JobWorker beans
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(EngineTestApplication.class, Workers.class)
            .run(
                "--server.port=" + port,
                "--landwatch.data-dir=" + Files.createTempDirectory("engine-bench"),
                "--landwatch.engine.api.password=bench",
                "--logging.level.root=WARN",
                "--camunda.client.enabled=true",
                "--camunda.client.mode=self-managed",
                "--camunda.client.prefer-rest-over-grpc=true",
                "--camunda.client.rest-address=http://127.0.0.1:" + port,
                "--camunda.client.grpc-address=http://127.0.0.1:1",
                "--camunda.client.worker.defaults.max-jobs-active=256",
                "--camunda.client.worker.defaults.poll-interval=PT0.02S",
                "--camunda.client.execution-threads=2");
    try (CamundaClient starter = client(port, 2 * IN_FLIGHT)) {
      starter
          .newDeployResourceCommand()
          .addProcessModel(threeTasks(), "three.bpmn")
          .addProcessModel(parallel(), "parallel.bpmn")
          .send()
          .join();
      run(starter, "bench-three", Math.min(500, instances), "warm-up (3 service tasks)");
      run(starter, "bench-three", instances, "3 service tasks");
      run(starter, "bench-parallel", Math.max(instances / 3, 100), "10 parallel branches");
    } finally {
      app.close();
    }
    System.exit(0);
  }

  /** The job workers, as the application writes them. */
  public static class Workers {

    @JobWorker(type = "bench-a")
    public void a() {}

    @JobWorker(type = "bench-b")
    public void b() {}

    @JobWorker(type = "bench-c")
    public void c() {}

    @JobWorker(type = "bench-par")
    public void branch() {}
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static CamundaClient client(int port, int connections) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port))
        .grpcAddress(URI.create("http://127.0.0.1:1"))
        .preferRestOverGrpc(true)
        .maxHttpConnections(connections)
        .defaultRequestTimeout(Duration.ofSeconds(120))
        .credentialsProvider(
            CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                .username("landwatch")
                .password("bench")
                .build())
        .build();
  }

  private static void run(CamundaClient client, String processId, int count, String label)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    CountDownLatch done = new CountDownLatch(count);
    long[] latencies = new long[count];
    AtomicInteger failures = new AtomicInteger();
    long begin = System.nanoTime();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      int index = i;
      long started = System.nanoTime();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .variables(Map.of("n", i))
          .withResult()
          .requestTimeout(Duration.ofSeconds(120))
          .send()
          .toCompletableFuture()
          .whenComplete(
              (result, failure) -> {
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
    System.out.printf(
        "%-28s %6d instances in %6.2f s: %7.1f completed instances/s, start->complete p50 %6.1f ms, p99 %6.1f ms, failures %d%n",
        label,
        count,
        seconds,
        count / seconds,
        latencies[count / 2] / 1e6,
        latencies[(int) (count * 0.99)] / 1e6,
        failures.get());
  }

  private static BpmnModelInstance threeTasks() {
    return Bpmn.createExecutableProcess("bench-three")
        .startEvent()
        .serviceTask("a", t -> t.zeebeJobType("bench-a"))
        .serviceTask("b", t -> t.zeebeJobType("bench-b"))
        .serviceTask("c", t -> t.zeebeJobType("bench-c"))
        .endEvent()
        .done();
  }

  private static BpmnModelInstance parallel() {
    ParallelGatewayBuilder fork =
        Bpmn.createExecutableProcess("bench-parallel").startEvent().parallelGateway("fork");
    fork.serviceTask("branch-0", t -> t.zeebeJobType("bench-par"))
        .parallelGateway("join")
        .endEvent();
    for (int i = 1; i < 10; i++) {
      fork.moveToNode("fork")
          .serviceTask("branch-" + i, t -> t.zeebeJobType("bench-par"))
          .connectTo("join");
    }
    return fork.done();
  }
}
