package landwatch.engine.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 * User tasks at a tasklist's scale: N instances of a one-user-task process (candidate groups spread
 * over ten groups), then, with the N tasks open, the latency of {@code POST /user-tasks/search} by
 * candidate group with paging, then assign + complete of every task through the client. Not a test:
 * run with {@code ./mvnw -q -pl engine -Pbench test-compile exec:java
 * -Dbench.main=landwatch.engine.bench.UserTaskBenchmark [-Dbench.instances=10000]}.
 */
public final class UserTaskBenchmark {

  private static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 64);
  private static final int GROUPS = 10;
  private static final int SEARCHES = 500;
  private static final int PAGE = 50;

  public static void main(String[] args) throws Exception {
    int instances = Integer.getInteger("bench.instances", 10_000);
    int port = freePort();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(EngineTestApplication.class)
            .run(
                "--server.port=" + port,
                "--landwatch.data-dir=" + Files.createTempDirectory("engine-bench"),
                "--landwatch.engine.api.password=bench",
                "--logging.level.root=WARN");
    try (CamundaClient client = client(port)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("bench-user-task")
                  .startEvent()
                  .userTask(
                      "review", u -> u.zeebeUserTask().zeebeCandidateGroupsExpression("[group]"))
                  .endEvent()
                  .done(),
              "user-task.bpmn")
          .send()
          .join();
      createInstances(client, instances);
      searchByCandidateGroup(client);
      assignAndComplete(client);
    } finally {
      app.close();
    }
    System.exit(0);
  }

  private static void createInstances(CamundaClient client, int count) throws InterruptedException {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    CountDownLatch done = new CountDownLatch(count);
    AtomicInteger failures = new AtomicInteger();
    long begin = System.nanoTime();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId("bench-user-task")
          .latestVersion()
          .variables(Map.of("group", "group-" + (i % GROUPS)))
          .send()
          .toCompletableFuture()
          .whenComplete(
              (r, failure) -> {
                if (failure != null) {
                  failures.incrementAndGet();
                }
                inFlight.release();
                done.countDown();
              });
    }
    done.await();
    double seconds = (System.nanoTime() - begin) / 1e9;
    System.out.printf(
        "created %d instances with a user task in %.2f s: %.1f instances/s, failures %d%n",
        count, seconds, count / seconds, failures.get());
  }

  /** One searcher, as one tasklist user paging through a group's open tasks. */
  private static void searchByCandidateGroup(CamundaClient client) {
    long[] latencies = new long[SEARCHES];
    long total = 0;
    for (int i = 0; i < SEARCHES; i++) {
      String group = "group-" + (i % GROUPS);
      int from = (i * PAGE) % 900;
      long started = System.nanoTime();
      total +=
          client
              .newUserTaskSearchRequest()
              .filter(f -> f.candidateGroup(group).state(UserTaskState.CREATED))
              .sort(s -> s.creationDate().asc())
              .page(p -> p.from(from).limit(PAGE))
              .send()
              .join()
              .items()
              .size();
      latencies[i] = System.nanoTime() - started;
    }
    Arrays.sort(latencies);
    System.out.printf(
        "POST /user-tasks/search by candidate group, page of %d, %d searches (%d items):"
            + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
        PAGE,
        SEARCHES,
        total,
        latencies[SEARCHES / 2] / 1e6,
        latencies[(int) (SEARCHES * 0.95)] / 1e6,
        latencies[(int) (SEARCHES * 0.99)] / 1e6);
  }

  private static void assignAndComplete(CamundaClient client) throws InterruptedException {
    List<Long> keys = new ArrayList<>();
    List<UserTask> page;
    do {
      int from = keys.size();
      page =
          client
              .newUserTaskSearchRequest()
              .filter(f -> f.state(UserTaskState.CREATED))
              .page(p -> p.from(from).limit(1000))
              .send()
              .join()
              .items();
      page.forEach(t -> keys.add(t.getUserTaskKey()));
    } while (page.size() == 1000);
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    CountDownLatch done = new CountDownLatch(keys.size());
    AtomicInteger failures = new AtomicInteger();
    long begin = System.nanoTime();
    for (long key : keys) {
      inFlight.acquire();
      client
          .newAssignUserTaskCommand(key)
          .assignee("officer")
          .send()
          .toCompletableFuture()
          .thenCompose(
              assigned -> client.newCompleteUserTaskCommand(key).send().toCompletableFuture())
          .whenComplete(
              (r, failure) -> {
                if (failure != null) {
                  failures.incrementAndGet();
                }
                inFlight.release();
                done.countDown();
              });
    }
    done.await();
    double seconds = (System.nanoTime() - begin) / 1e9;
    System.out.printf(
        "assigned and completed %d tasks in %.2f s: %.1f tasks/s, failures %d%n",
        keys.size(), seconds, keys.size() / seconds, failures.get());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
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
}
