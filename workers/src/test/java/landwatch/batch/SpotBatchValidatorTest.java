package landwatch.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import landwatch.fixtures.FixtureGenerator;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.ImportError;
import landwatch.spatial.io.ProvinceExtent;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;

class SpotBatchValidatorTest {

  private static final GeometryFactory FACTORY = new GeometryFactory();
  private static final Cgcs2000Crs ZONE_35 = Cgcs2000Crs.gaussKruger(105, false);
  private static final Set<String> REGIONS =
      Arrays.stream(NingxiaCounty.values()).map(NingxiaCounty::code).collect(Collectors.toSet());
  private static final String STORED_EARLIER = "6401042023020001";

  private final SpotBatchValidator validator =
      new SpotBatchValidator(
          AttributeMapping.defaults(),
          ProvinceExtent.NINGXIA,
          REGIONS::contains,
          STORED_EARLIER::equals);

  @Test
  void acceptsAGeneratedBatchWithEveryField() {
    List<Feature> features =
        new FixtureGenerator(5).spotBatch(NingxiaCounty.XINGQING, YearMonth.of(2023, 3), 30);

    BatchValidation result = validator.validate(features);

    assertThat(result.accepted()).isTrue();
    assertThat(result.spots()).hasSize(30);
    IssuedSpot first = result.spots().get(0);
    Map<String, Object> attributes = features.get(0).attributes();
    assertThat(first.monitoringCode()).isEqualTo("6401042023030001");
    assertThat(first.regionCode()).isEqualTo("640104");
    assertThat(first.reportedArea()).isEqualTo(attributes.get("TBMJ"));
    assertThat(first.imageryBefore()).isEqualTo(attributes.get("QSX"));
    assertThat(first.imageryAfter()).isEqualTo(attributes.get("HSX"));
    assertThat(first.changeType()).isEqualTo(attributes.get("BHLX"));
    assertThat(first.repairs()).isEmpty();
    assertThat(first.geometry()).isSameAs(features.get(0).geometry());
  }

  @Test
  void repairsASelfIntersectingPolygonAndRecordsIt() {
    Feature bowtie =
        spot(
            0,
            "A",
            polygon(106.27, 38.47, 106.28, 38.48, 106.28, 38.47, 106.27, 38.48, 106.27, 38.47));

    BatchValidation result = validator.validate(List.of(bowtie));

    assertThat(result.accepted()).isTrue();
    IssuedSpot spot = result.spots().get(0);
    assertThat(spot.geometry().isValid()).isTrue();
    assertThat(spot.geometry()).isInstanceOf(MultiPolygon.class);
    assertThat(spot.repairs())
        .singleElement()
        .satisfies(
            repair -> {
              assertThat(repair.problemChinese()).isEqualTo("自相交");
              assertThat(repair.problemEnglish()).isEqualTo("Self-intersection");
              assertThat(repair.x()).isCloseTo(106.275, within(1e-9));
              assertThat(repair.y()).isCloseTo(38.475, within(1e-9));
            });
  }

  @Test
  void unrepairableGeometry() {
    Feature collapsed =
        spot(0, "A", polygon(106.27, 38.47, 106.28, 38.47, 106.29, 38.47, 106.27, 38.47));

    assertThat(validator.validate(List.of(collapsed)).errors())
        .containsExactly(
            new ImportError(
                0,
                "A",
                "geometry",
                "几何图形无效且无法修复（自相交）",
                "invalid geometry that cannot be repaired (Self-intersection)"));
  }

  @Test
  void emptyGeometry() {
    List<Feature> features = List.of(spot(0, "A", null), spot(1, "B", FACTORY.createPolygon()));

    assertThat(validator.validate(features).errors())
        .containsExactly(
            new ImportError(0, "A", "geometry", "几何图形为空", "geometry is empty"),
            new ImportError(1, "B", "geometry", "几何图形为空", "geometry is empty"));
  }

  @Test
  void nonPolygonGeometry() {
    Feature point = spot(0, "A", FACTORY.createPoint(new Coordinate(106.27, 38.47)));

    assertThat(validator.validate(List.of(point)).errors())
        .containsExactly(
            new ImportError(
                0,
                "A",
                "geometry",
                "几何类型为 Point，应为面（Polygon 或 MultiPolygon）",
                "geometry type is Point, expected Polygon or MultiPolygon"));
  }

  @Test
  void coordinatesThatAreNotNumbers() {
    Feature broken =
        spot(
            0,
            "A",
            polygon(106.27, 38.47, 106.28, 38.47, 106.28, Double.POSITIVE_INFINITY, 106.27, 38.47));

    assertThat(validator.validate(List.of(broken)).errors())
        .containsExactly(
            new ImportError(
                0,
                "A",
                "geometry",
                "几何图形含有无效坐标（非数值、无穷大或无法投影）",
                "geometry has invalid coordinates (NaN, infinite or not projectable)"));
  }

  @Test
  void coordinatesOutsideTheProvince() {
    Feature lanzhou =
        spot(0, "A", polygon(103.80, 36.06, 103.81, 36.06, 103.81, 36.07, 103.80, 36.06));

    assertThat(validator.validate(List.of(lanzhou)).errors())
        .containsExactly(
            new ImportError(
                0,
                "A",
                "geometry",
                "坐标超出省域范围 [103.800000, 36.060000] – [103.810000, 36.070000]" + "（坐标系或坐标轴顺序可能有误）",
                "coordinates outside the province extent [103.800000, 36.060000] – [103.810000,"
                    + " 36.070000] (wrong CRS or swapped axes?)"));
  }

  @Test
  void swappedAxesFallOutsideTheExtentToo() {
    Geometry swapped = square();
    swapped.apply(
        (Coordinate c) -> {
          double x = c.x;
          c.x = c.y;
          c.y = x;
        });
    swapped.geometryChanged();

    assertThat(validator.validate(List.of(spot(0, "A", swapped))).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reasonChinese()).startsWith("坐标超出省域范围"));
  }

  @Test
  void unknownRegionCode() {
    Feature gansu = spot(0, "A", square(), a -> a.put("XZQDM", "620102"));

    assertThat(validator.validate(List.of(gansu)).errors())
        .containsExactly(
            new ImportError(
                0,
                "A",
                "XZQDM",
                "行政区代码 620102 不是本省的县级单位",
                "region code 620102 is not a county-level unit of the province"));
  }

  @Test
  void aCityCodeIsNotACountyLevelUnit() {
    Feature city = spot(0, "A", square(), a -> a.put("XZQDM", "640100"));

    assertThat(validator.validate(List.of(city)).errors())
        .containsExactly(
            new ImportError(
                0,
                "A",
                "XZQDM",
                "行政区代码 640100 不是本省的县级单位",
                "region code 640100 is not a county-level unit of the province"));
  }

  @Test
  void aMonitoringCodeLongerThanTheStoreHoldsIsReported() {
    String longCode = "6".repeat(SpotBatchValidator.MAX_MONITORING_CODE_LENGTH + 1);
    Feature spot = spot(0, longCode, square(), a -> {});

    assertThat(validator.validate(List.of(spot)).errors())
        .containsExactly(
            new ImportError(
                0,
                longCode,
                "JCBH",
                "监测编号超过 64 个字符",
                "monitoring code is longer than 64 characters"));
  }

  @Test
  void aReportedAreaBeyondWhatTheStoreHoldsIsReported() {
    Feature spot = spot(0, "A", square(), a -> a.put("TBMJ", new BigDecimal("1E+15")));

    assertThat(validator.validate(List.of(spot)).errors())
        .containsExactly(
            new ImportError(
                0,
                "A",
                "TBMJ",
                "图斑面积超出范围：1000000000000000",
                "reported area is out of range: 1000000000000000"));
  }

  @Test
  void townshipCodesNameTheirCounty() {
    Feature township = spot(0, "A", square(), a -> a.put("XZQDM", new BigDecimal("640104001000")));

    assertThat(validator.validate(List.of(township)).spots().get(0).regionCode())
        .isEqualTo("640104");
  }

  @Test
  void duplicateMonitoringCodeWithinTheBatch() {
    List<Feature> features =
        List.of(spot(0, "A", square()), spot(1, "B", square()), spot(2, "A", square()));

    assertThat(validator.validate(features).errors())
        .containsExactly(
            new ImportError(
                2,
                "A",
                "JCBH",
                "监测编号 A 与本批次第 0 个要素重复",
                "monitoring code A duplicates feature 0 of this batch"));
  }

  @Test
  void monitoringCodeImportedByAnEarlierBatch() {
    Feature again = spot(0, STORED_EARLIER, square());

    assertThat(validator.validate(List.of(again)).errors())
        .containsExactly(
            new ImportError(
                0,
                STORED_EARLIER,
                "JCBH",
                "监测编号 6401042023020001 已在以往批次中导入",
                "monitoring code 6401042023020001 was imported in an earlier batch"));
  }

  @Test
  void missingMandatoryAttributes() {
    Feature bare =
        spot(
            0,
            null,
            square(),
            a -> {
              a.put("XZQDM", "  ");
              a.remove("BHLX");
            });

    assertThat(validator.validate(List.of(bare)).errors())
        .containsExactly(
            new ImportError(
                0, null, "JCBH", "缺少必填属性“监测编号”", "mandatory attribute monitoring_code is missing"),
            new ImportError(
                0, null, "XZQDM", "缺少必填属性“行政区代码”", "mandatory attribute region_code is missing"),
            new ImportError(
                0, null, "BHLX", "缺少必填属性“变化类型”", "mandatory attribute change_type is missing"));
  }

  @Test
  void unreadableValues() {
    Feature bad =
        spot(
            0,
            "A",
            square(),
            a -> {
              a.put("TBMJ", "十五亩");
              a.put("QSX", "不详");
              a.put("HSX", "2023-02-30");
            });
    Feature backwards =
        spot(
            1,
            "B",
            square(),
            a -> {
              a.put("TBMJ", new BigDecimal("-1"));
              a.put("QSX", "2023年3月");
              a.put("HSX", "20230215");
            });

    assertThat(validator.validate(List.of(bad, backwards)).errors())
        .containsExactly(
            new ImportError(0, "A", "TBMJ", "图斑面积不是有效数字：十五亩", "reported area is not a number: 十五亩"),
            new ImportError(
                0, "A", "QSX", "前时相日期无法识别：不详", "earlier imagery date is not a date: 不详"),
            new ImportError(
                0,
                "A",
                "HSX",
                "后时相日期无法识别：2023-02-30",
                "later imagery date is not a date: 2023-02-30"),
            new ImportError(1, "B", "TBMJ", "图斑面积为负数", "reported area is negative"),
            new ImportError(
                1, "B", "HSX", "后时相早于前时相", "later imagery date precedes the earlier one"));
  }

  @Test
  void readsTheUsualDateSpellings() {
    Feature spot =
        spot(
            0,
            "A",
            square(),
            a -> {
              a.put("QSX", "2023/1/5");
              a.put("HSX", "2023年2月15日");
            });

    IssuedSpot record = validator.validate(List.of(spot)).spots().get(0);
    assertThat(record.imageryBefore()).isEqualTo(LocalDate.of(2023, 1, 5));
    assertThat(record.imageryAfter()).isEqualTo(LocalDate.of(2023, 2, 15));
  }

  @Test
  void acceptsChineseFieldNamesAndConfiguredOnes() {
    Map<String, Object> chinese = new LinkedHashMap<>();
    chinese.put("监测编号", 6401042023030007L);
    chinese.put("行政区代码", "649900");
    chinese.put("变化类型", "矿产");
    Feature feature = new Feature(0, square(), chinese);
    assertThat(validator.validate(List.of(feature)).spots().get(0).monitoringCode())
        .isEqualTo("6401042023030007");

    Map<String, Object> custom =
        new LinkedHashMap<>(Map.of("WPBH", "X1", "xzqdm", "640104", "bhlx", "新增建设"));
    SpotBatchValidator configured =
        new SpotBatchValidator(
            AttributeMapping.defaults().withAliases(SpotField.MONITORING_CODE, "WPBH"),
            ProvinceExtent.NINGXIA,
            REGIONS::contains,
            code -> false);
    assertThat(
            configured
                .validate(List.of(new Feature(0, square(), custom)))
                .spots()
                .get(0)
                .monitoringCode())
        .isEqualTo("X1");
  }

  @Test
  void oneBadSpotRejectsTheWholeBatchWithEveryProblemListed() {
    List<Feature> features =
        List.of(
            spot(0, "A", square()),
            spot(1, "B", null),
            spot(2, "C", square(), a -> a.put("XZQDM", "110000")),
            spot(3, "D", square()));

    BatchValidation result = validator.validate(features);

    assertThat(result.accepted()).isFalse();
    assertThat(result.spots()).isEmpty();
    assertThat(result.errors())
        .extracting(ImportError::index, ImportError::field)
        .containsExactly(tuple(1, "geometry"), tuple(2, "XZQDM"));
  }

  @Test
  void anEmptyBatchIsRejected() {
    assertThat(validator.validate(List.of()).errors())
        .containsExactly(new ImportError(-1, null, null, "批次中没有图斑", "the batch contains no spots"));
  }

  private static Geometry square() {
    return KnownShapes.square(ZONE_35, KnownShapes.YINCHUAN_LON, KnownShapes.YINCHUAN_LAT, 100);
  }

  private static Geometry polygon(double... xy) {
    Coordinate[] ring = new Coordinate[xy.length / 2];
    for (int i = 0; i < ring.length; i++) {
      ring[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    return FACTORY.createPolygon(ring);
  }

  private static Feature spot(int index, String code, Geometry geometry) {
    return spot(index, code, geometry, a -> {});
  }

  private static Feature spot(
      int index, String code, Geometry geometry, Consumer<Map<String, Object>> change) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("JCBH", code);
    attributes.put("XZQDM", "640104");
    attributes.put("TBMJ", new BigDecimal("15.00"));
    attributes.put("QSX", LocalDate.of(2023, 1, 10));
    attributes.put("HSX", LocalDate.of(2023, 2, 10));
    attributes.put("BHLX", "新增建设");
    change.accept(attributes);
    return new Feature(index, geometry, attributes);
  }
}
