package landwatch.spatial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import landwatch.fixtures.FixtureGenerator;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.fixtures.TestZips;
import landwatch.layer.LayerClass;
import landwatch.layer.LayerValidator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Random mutations of valid files. Whatever the bytes, reading ends in features or in a {@link
 * SpatialImportException}, and validating what was read ends in a verdict; any other exception is a
 * bug. Seeded, so a failure repeats.
 */
class FuzzTest {

  private static final int ROUNDS_PER_COMPONENT = 400;
  private static final ImportLimits LIMITS = ImportLimits.defaults();

  private final SpatialFileReader reader = new SpatialFileReader(LIMITS);
  private final LayerValidator validator = new LayerValidator(ProvinceExtent.NINGXIA);

  @Test
  void mutatedShapefileComponents() {
    Map<String, byte[]> original = TestZips.entries(sample());
    Random random = new Random(20230324);
    int read = 0;
    for (String component : List.of("s.shp", "s.shx", "s.dbf", "s.prj", "s.cpg")) {
      for (int round = 0; round < ROUNDS_PER_COMPONENT; round++) {
        Map<String, byte[]> entries = new LinkedHashMap<>(original);
        entries.put(component, mutate(original.get(component), random));
        byte[] zip = TestZips.zip(entries);
        read += readsOrRefuses(() -> reader.read(zip), component + " round " + round);
      }
    }
    // The fuzzing reaches past the first checks: some mutations still read.
    assertThat(read).isPositive();
  }

  @Test
  void mutatedArchives() {
    byte[] original = sample();
    Random random = new Random(7);
    for (int round = 0; round < ROUNDS_PER_COMPONENT; round++) {
      byte[] zip = mutate(original, random);
      readsOrRefuses(() -> reader.read(zip), "zip round " + round);
    }
  }

  @Test
  void mutatedGeoJson() {
    byte[] original =
        new GeoJsonWriter(Cgcs2000Crs.gaussKruger(105, false))
            .write(
                new FixtureGenerator(8)
                    .spotBatch(NingxiaCounty.LITONG, YearMonth.of(2023, 2), 5)
                    .iterator());
    Random random = new Random(11);
    int read = 0;
    for (int round = 0; round < ROUNDS_PER_COMPONENT; round++) {
      byte[] json = mutate(original, random);
      read += readsOrRefuses(() -> reader.read(json), "geojson round " + round);
    }
    assertThat(read).isPositive();
  }

  @Test
  void randomPolygonsAreJudgedNeverThrown() {
    Random random = new Random(3);
    GeometryFactory factory = new GeometryFactory();
    PolygonCheck check = new PolygonCheck(ProvinceExtent.NINGXIA);
    int repaired = 0;
    int refused = 0;
    for (int round = 0; round < ROUNDS_PER_COMPONENT * 5; round++) {
      LinearRing[] rings = new LinearRing[1 + random.nextInt(3)];
      for (int r = 0; r < rings.length; r++) {
        Coordinate[] points = new Coordinate[1 + random.nextInt(12)];
        for (int p = 0; p < points.length; p++) {
          // A coarse grid makes coincident vertices and collinear edges likely.
          points[p] =
              new Coordinate(106.27 + random.nextInt(5) * 1e-3, 38.47 + random.nextInt(5) * 1e-3);
        }
        rings[r] = Rings.ring(factory, points);
      }
      Polygon polygon = factory.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
      PolygonCheck.Outcome outcome = check.check(polygon);
      if (outcome.accepted()) {
        assertThat(outcome.geometry().isValid()).isTrue();
        repaired += outcome.repairs().size();
      } else {
        refused++;
      }
    }
    assertThat(repaired).isPositive();
    assertThat(refused).isPositive();
  }

  /** 1 when the input was read (and validated), 0 when refused. */
  private int readsOrRefuses(Supplier<List<Feature>> read, String what) {
    try {
      List<Feature> features = read.get();
      validator.validate(LayerClass.CULTIVATED_LAND, features);
      return 1;
    } catch (SpatialImportException expected) {
      assertThat(expected.reasonChinese()).isNotBlank();
      return 0;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return fail("%s: %s", what, e.toString(), e);
    }
  }

  /** A small layer with holes and multipolygons, in a projected zone, without .cpg. */
  private static byte[] sample() {
    List<Feature> features =
        new ArrayList<>(
            new FixtureGenerator(5).spotBatch(NingxiaCounty.XINGQING, YearMonth.of(2023, 1), 6));
    features.add(
        KnownShapes.spot(
            6,
            "H",
            NingxiaCounty.XINGQING,
            KnownShapes.squareWithHole(
                Cgcs2000Crs.gaussKruger(105, true),
                KnownShapes.YINCHUAN_LON,
                KnownShapes.YINCHUAN_LAT,
                100,
                40)));
    return new ShapefileZipWriter(Cgcs2000Crs.gaussKruger(105, true), Charset.forName("GBK"), true)
        .write("s", FixtureGenerator.SPOT_FIELDS, features.iterator());
  }

  /** Flips bytes, writes extreme integers, truncates or inserts garbage. */
  private static byte[] mutate(byte[] input, Random random) {
    byte[] bytes = input.clone();
    if (bytes.length == 0) {
      return new byte[] {(byte) random.nextInt()};
    }
    switch (random.nextInt(4)) {
      case 0 -> {
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
        }
      }
      case 1 -> {
        if (bytes.length >= 4) {
          int[] extremes = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1 << 20, 65535};
          ByteBuffer.wrap(bytes)
              .order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
              .putInt(random.nextInt(bytes.length - 3), extremes[random.nextInt(extremes.length)]);
        }
      }
      case 2 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
      default -> {
        int at = random.nextInt(bytes.length);
        byte[] garbage = new byte[1 + random.nextInt(16)];
        random.nextBytes(garbage);
        byte[] longer = new byte[bytes.length + garbage.length];
        System.arraycopy(bytes, 0, longer, 0, at);
        System.arraycopy(garbage, 0, longer, at, garbage.length);
        System.arraycopy(bytes, at, longer, at + garbage.length, bytes.length - at);
        bytes = longer;
      }
    }
    return bytes;
  }
}
