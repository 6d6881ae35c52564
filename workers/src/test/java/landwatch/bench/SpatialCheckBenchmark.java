package landwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import landwatch.layer.LayerClass;
import landwatch.layer.LayerIndex;
import landwatch.layer.ReferenceLayers;
import landwatch.spot.SpatialCheckResult;
import landwatch.spot.SpatialCheckService;
import landwatch.spot.judgment.Judgment;
import landwatch.spot.judgment.JudgmentRuleTable;
import org.locationtech.jts.geom.Polygon;

/**
 * Scale benchmark: 1,000,000 cultivated parcels plus the other seven layers, then 10,000 spots
 * checked on all cores once warm. Prints spots/s, index build time and heap. Run with {@code ./mvnw
 * -q -pl workers -Pbench test-compile exec:exec} (heap -Xmx2g, see the profile).
 *
 * <p>Arguments: parcel count, spot count, seed, ridge width in metres between parcels (0: parcels
 * share edges).
 */
public final class SpatialCheckBenchmark {

  private static final int ROUNDS = 3;

  public static void main(String[] args) throws Exception {
    int parcels = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int spotCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20230324L;
    double ridgeM = args.length > 3 ? Double.parseDouble(args[3]) : 1.5;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        "machine: %d cores, load average %.1f, max heap %d MB, %s %s%n",
        cores,
        loadAverage(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));

    NingxiaParcels land = new NingxiaParcels(seed, parcels, ridgeM);
    System.out.printf("seed %d, %.1f m between parcels%n", seed, ridgeM);
    ReferenceLayers layers = new ReferenceLayers();

    long start = System.nanoTime();
    LayerIndex.Builder cultivated = LayerIndex.builder(LayerClass.CULTIVATED_LAND, "bench");
    land.cultivatedLand(parcels, cultivated::add);
    long loaded = System.nanoTime();
    layers.install(cultivated.build());
    long built = System.nanoTime();
    System.out.printf(
        "cultivated land: %,d parcels (%d repaired) generated+validated+packed in %.1f s, STR-tree built in %.1f s (total %.1f s)%n",
        layers.snapshot().layer(LayerClass.CULTIVATED_LAND).orElseThrow().polygonCount(),
        cultivated.repairedCount(),
        seconds(loaded - start),
        seconds(built - loaded),
        seconds(built - start));

    Map<LayerClass, List<Polygon>> others = new EnumMap<>(LayerClass.class);
    others.put(LayerClass.BASIC_FARMLAND, land.basicFarmland());
    others.put(LayerClass.ECOLOGICAL_REDLINE, land.ecologicalRedLine());
    others.put(LayerClass.URBAN_BOUNDARY, land.urbanBoundary());
    others.put(LayerClass.APPROVED_LAND, land.rectangles(11, 20_000, 5, 100));
    others.put(LayerClass.FACILITY_AGRICULTURE, land.rectangles(12, 10_000, 2, 30));
    others.put(LayerClass.TEMPORARY_LAND, land.rectangles(13, 3_000, 1, 20));
    others.put(LayerClass.MINING_RIGHTS, land.rectangles(14, 600, 750, 4_500));
    long othersStart = System.nanoTime();
    others.forEach((layerClass, polygons) -> layers.replace(layerClass, "bench", polygons));
    System.out.printf(
        "other layers: %s built in %.1f s%n",
        counts(others), seconds(System.nanoTime() - othersStart));
    others.clear();

    long retained = retainedHeapAfterGc();
    System.out.printf("heap retained by the indexes after GC: %d MB%n", retained >> 20);

    SpatialCheckService service =
        new SpatialCheckService(
            layers, JudgmentRuleTable.fromClasspath("rules/judgment-suggestion-2023.json"));
    List<NingxiaParcels.Spot> warmUp = land.spots(100, spotCount);
    List<NingxiaParcels.Spot> spots = land.spots(200, spotCount);
    ForkJoinPool pool = new ForkJoinPool(cores);
    try {
      for (int i = 0; i < 2; i++) {
        double rate = run(pool, service, warmUp).spotsPerSecond;
        System.out.printf("warm-up %d: %,.0f spots/s%n", i + 1, rate);
      }
      List<Double> rates = new ArrayList<>();
      Run last = null;
      for (int i = 0; i < ROUNDS; i++) {
        last = run(pool, service, spots);
        rates.add(last.spotsPerSecond);
        System.out.printf(
            "round %d: %,d spots in %.2f s = %,.0f spots/s; process CPU %.3f ms/spot (incl. GC); load average %.1f%n",
            i + 1,
            spotCount,
            last.seconds,
            last.spotsPerSecond,
            last.cpuMillisPerSpot,
            loadAverage());
      }
      rates.sort(Double::compare);
      System.out.printf(
          "CPU-bound rate, %d cores to ourselves: %,.0f spots/s (from the last round's CPU time per spot)%n",
          cores, cores * 1000 / last.cpuMillisPerSpot);
      System.out.printf(
          "RESULT median %,.0f spots/s (min %,.0f, max %,.0f) on %d cores%n",
          rates.get(ROUNDS / 2), rates.get(0), rates.get(ROUNDS - 1), cores);
      System.out.printf(
          "spots occupying cultivated land: %,d; suggested ILLEGAL %,d, LEGAL %,d, OTHER %,d; mandatory review %,d%n",
          last.cultivated.get(),
          last.judgments.get(Judgment.ILLEGAL).get(),
          last.judgments.get(Judgment.LEGAL).get(),
          last.judgments.get(Judgment.OTHER).get(),
          last.review.get());
    } finally {
      pool.shutdown();
    }
    System.out.printf(
        "peak heap used (sum of pool peaks over the whole run): %d MB; retained after build: %d MB%n",
        peakHeap() >> 20, retained >> 20);
  }

  private static final class Run {
    double seconds;
    double spotsPerSecond;
    double cpuMillisPerSpot;
    final AtomicLong cultivated = new AtomicLong();
    final AtomicLong review = new AtomicLong();
    final Map<Judgment, AtomicLong> judgments = new EnumMap<>(Judgment.class);

    Run() {
      for (Judgment judgment : Judgment.values()) {
        judgments.put(judgment, new AtomicLong());
      }
    }
  }

  private static Run run(
      ForkJoinPool pool, SpatialCheckService service, List<NingxiaParcels.Spot> spots)
      throws Exception {
    Run run = new Run();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    pool.submit(
            () ->
                spots.parallelStream()
                    .forEach(
                        spot -> {
                          SpatialCheckResult result =
                              service.check(spot.geometry(), spot.changeType(), false);
                          if (result.flags().occupiesCultivatedLand()) {
                            run.cultivated.incrementAndGet();
                          }
                          if (result.mandatoryReview()) {
                            run.review.incrementAndGet();
                          }
                          run.judgments.get(result.suggestion().judgment()).incrementAndGet();
                        }))
        .get();
    run.seconds = seconds(System.nanoTime() - start);
    run.spotsPerSecond = spots.size() / run.seconds;
    run.cpuMillisPerSpot = (processCpuNanos() - cpuStart) / 1e6 / spots.size();
    return run;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Other processes on a shared machine slow the wall-clock rate; the load says how much. */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long retainedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static String counts(Map<LayerClass, List<Polygon>> layers) {
    StringBuilder text = new StringBuilder();
    layers.forEach(
        (layerClass, polygons) ->
            text.append(layerClass).append('=').append(polygons.size()).append(' '));
    return text.toString().trim();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
