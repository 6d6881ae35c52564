package landwatch.engine.conformance;

import io.camunda.client.CamundaClient;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine in a JVM of its own, against a database of its own on the shared test PostgreSQL, with
 * the heap it is given: for tests of a kill and restart ({@link CrashRecoveryTest}, {@link
 * ManyVersionsRestartTest}) and benchmarks of what a restart costs.
 */
public final class EngineJvm implements AutoCloseable {

  public static final String PASSWORD = "engine-jvm";

  public final String jdbcUrl;
  public final int port;
  public final Path dataDir;
  private Process process;

  private EngineJvm(String jdbcUrl, int port, Path dataDir) {
    this.jdbcUrl = jdbcUrl;
    this.port = port;
    this.dataDir = dataDir;
  }

  /** A fresh database ({@code prefix} + a unique suffix) and a free port; nothing started yet. */
  public static EngineJvm withNewDatabase(String prefix, Path dataDir) throws Exception {
    return new EngineJvm(TestPostgres.newDatabase(prefix), freePort(), dataDir);
  }

  /**
   * Starts the engine with {@code -Xmx<heap>} and waits (at most {@code startup}) until it answers.
   */
  public Duration start(String heap, String name, Duration startup, String... arguments)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    File log = dataDir.resolve("engine-" + name + ".log").toFile();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx" + heap,
                "-Dengine.test.jdbc-url=" + jdbcUrl,
                "-cp",
                classPath(),
                EngineTestApplication.class.getName(),
                "--server.port=" + port,
                "--landwatch.data-dir=" + dataDir,
                "--landwatch.engine.api.password=" + PASSWORD));
    command.addAll(List.of(arguments));
    long begin = System.nanoTime();
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    awaitUp(startup, log);
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  /** The test class path: the project's class loader's under {@code exec:java}, else the JVM's. */
  private static String classPath() throws Exception {
    if (EngineJvm.class.getClassLoader() instanceof URLClassLoader loader
        && loader.getURLs().length > 0) {
      List<String> entries = new ArrayList<>();
      for (URL url : loader.getURLs()) {
        entries.add(Path.of(url.toURI()).toString());
      }
      return String.join(File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** {@code kill -9}. */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor();
    }
  }

  public CamundaClient client() {
    return client(Duration.ofSeconds(60));
  }

  public CamundaClient client(Duration requestTimeout) {
    return EngineClients.overRest(port, "landwatch", PASSWORD, requestTimeout);
  }

  private void awaitUp(Duration startup, File log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + startup.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "engine JVM died on start (exit " + process.exitValue() + "), see " + log);
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/topology"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 401) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError("engine JVM did not start within " + startup + ", see " + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
