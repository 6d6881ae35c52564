package landwatch.spatial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.fixtures.FixtureGenerator;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class ShapefileRoundTripTest {

  private static final Charset GBK = Charset.forName("GBK");
  private static final List<Feature> SPOTS =
      new FixtureGenerator(7).spotBatch(NingxiaCounty.XIJI, YearMonth.of(2023, 3), 40);
  private final SpatialFileReader reader = new SpatialFileReader(ImportLimits.defaults());

  static List<Arguments> encodingsAndZones() {
    return List.of(
        Arguments.of(GBK, true, Cgcs2000Crs.geographic()),
        Arguments.of(GBK, false, Cgcs2000Crs.geographic()),
        Arguments.of(StandardCharsets.UTF_8, true, Cgcs2000Crs.geographic()),
        Arguments.of(GBK, true, Cgcs2000Crs.gaussKruger(105, true)),
        Arguments.of(StandardCharsets.UTF_8, true, Cgcs2000Crs.gaussKruger(105, false)),
        Arguments.of(GBK, false, Cgcs2000Crs.gaussKruger(108, false)));
  }

  @ParameterizedTest
  @MethodSource("encodingsAndZones")
  void readsBackWhatWasWritten(Charset charset, boolean cpg, Cgcs2000Crs crs) {
    byte[] zip =
        new ShapefileZipWriter(crs, charset, cpg)
            .write("2023年3月图斑", FixtureGenerator.SPOT_FIELDS, SPOTS.iterator());

    List<Feature> read = reader.read(zip);

    assertThat(read).hasSameSizeAs(SPOTS);
    for (int i = 0; i < SPOTS.size(); i++) {
      Feature written = SPOTS.get(i);
      Feature back = read.get(i);
      assertThat(back.index()).isEqualTo(i);
      assertThat(back.attributes()).isEqualTo(written.attributes());
      assertThat(back.geometry().norm().equalsExact(written.geometry().norm(), 1e-7)).isTrue();
    }
    assertThat(read.get(0).attributes()).containsEntry("XZQMC", "西吉县");
  }

  @Test
  void utf8WithoutCpgIsTakenForGbk() {
    byte[] zip =
        new ShapefileZipWriter(Cgcs2000Crs.geographic(), StandardCharsets.UTF_8, false)
            .write("spots", FixtureGenerator.SPOT_FIELDS, SPOTS.iterator());

    assertThat(reader.read(zip).get(0).attributes().get("XZQMC")).isNotEqualTo("西吉县");
  }

  @Test
  void keepsHolesAndMultiPolygonsAndChineseFieldNames() {
    GeometryFactory factory = new GeometryFactory();
    Polygon withHole =
        KnownShapes.squareWithHole(
            Cgcs2000Crs.gaussKruger(105, false),
            KnownShapes.YINCHUAN_LON,
            KnownShapes.YINCHUAN_LAT,
            100,
            50);
    Polygon other =
        KnownShapes.square(
            Cgcs2000Crs.gaussKruger(105, false),
            KnownShapes.YINCHUAN_LON + 0.01,
            KnownShapes.YINCHUAN_LAT,
            30);
    MultiPolygon both = factory.createMultiPolygon(new Polygon[] {withHole, other});
    List<Feature> features =
        List.of(
            new Feature(0, both, Map.of("监测编号", "A1")),
            new Feature(1, withHole, Map.of("监测编号", "A2")));
    byte[] zip =
        new ShapefileZipWriter(Cgcs2000Crs.gaussKruger(105, true), GBK, true)
            .write("layer", List.of(AttributeField.text("监测编号", 10)), features.iterator());

    List<Feature> read = reader.read(zip);

    Geometry first = read.get(0).geometry();
    assertThat(first).isInstanceOf(MultiPolygon.class);
    assertThat(first.getNumGeometries()).isEqualTo(2);
    assertThat(first.norm().equalsExact(both.norm(), 1e-7)).isTrue();
    assertThat(((Polygon) read.get(1).geometry()).getNumInteriorRing()).isEqualTo(1);
    assertThat(Cgcs2000Crs.gaussKruger(105, false).fromLonLat(read.get(1).geometry()).getArea())
        .isCloseTo(7500.0, within(1e-3));
    assertThat(read.get(1).attributes()).containsEntry("监测编号", "A2");
  }

  @Test
  void readsEveryDbfFieldType() {
    Geometry square =
        KnownShapes.square(
            Cgcs2000Crs.geographic(), KnownShapes.YINCHUAN_LON, KnownShapes.YINCHUAN_LAT, 50);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("MC", "贺兰山东麓");
    values.put("BSM", new BigDecimal("6401040001"));
    values.put("MJ", new BigDecimal("12.35"));
    values.put("RQ", LocalDate.of(2022, 12, 31));
    values.put("SFHF", true);
    values.put("KONG", null);
    List<AttributeField> fields =
        List.of(
            AttributeField.text("MC", 20),
            AttributeField.number("BSM", 12, 0),
            AttributeField.number("MJ", 10, 2),
            AttributeField.date("RQ"),
            new AttributeField("SFHF", AttributeField.Type.LOGICAL, 1, 0),
            AttributeField.text("KONG", 10));
    byte[] zip =
        new ShapefileZipWriter(Cgcs2000Crs.geographic(), GBK, true)
            .write("types", fields, List.of(new Feature(0, square, values)).iterator());

    assertThat(reader.read(zip).get(0).attributes()).isEqualTo(values);
  }

  @Test
  void nullShapesReadAsNoGeometry() {
    List<Feature> features = List.of(new Feature(0, null, Map.of("JCBH", "X")));
    byte[] zip =
        new ShapefileZipWriter(Cgcs2000Crs.geographic(), GBK, false)
            .write("empty", List.of(AttributeField.text("JCBH", 10)), features.iterator());

    assertThat(reader.read(zip)).singleElement().satisfies(f -> assertThat(f.geometry()).isNull());
  }
}
