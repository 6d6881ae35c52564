package landwatch.bench;

import static landwatch.bench.BenchApplication.loadAverage;
import static landwatch.bench.BenchApplication.seconds;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import landwatch.fixtures.FixtureGenerator;
import landwatch.layer.LayerClass;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.ShapefileZipWriter;

/**
 * The tasklist and the cockpit with a province's numbers: a month's 10,000-spot batch imported
 * through the API until 10,000 verify tasks are open in the engine, and the eleven months before it
 * (110,000 concluded spots, each with its report and judgment) written straight into the
 * application's tables, as a year of use would have left them; their instances finished long ago
 * and are not in the engine. Then, signed in with an API token as the users who open these pages
 * all day, each request is timed many times over and its p50, p95, p99 and maximum printed:
 *
 * <ul>
 *   <li>the tasklist's first page for the county officer with the most open tasks (what {@code
 *       /#/tasks} loads), by due date and by creation;
 *   <li>the cockpit's progress view of the current batch for the province manager (every county)
 *       and a city reviewer;
 *   <li>the spot list's first page over the whole year for the province manager.
 * </ul>
 *
 * <p>Run: {@code ./mvnw -q -o -pl app -Pbench-lists verify -DskipTests}; arguments (app/pom.xml):
 * spots this month, months of history, heap, timed requests per figure.
 */
public final class ListsAtScaleBenchmark {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Pattern TOKEN = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern BATCH = Pattern.compile("\"batchId\"\\s*:\\s*(\\d+)");
  private static final int WARMUP = 30;

  /** Enough cultivated land for the spatial check; its scale is the other benchmark's concern. */
  private static final int PARCELS = 50_000;

  public static void main(String[] args) throws Exception {
    int spots = Integer.parseInt(args.length > 0 ? args[0] : "10000");
    int months = Integer.parseInt(args.length > 1 ? args[1] : "11");
    String heap = args.length > 2 ? args[2] : "2g";
    int samples = Integer.parseInt(args.length > 3 ? args[3] : "200");
    Path work = Files.createTempDirectory("landwatch-bench-lists");
    System.out.printf("work directory (removed after a successful run): %s%n", work);
    Path batch = work.resolve("spots.zip");
    Path layer = work.resolve("gengdi.zip");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(layer))) {
      new ShapefileZipWriter(Cgcs2000Crs.gaussKruger(105, true), StandardCharsets.UTF_8, true)
          .write(
              "gengdi",
              FixtureGenerator.LAYER_FIELDS,
              new FixtureGenerator(1).layerIterator(LayerClass.CULTIVATED_LAND, PARCELS),
              out);
    }
    YearMonth thisMonth = YearMonth.now(ZONE);
    ImportAtScaleBenchmark.writeBatch(batch, 2, thisMonth, spots);
    int postgresPort = BenchApplication.freePort();
    BenchApplication app =
        new BenchApplication(
            work,
            heap,
            "--spring.profiles.active=demo",
            "--landwatch.demo.month=false",
            "--landwatch.postgres.port=" + postgresPort);
    System.out.printf(
        "machine: %d cores, load average %.2f, application heap -Xmx%s%n",
        Runtime.getRuntime().availableProcessors(), loadAverage(), heap);
    try {
      app.start();
      // a spot is checked against the reference layers before its verify task exists
      app.upload("/api/layers/CULTIVATED_LAND?year=2023", layer);
      long t = System.nanoTime();
      Matcher imported = BATCH.matcher(app.upload("/api/batches", batch));
      if (!imported.find()) {
        throw new IllegalStateException("the batch import named no batch");
      }
      long batchId = Long.parseLong(imported.group(1));
      ImportAtScaleBenchmark.awaitVerifyTasks(app, spots, t);
      System.out.printf(
          "batch %d of %s: %,d spots, %,d verify tasks open, in %.1f s%n",
          batchId, thisMonth, spots, spots, seconds(t));

      String busiestCounty;
      try (Connection db =
          DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres?currentSchema=landwatch",
              "postgres",
              "")) {
        t = System.nanoTime();
        for (int m = 1; m <= months; m++) {
          history(db, batchId, thisMonth.minusMonths(m));
        }
        try (Statement analyze = db.createStatement()) {
          analyze.execute("ANALYZE");
        }
        busiestCounty = busiestCounty(db, batchId);
        System.out.printf(
            "history: %,d earlier months' batches, %,d spots in all, written in %.1f s%n",
            months, count(db, "SELECT count(*) FROM spot"), seconds(t));
      }

      String officer = token(app, "officer-" + busiestCounty);
      String manager = token(app, "manager-640000");
      String reviewer = token(app, "reviewer-640100");
      System.out.printf(
          "timed: %d requests per figure after %d unmeasured, one at a time%n", samples, WARMUP);
      time(
          app,
          "tasklist first page, officer-" + busiestCounty + ", by due date",
          "/api/tasks",
          officer,
          samples);
      time(
          app,
          "tasklist first page, officer-" + busiestCounty + ", newest first",
          "/api/tasks?order=CREATED",
          officer,
          samples);
      time(
          app,
          "cockpit progress, province manager (all counties)",
          "/api/batches/" + batchId + "/progress",
          manager,
          samples);
      time(
          app,
          "cockpit progress, city reviewer 640100",
          "/api/batches/" + batchId + "/progress",
          reviewer,
          samples);
      time(
          app,
          "spot list first page, province manager, the whole year",
          "/api/spots",
          manager,
          samples);
      System.out.printf("load average (1 min): %.2f%n", loadAverage());
    } finally {
      app.stop();
    }
    BenchApplication.removeTree(work);
  }

  /**
   * One concluded month: the current batch's spots again under new codes, each verified, reported,
   * judged (legal, illegal and other in turn) and concluded on time.
   */
  private static void history(Connection db, long templateBatch, YearMonth month) throws Exception {
    LocalDate countyDue = month.plusMonths(1).atDay(20);
    LocalDate provinceDue = month.plusMonths(1).atDay(25);
    long batchId;
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO batch (file_name, format, spot_count, imported_by, issued_month,"
                + " county_due, province_due) SELECT 'history-' || ?, format, spot_count,"
                + " 'bench', ?, ?, ? FROM batch WHERE id = ? RETURNING id")) {
      insert.setString(1, month.toString());
      insert.setObject(2, month.atDay(1));
      insert.setObject(3, countyDue);
      insert.setObject(4, provinceDue);
      insert.setLong(5, templateBatch);
      try (ResultSet created = insert.executeQuery()) {
        created.next();
        batchId = created.getLong(1);
      }
    }
    String reportedAt = "'" + month.plusMonths(1).atDay(10) + " 10:00+08'::timestamptz";
    String judgment =
        "CASE s.feature_index % 3 WHEN 0 THEN 'LEGAL' WHEN 1 THEN 'ILLEGAL' ELSE 'OTHER' END";
    for (String sql :
        Arrays.asList(
            "INSERT INTO spot (batch_id, feature_index, monitoring_code, region_code, change_type,"
                + " reported_area_mu, imagery_before, imagery_after, area_mu, geometry, attributes,"
                + " repairs) SELECT :new, feature_index, 'H"
                + month
                + "-' || monitoring_code,"
                + " region_code, change_type, reported_area_mu, imagery_before, imagery_after,"
                + " area_mu, geometry, attributes, repairs FROM spot WHERE batch_id = :template",
            "INSERT INTO spot_progress (spot_id, state, county_due, province_due, started_at,"
                + " verified_at, reported_at, reported_by, final_judgment, final_basis,"
                + " concluded_at) SELECT s.id, 'CONCLUDED', '"
                + countyDue
                + "', '"
                + provinceDue
                + "', "
                + reportedAt
                + ", "
                + reportedAt
                + ", "
                + reportedAt
                + ", 'bench', "
                + judgment
                + ", 'COUNTY', "
                + reportedAt
                + " FROM spot s WHERE s.batch_id = :new",
            "INSERT INTO spot_event (spot_id, step, occurred_at, actor, detail) SELECT s.id,"
                + " 'REPORTED', "
                + reportedAt
                + ", 'bench', '{}' FROM spot s"
                + " WHERE s.batch_id = :new",
            "INSERT INTO spot_judgment (spot_id, basis, judgment, detail, judged_by, judged_at,"
                + " event_id) SELECT s.id, 'COUNTY', "
                + judgment
                + ", '{}', 'bench', "
                + reportedAt
                + ", e.id FROM spot s JOIN spot_event e ON e.spot_id = s.id"
                + " WHERE s.batch_id = :new")) {
      try (Statement statement = db.createStatement()) {
        statement.execute(
            sql.replace(":new", Long.toString(batchId))
                .replace(":template", Long.toString(templateBatch)));
      }
    }
  }

  private static String busiestCounty(Connection db, long batchId) throws Exception {
    try (Statement query = db.createStatement();
        ResultSet found =
            query.executeQuery(
                "SELECT region_code FROM spot WHERE batch_id = "
                    + batchId
                    + " GROUP BY region_code ORDER BY count(*) DESC, region_code LIMIT 1")) {
      found.next();
      return found.getString(1);
    }
  }

  private static long count(Connection db, String sql) throws Exception {
    try (Statement query = db.createStatement();
        ResultSet found = query.executeQuery(sql)) {
      found.next();
      return found.getLong(1);
    }
  }

  /** An API token of a demo user: the password is checked once, not on every timed request. */
  private static String token(BenchApplication app, String user) throws Exception {
    HttpRequest issue =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port + "/api/tokens"))
            .header("Content-Type", "application/json")
            .header("Authorization", BenchApplication.basic(user, "landwatch-demo"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"validDays\":1}"))
            .build();
    HttpResponse<String> answer = app.http.send(issue, HttpResponse.BodyHandlers.ofString());
    Matcher token = TOKEN.matcher(answer.body());
    if (answer.statusCode() != 201 || !token.find()) {
      throw new IllegalStateException(
          "no token for " + user + ": " + answer.statusCode() + " " + answer.body());
    }
    return "Bearer " + token.group(1);
  }

  private static void time(
      BenchApplication app, String label, String path, String authorization, int samples)
      throws Exception {
    long bytes = 0;
    for (int i = 0; i < WARMUP; i++) {
      bytes = ok(app, path, authorization).length();
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long t = System.nanoTime();
      ok(app, path, authorization);
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%s: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (%,d bytes)%n",
        label,
        percentile(nanos, 50),
        percentile(nanos, 95),
        percentile(nanos, 99),
        nanos[nanos.length - 1] / 1e6,
        bytes);
  }

  private static String ok(BenchApplication app, String path, String authorization)
      throws Exception {
    HttpResponse<String> response = app.get(path, authorization);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** Nearest-rank percentile of sorted durations, in milliseconds. */
  private static double percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  private ListsAtScaleBenchmark() {}
}
