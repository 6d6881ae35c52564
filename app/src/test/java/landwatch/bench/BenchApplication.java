package landwatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import landwatch.LandwatchApplication;
import landwatch.app.TestUsers;

/**
 * The application in its own JVM, as an office server runs it, spoken to over HTTP: what every
 * benchmark needs to start it, wait for it, upload to it and ask the engine how far it is.
 */
final class BenchApplication {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern TOTAL = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");

  static final String ADMIN = basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

  final Path work;
  final int port;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String heap;
  private final List<String> arguments;
  private Process process;

  BenchApplication(Path work, String heap, String... arguments) throws IOException {
    this.work = work;
    this.heap = heap;
    this.port = freePort();
    this.arguments = List.of(arguments);
  }

  /** Starts the application and returns once it reports healthy. */
  void start() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LandwatchApplication.class.getName());
    command.add("--server.port=" + port);
    command.add("--landwatch.data-dir=" + work.resolve("data"));
    command.add("--landwatch.security.initial-admin.password=" + TestUsers.ADMIN_PASSWORD);
    command.addAll(arguments);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()))
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (get("/actuator/health", null).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the server is not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the application did not become healthy; see its log");
  }

  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor();
    }
  }

  HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Uploads a file as the admin and returns the answer of a 201. */
  String upload(String path, Path file) throws Exception {
    String boundary = UUID.randomUUID().toString();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName()
                + "\"\r\nContent-Type: application/zip\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Authorization", ADMIN)
            .POST(
                HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofByteArray(tail)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** How many items an engine search finds, asked with the engine's own credentials. */
  long engineTotal(String searchPath, String body) throws Exception {
    HttpRequest search =
        HttpRequest.newBuilder(uri(searchPath))
            .header("Content-Type", "application/json")
            .header("Authorization", engineAuthorization())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    Matcher found = TOTAL.matcher(http.send(search, HttpResponse.BodyHandlers.ofString()).body());
    return found.find() ? Long.parseLong(found.group(1)) : 0;
  }

  private String engineAuthorization() throws IOException {
    return basic(
        "landwatch", Files.readString(work.resolve("data").resolve("engine-api-password")).trim());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** The work directory holds a database: gigabytes, kept only after a failure. */
  static void removeTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
