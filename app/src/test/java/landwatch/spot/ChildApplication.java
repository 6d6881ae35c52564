package landwatch.spot;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import landwatch.LandwatchApplication;
import landwatch.app.TestUsers;
import landwatch.review.ReviewPolicy;
import landwatch.review.SamplingRate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The whole application in a JVM of its own (as ImportAtScaleBenchmark runs it), on a data
 * directory of its own that outlives it: its embedded PostgreSQL and the engine's state are there,
 * so {@link #kill} (SIGKILL, no shutdown hook runs) and {@link #start} again is a crash and a
 * restart. Demo users are seeded; the engine's API has fixed credentials and the test management
 * endpoints (the clock). The database is reached on a fixed port with connections that are closed
 * after each statement, so that none holds up the orphaned PostgreSQL's shutdown at the restart.
 */
final class ChildApplication implements AutoCloseable {

  static final String ENGINE_USER = "landwatch";
  private static final List<String> SCRIPTED_USERS =
      List.of(
          SpotMonth.OFFICER,
          SpotMonth.CONTRACTOR,
          SpotMonth.REVIEWER,
          SpotMonth.MANAGER,
          "officer-640105",
          "contractor-640106");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Path work;
  private final int port;
  private final int postgresPort;
  private final String enginePassword = UUID.randomUUID().toString();
  private final List<String> settings;
  private final String heap;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ReviewPolicy policy;
  private Process process;
  private int starts;

  /**
   * @param work the directory of its data directory ({@code data}) and its log ({@code app.log})
   * @param samplingRate the city's sampling rate, also the policy the scripted users re-derive the
   *     draws with
   * @param settings further {@code --name=value} arguments
   */
  ChildApplication(
      Path work,
      String heap,
      double samplingRate,
      double provinceReReviewRate,
      List<String> settings)
      throws IOException {
    this.work = work;
    this.heap = heap;
    this.port = freePort();
    this.postgresPort = freePort();
    List<String> all = new ArrayList<>(settings);
    all.add("--landwatch.review.sampling-rate=" + samplingRate);
    all.add("--landwatch.review.province-re-review-rate=" + provinceReReviewRate);
    this.settings = List.copyOf(all);
    this.policy =
        new ReviewPolicy(
            new SamplingRate(BigDecimal.valueOf(samplingRate)),
            new SamplingRate(BigDecimal.valueOf(provinceReReviewRate)),
            Set.of("新增非农建设类", "年度内持续变化类"));
  }

  /** Starts the application (again) on its data directory and waits until it is healthy. */
  void start() throws IOException, InterruptedException {
    starts++;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LandwatchApplication.class.getName());
    command.add("--spring.profiles.active=demo");
    // the tests issue their own batches
    command.add("--landwatch.demo.month=false");
    command.add("--server.port=" + port);
    command.add("--landwatch.data-dir=" + work.resolve("data"));
    command.add("--landwatch.postgres.port=" + postgresPort);
    command.add("--landwatch.security.initial-admin.password=" + TestUsers.ADMIN_PASSWORD);
    command.add("--landwatch.engine.api.username=" + ENGINE_USER);
    command.add("--landwatch.engine.api.password=" + enginePassword);
    command.add("--landwatch.engine.testing.management-endpoints=true");
    command.addAll(settings);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
            .start();
    awaitHealthy();
  }

  /** kill -9: the JVM ends at once, whatever its workers were doing. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }

  int starts() {
    return starts;
  }

  String restRoot() {
    return "http://127.0.0.1:" + port;
  }

  Path log() {
    return work.resolve("app.log");
  }

  CamundaClient client() {
    // the failsafe run's CAMUNDA_* variables name the process tests' engine, not this one
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .restAddress(URI.create(restRoot()))
        .grpcAddress(URI.create("http://127.0.0.1:1"))
        .preferRestOverGrpc(true)
        .defaultRequestTimeout(Duration.ofSeconds(60))
        .credentialsProvider(
            CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                .applyEnvironmentOverrides(false)
                .username(ENGINE_USER)
                .password(enginePassword)
                .build())
        .build();
  }

  JdbcTemplate jdbc() {
    return new JdbcTemplate(
        new DriverManagerDataSource(
            "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres?currentSchema=landwatch",
            "postgres",
            ""));
  }

  SpotMonth.Application application() {
    return new SpotMonth.Application(restRoot(), jdbc(), policy);
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create(restRoot() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && isReady()) {
          return;
        }
      } catch (IOException notYet) {
        // the server is not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the application did not become healthy; its log: "
            + log()
            + "\n"
            + tail(Files.readAllLines(log())));
  }

  /**
   * Up, and what the application does once it is ready done too: the models deployed (a spot's
   * instance starts by a message to the deployed model) and the demo users seeded.
   */
  private boolean isReady() throws IOException, InterruptedException {
    for (String user : SCRIPTED_USERS) {
      HttpResponse<String> me =
          http.send(
              HttpRequest.newBuilder(URI.create(restRoot() + "/api/me"))
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  (user + ":" + SpotMonth.PASSWORD)
                                      .getBytes(StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (me.statusCode() != 200) {
        return false;
      }
    }
    try (CamundaClient client = client()) {
      return !client
          .newProcessDefinitionSearchRequest()
          .filter(f -> f.processDefinitionId("spot-check"))
          .send()
          .join()
          .items()
          .isEmpty();
    }
  }

  private static String tail(List<String> lines) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
