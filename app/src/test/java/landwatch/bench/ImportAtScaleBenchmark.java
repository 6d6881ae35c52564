package landwatch.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import landwatch.LandwatchApplication;
import landwatch.app.TestUsers;
import landwatch.fixtures.FixtureGenerator;
import landwatch.layer.LayerClass;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.ShapefileZipWriter;

/**
 * Provincial scale through the HTTP interface, with the application in its own JVM at the heap an
 * office server would give it: import a 1,000,000-parcel cultivated-land layer, import a
 * 10,000-spot batch (checked at import) until every spot's spot-check instance waits at its
 * verification task, twice: first on a cold JVM, then another month's batch on a warm one (the
 * first batch's size is the fourth argument, 0 for none), kill -9 and restart (the index is rebuilt
 * from the database), then replace the layer (every spot rechecked). Prints each step's time.
 *
 * <p>Run: {@code ./mvnw -q -o -pl app -am -Pbench verify -DskipTests} (see app/pom.xml).
 */
public final class ImportAtScaleBenchmark {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  public static void main(String[] args) throws Exception {
    int parcels = Integer.parseInt(args.length > 0 ? args[0] : "1000000");
    int spots = Integer.parseInt(args.length > 1 ? args[1] : "10000");
    String heap = args.length > 2 ? args[2] : "2g";
    int warmupSpots = Integer.parseInt(args.length > 3 ? args[3] : String.valueOf(spots));
    Path work = Files.createTempDirectory("landwatch-bench");
    System.out.printf("work directory (removed after a successful run): %s%n", work);
    Path layer = work.resolve("gengdi.zip");
    Path batch = work.resolve("spots.zip");
    Path warmup = work.resolve("warmup.zip");

    long t = System.nanoTime();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(layer))) {
      new ShapefileZipWriter(Cgcs2000Crs.gaussKruger(105, true), StandardCharsets.UTF_8, true)
          .write(
              "gengdi",
              FixtureGenerator.LAYER_FIELDS,
              new FixtureGenerator(1).layerIterator(LayerClass.CULTIVATED_LAND, parcels),
              out);
    }
    writeBatch(batch, 2, YearMonth.of(2023, 5), spots);
    if (warmupSpots > 0) {
      writeBatch(warmup, 3, YearMonth.of(2023, 4), warmupSpots);
    }
    System.out.printf(
        "machine: %d cores, load average %.2f, application heap -Xmx%s%n",
        Runtime.getRuntime().availableProcessors(), loadAverage(), heap);
    System.out.printf(
        "generated %,d parcels (%,d bytes) and %,d spots in %.1f s%n",
        parcels, Files.size(layer), spots, seconds(t));

    int port = freePort();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Process app = start(work, port, heap);
    try {
      t = System.nanoTime();
      awaitHealthy(http, port, app);
      System.out.printf("first start: %.1f s%n", seconds(t));

      t = System.nanoTime();
      String answer = upload(http, port, "/api/layers/CULTIVATED_LAND?year=2023", layer);
      System.out.printf("layer import (%,d parcels): %.1f s  %s%n", parcels, seconds(t), answer);

      if (warmupSpots > 0) {
        System.out.printf(
            "cold JVM: the first batch after start (another month), while the JIT compiles%n");
        importUntilVerifyTasks(http, port, work, warmup, warmupSpots, 0);
        System.out.printf("warm JVM: the next batch, as on a server that has been running%n");
      }
      importUntilVerifyTasks(http, port, work, batch, spots, warmupSpots);

      app.destroyForcibly().waitFor();
      app = start(work, port, heap);
      t = System.nanoTime();
      awaitHealthy(http, port, app);
      System.out.printf(
          "restart after kill -9, index rebuilt from the database: %.1f s%n", seconds(t));

      t = System.nanoTime();
      answer = upload(http, port, "/api/layers/CULTIVATED_LAND?year=2024", layer);
      System.out.printf(
          "layer replacement with %,d spots rechecked: %.1f s  %s%n",
          warmupSpots + spots, seconds(t), answer);
    } finally {
      app.destroy();
      app.waitFor();
    }
    removeTree(work);
  }

  /** The work directory holds a database and the layer: gigabytes, kept only after a failure. */
  private static void removeTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** A month's batch of generated spots, the same for the same seed, as the Ministry ships it. */
  private static void writeBatch(Path file, long seed, YearMonth issued, int spots)
      throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      new ShapefileZipWriter(Cgcs2000Crs.geographic(), Charset.forName("GBK"), false)
          .write(
              "spots",
              FixtureGenerator.SPOT_FIELDS,
              new FixtureGenerator(seed).spotBatch(issued, spots).iterator(),
              out);
    }
  }

  /**
   * Imports a batch and waits until each of its spots waits at verification, printing each phase;
   * {@code before} spots of earlier batches are there already.
   */
  private static void importUntilVerifyTasks(
      HttpClient http, int port, Path work, Path batch, int spots, int before) throws Exception {
    long t = System.nanoTime();
    String answer = upload(http, port, "/api/batches", batch);
    double batchSeconds = seconds(t);
    System.out.printf(
        "batch import (%,d spots, checked at import): %.1f s = %,.0f spots/s  %s%n",
        spots, batchSeconds, spots / batchSeconds, answer);
    Progress progress = awaitVerifyTasks(http, port, work, before + spots, t);
    double total = seconds(t);
    System.out.printf(
        "batch import to %,d spot-check instances started (spot-issued messages): %.1f s = %,.0f"
            + " spots/s%n",
        spots, progress.startedSeconds(), spots / progress.startedSeconds());
    System.out.printf(
        "batch import to %,d verify tasks (instances started by message, spatial check worker,"
            + " suggestion DMN, county sub-process): %.1f s = %,.0f spots/s%n",
        spots, total, spots / total);
    System.out.printf(
        "breakdown: import %.1f s, then instances started %.1f s, then verify tasks %.1f s"
            + " (instance start to verify task %,.0f spots/s)%n",
        batchSeconds,
        progress.startedSeconds() - batchSeconds,
        total - progress.startedSeconds(),
        spots / (total - batchSeconds));
    System.out.printf(
        "load average (1 min, other builds share the machine): %.2f%n", loadAverage());
  }

  private static final String ADMIN =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD)
                      .getBytes(StandardCharsets.UTF_8));

  private static Process start(Path work, int port, String heap) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + heap,
            "-cp",
            System.getProperty("java.class.path"),
            LandwatchApplication.class.getName(),
            "--server.port=" + port,
            "--landwatch.data-dir=" + work.resolve("data"),
            "--landwatch.security.initial-admin.password=" + TestUsers.ADMIN_PASSWORD)
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("app.log").toFile())
        .start();
  }

  /** When every spot's instance had started, in seconds since the batch upload began. */
  private record Progress(double startedSeconds) {}

  /**
   * Polls the engine's searches (engine credentials) until every spot's instance has started and
   * every one waits at verification.
   */
  private static Progress awaitVerifyTasks(
      HttpClient http, int port, Path work, int spots, long since) throws Exception {
    String engine =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("landwatch:"
                            + Files.readString(work.resolve("data").resolve("engine-api-password"))
                                .trim())
                        .getBytes(StandardCharsets.UTF_8));
    HttpRequest instances =
        search(
            port,
            engine,
            "/v2/process-instances/search",
            "{\"filter\":{\"processDefinitionId\":\"spot-check\"},\"page\":{\"limit\":1}}");
    HttpRequest tasks =
        search(
            port,
            engine,
            "/v2/user-tasks/search",
            "{\"filter\":{\"elementId\":\"verify\",\"state\":\"CREATED\"},"
                + "\"page\":{\"limit\":1}}");
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    double started = -1;
    while (System.nanoTime() < deadline) {
      if (started < 0 && total(http, instances) >= spots) {
        started = seconds(since);
      }
      if (started >= 0 && total(http, tasks) >= spots) {
        return new Progress(started);
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the verify tasks were not all created within 10 minutes");
  }

  private static final Pattern TOTAL = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");

  private static HttpRequest search(int port, String authorization, String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static long total(HttpClient http, HttpRequest search) throws Exception {
    Matcher found = TOTAL.matcher(http.send(search, HttpResponse.BodyHandlers.ofString()).body());
    return found.find() ? Long.parseLong(found.group(1)) : 0;
  }

  private static void awaitHealthy(HttpClient http, int port, Process app) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && app.isAlive()) {
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the server is not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the application did not become healthy; see its log");
  }

  private static String upload(HttpClient http, int port, String path, Path file) throws Exception {
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
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private ImportAtScaleBenchmark() {}
}
