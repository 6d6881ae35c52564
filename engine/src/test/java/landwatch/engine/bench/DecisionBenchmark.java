package landwatch.engine.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.InputStream;
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
 * Throughput of a process with one business-rule task calling a 30-rule decision table ({@code
 * dmn/thirty-rules.dmn}), over REST: each instance is created awaiting its result, so every one is
 * a decision evaluation kept as a decision instance, and completed. Not a test: run with {@code
 * ./mvnw -q -pl engine -Pbench test-compile exec:java
 * -Dbench.main=landwatch.engine.bench.DecisionBenchmark [-Dbench.instances=3000]}.
 */
public final class DecisionBenchmark {

  private static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 256);

  public static void main(String[] args) throws Exception {
    int instances = Integer.getInteger("bench.instances", 3000);
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(EngineTestApplication.class)
            .run(
                "--server.port=" + port,
                "--landwatch.data-dir=" + Files.createTempDirectory("engine-bench"),
                "--landwatch.engine.api.password=bench",
                "--logging.level.root=WARN");
    try (CamundaClient client = client(port);
        InputStream dmn = DecisionBenchmark.class.getResourceAsStream("/dmn/thirty-rules.dmn")) {
      client
          .newDeployResourceCommand()
          .addResourceBytes(dmn.readAllBytes(), "thirty-rules.dmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("bench-decision")
                  .startEvent()
                  .businessRuleTask(
                      "band", t -> t.zeebeCalledDecisionId("bandOf").zeebeResultVariable("band"))
                  .endEvent()
                  .done(),
              "decision.bpmn")
          .send()
          .join();
      run(client, Math.min(500, instances), "warm-up");
      run(client, instances, "business-rule task (30 rules)");
    } finally {
      app.close();
    }
    System.exit(0);
  }

  private static CamundaClient client(int port) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port))
        .grpcAddress(URI.create("http://127.0.0.1:1"))
        .preferRestOverGrpc(true)
        .maxHttpConnections(2 * IN_FLIGHT)
        .defaultRequestTimeout(Duration.ofSeconds(120))
        .credentialsProvider(
            CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                .username("landwatch")
                .password("bench")
                .build())
        .build();
  }

  private static void run(CamundaClient client, int count, String label)
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
          .bpmnProcessId("bench-decision")
          .latestVersion()
          // every band of the table in turn: each rule matches as often as the others
          .variables(Map.of("area", (i * 37) % 3000))
          .withResult()
          .requestTimeout(Duration.ofSeconds(120))
          .send()
          .toCompletableFuture()
          .whenComplete(
              (result, failure) -> {
                latencies[index] = System.nanoTime() - started;
                if (failure != null || !result.getVariablesAsMap().containsKey("band")) {
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
        "%-30s %6d instances in %6.2f s: %7.1f completed instances/s, start->complete p50 %6.1f ms, p99 %6.1f ms, failures %d%n",
        label,
        count,
        seconds,
        count / seconds,
        latencies[count / 2] / 1e6,
        latencies[(int) (count * 0.99)] / 1e6,
        failures.get());
  }
}
