package landwatch.bench;

import static landwatch.bench.BenchApplication.loadAverage;
import static landwatch.bench.BenchApplication.seconds;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
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

    BenchApplication app = new BenchApplication(work, heap);
    try {
      t = System.nanoTime();
      app.start();
      System.out.printf("first start: %.1f s%n", seconds(t));

      t = System.nanoTime();
      String answer = app.upload("/api/layers/CULTIVATED_LAND?year=2023", layer);
      System.out.printf("layer import (%,d parcels): %.1f s  %s%n", parcels, seconds(t), answer);

      if (warmupSpots > 0) {
        System.out.printf(
            "cold JVM: the first batch after start (another month), while the JIT compiles%n");
        importUntilVerifyTasks(app, warmup, warmupSpots, 0);
        System.out.printf("warm JVM: the next batch, as on a server that has been running%n");
      }
      importUntilVerifyTasks(app, batch, spots, warmupSpots);

      app.kill();
      t = System.nanoTime();
      app.start();
      System.out.printf(
          "restart after kill -9, index rebuilt from the database: %.1f s%n", seconds(t));

      t = System.nanoTime();
      answer = app.upload("/api/layers/CULTIVATED_LAND?year=2024", layer);
      System.out.printf(
          "layer replacement with %,d spots rechecked: %.1f s  %s%n",
          warmupSpots + spots, seconds(t), answer);
    } finally {
      app.stop();
    }
    BenchApplication.removeTree(work);
  }

  /** A month's batch of generated spots, the same for the same seed, as the Ministry ships it. */
  static void writeBatch(Path file, long seed, YearMonth issued, int spots) throws IOException {
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
      BenchApplication app, Path batch, int spots, int before) throws Exception {
    long t = System.nanoTime();
    String answer = app.upload("/api/batches", batch);
    double batchSeconds = seconds(t);
    System.out.printf(
        "batch import (%,d spots, checked at import): %.1f s = %,.0f spots/s  %s%n",
        spots, batchSeconds, spots / batchSeconds, answer);
    Progress progress = awaitVerifyTasks(app, before + spots, t);
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

  /** When every spot's instance had started, in seconds since the batch upload began. */
  record Progress(double startedSeconds) {}

  /**
   * Polls the engine's searches (engine credentials) until every spot's instance has started and
   * every one waits at verification.
   */
  static Progress awaitVerifyTasks(BenchApplication app, int spots, long since) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    double started = -1;
    while (System.nanoTime() < deadline) {
      if (started < 0
          && app.engineTotal(
                  "/v2/process-instances/search",
                  "{\"filter\":{\"processDefinitionId\":\"spot-check\"},\"page\":{\"limit\":1}}")
              >= spots) {
        started = seconds(since);
      }
      if (started >= 0
          && app.engineTotal(
                  "/v2/user-tasks/search",
                  "{\"filter\":{\"elementId\":\"verify\",\"state\":\"CREATED\"},"
                      + "\"page\":{\"limit\":1}}")
              >= spots) {
        return new Progress(started);
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the verify tasks were not all created within 10 minutes");
  }

  private ImportAtScaleBenchmark() {}
}
