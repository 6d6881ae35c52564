package landwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Seeded synthetic Ningxia-like land for the benchmark: six county-sized blocks (one straddling the
 * 106.5°E zone boundary) tiled with cultivated parcels of 2–50 亩 in rows, separated by ridges of a
 * given width, plus the other reference layers and spots of 1–30 亩 scattered over the same blocks.
 * Shapes are drawn in local metres and placed with an equirectangular approximation; exactness does
 * not matter here, only realistic sizes, counts and vertex numbers.
 */
final class NingxiaParcels {

  /** South-west corners of the blocks (lon, lat): 中宁, 青铜峡, 永宁, 平罗, 盐池, 原州. */
  private static final double[][] BLOCK_ORIGINS = {
    {105.30, 37.30},
    {105.80, 37.75},
    {106.05, 38.20},
    {106.30, 38.70},
    {107.00, 37.50},
    {106.00, 35.80}
  };

  private static final double BLOCK_WIDTH_M = 40_000;
  private static final double MU = 10_000.0 / 15.0;
  private static final String[] CHANGE_TYPES = {"新增建设", "新增非农建设类", "年度内持续变化类", "矿产", "其他变化"};

  private final GeometryFactory factory = new GeometryFactory();
  private final long seed;
  private final double ridgeM;
  private final double blockHeightM;

  /**
   * @param ridgeM width of the ridge between neighbouring parcels; 0 makes neighbours touch along
   *     their edges (apart from the indents of under 1 m), as parcels cut from one land-survey
   *     coverage do
   */
  NingxiaParcels(long seed, int cultivatedParcels, double ridgeM) {
    this.seed = seed;
    this.ridgeM = ridgeM;
    // Mean parcel ≈ 15 亩 (log-uniform 2–50) plus ridges; blocks grow north to hold their share.
    double parcelsPerBlock = (double) cultivatedParcels / BLOCK_ORIGINS.length;
    this.blockHeightM = parcelsPerBlock * 10_400 / BLOCK_WIDTH_M;
  }

  /** Feeds exactly {@code count} cultivated parcels, block by block, row by row. */
  void cultivatedLand(int count, Consumer<Polygon> sink) {
    SplittableRandom random = new SplittableRandom(seed);
    int perBlock = (count + BLOCK_ORIGINS.length - 1) / BLOCK_ORIGINS.length;
    int made = 0;
    for (double[] origin : BLOCK_ORIGINS) {
      int inBlock = 0;
      double y = 0;
      while (inBlock < perBlock && made < count) {
        double rowHeight = 30 + random.nextDouble() * 90;
        double x = 0;
        while (x < BLOCK_WIDTH_M && inBlock < perBlock && made < count) {
          double areaM2 = logUniform(random, 2, 50) * MU;
          double width = Math.min(areaM2 / rowHeight, BLOCK_WIDTH_M - x);
          if (width > 2 * ridgeM + 5) {
            sink.accept(
                parcel(
                    origin,
                    x + ridgeM,
                    y + ridgeM,
                    width - 2 * ridgeM,
                    rowHeight - 2 * ridgeM,
                    random));
            inBlock++;
            made++;
          }
          x += width;
        }
        y += rowHeight;
      }
    }
  }

  List<Polygon> basicFarmland() {
    SplittableRandom random = new SplittableRandom(seed + 1);
    List<Polygon> polygons = new ArrayList<>();
    for (double[] origin : BLOCK_ORIGINS) {
      for (double y = 0; y < blockHeightM; y += 1_000) {
        for (double x = 0; x < BLOCK_WIDTH_M; x += 1_000) {
          if (random.nextDouble() < 0.75) {
            polygons.add(blob(origin, x + 500, y + 500, 420, 24, random));
          }
        }
      }
    }
    return polygons;
  }

  List<Polygon> ecologicalRedLine() {
    return blobsPerBlock(seed + 2, 3, 2_000, 5_000, 400);
  }

  List<Polygon> urbanBoundary() {
    return blobsPerBlock(seed + 3, 2, 1_500, 3_000, 300);
  }

  List<Polygon> rectangles(long salt, int count, double minMu, double maxMu) {
    SplittableRandom random = new SplittableRandom(seed + salt);
    List<Polygon> polygons = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double[] origin = BLOCK_ORIGINS[random.nextInt(BLOCK_ORIGINS.length)];
      double areaM2 = logUniform(random, minMu, maxMu) * MU;
      double aspect = 0.5 + random.nextDouble() * 1.5;
      double w = Math.sqrt(areaM2 * aspect);
      double h = areaM2 / w;
      polygons.add(
          parcel(
              origin,
              random.nextDouble() * (BLOCK_WIDTH_M - w),
              random.nextDouble() * (blockHeightM - h),
              w,
              h,
              random));
    }
    return polygons;
  }

  /** A spot to check, with a change type; rotated, 1–30 亩. */
  record Spot(Polygon geometry, String changeType) {}

  List<Spot> spots(long salt, int count) {
    SplittableRandom random = new SplittableRandom(seed + salt);
    List<Spot> spots = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double[] origin = BLOCK_ORIGINS[random.nextInt(BLOCK_ORIGINS.length)];
      double areaM2 = logUniform(random, 1, 30) * MU;
      double aspect = 0.5 + random.nextDouble() * 1.5;
      double w = Math.sqrt(areaM2 * aspect);
      double h = areaM2 / w;
      double cx = w + random.nextDouble() * (BLOCK_WIDTH_M - 2 * w);
      double cy = h + random.nextDouble() * (blockHeightM - 2 * h);
      double angle = random.nextDouble() * Math.PI;
      int perEdge = 1 + random.nextInt(2);
      List<Coordinate> ring = new ArrayList<>();
      double[][] corners = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
      for (int c = 0; c < 4; c++) {
        double[] a = corners[c];
        double[] b = corners[(c + 1) % 4];
        for (int s = 0; s < perEdge; s++) {
          double t = (double) s / perEdge;
          double px = a[0] + t * (b[0] - a[0]);
          double py = a[1] + t * (b[1] - a[1]);
          double rx = px * Math.cos(angle) - py * Math.sin(angle);
          double ry = px * Math.sin(angle) + py * Math.cos(angle);
          ring.add(lonLat(origin, cx + rx, cy + ry));
        }
      }
      ring.add(new Coordinate(ring.get(0)));
      spots.add(
          new Spot(
              factory.createPolygon(ring.toArray(Coordinate[]::new)),
              CHANGE_TYPES[random.nextInt(CHANGE_TYPES.length)]));
    }
    return spots;
  }

  private List<Polygon> blobsPerBlock(
      long blockSeed, int perBlock, double minRadius, double maxRadius, int vertices) {
    SplittableRandom random = new SplittableRandom(blockSeed);
    List<Polygon> polygons = new ArrayList<>();
    for (double[] origin : BLOCK_ORIGINS) {
      for (int i = 0; i < perBlock; i++) {
        double radius = minRadius + random.nextDouble() * (maxRadius - minRadius);
        polygons.add(
            blob(
                origin,
                radius + random.nextDouble() * (BLOCK_WIDTH_M - 2 * radius),
                radius + random.nextDouble() * (blockHeightM - 2 * radius),
                radius,
                vertices,
                random));
      }
    }
    return polygons;
  }

  /** A star-shaped polygon: radius varies ±15 % per vertex, so always simple. */
  private Polygon blob(
      double[] origin, double cx, double cy, double radius, int vertices, SplittableRandom random) {
    Coordinate[] ring = new Coordinate[vertices + 1];
    for (int i = 0; i < vertices; i++) {
      double angle = 2 * Math.PI * i / vertices;
      double r = radius * (0.85 + random.nextDouble() * 0.3);
      ring[i] = lonLat(origin, cx + r * Math.cos(angle), cy + r * Math.sin(angle));
    }
    ring[vertices] = new Coordinate(ring[0]);
    return factory.createPolygon(ring);
  }

  /** A field: rectangle with two extra, slightly indented vertices per edge (13 points). */
  private Polygon parcel(
      double[] origin, double x, double y, double w, double h, SplittableRandom random) {
    double[][] corners = {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
    double[][] inward = {{0, 1}, {-1, 0}, {0, -1}, {1, 0}};
    double maxIndent = Math.min(1.0, Math.min(w, h) / 10);
    Coordinate[] ring = new Coordinate[13];
    int k = 0;
    for (int c = 0; c < 4; c++) {
      double[] a = corners[c];
      double[] b = corners[(c + 1) % 4];
      ring[k++] = lonLat(origin, a[0], a[1]);
      for (double t : new double[] {1 / 3.0, 2 / 3.0}) {
        double indent = random.nextDouble() * maxIndent;
        ring[k++] =
            lonLat(
                origin,
                a[0] + t * (b[0] - a[0]) + indent * inward[c][0],
                a[1] + t * (b[1] - a[1]) + indent * inward[c][1]);
      }
    }
    ring[12] = new Coordinate(ring[0]);
    return factory.createPolygon(ring);
  }

  private static Coordinate lonLat(double[] origin, double x, double y) {
    double lat = origin[1] + y / 110_574.0;
    return new Coordinate(origin[0] + x / (111_320.0 * Math.cos(Math.toRadians(origin[1]))), lat);
  }

  private static double logUniform(SplittableRandom random, double min, double max) {
    return min * Math.exp(random.nextDouble() * Math.log(max / min));
  }
}
