package landwatch.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import landwatch.app.TestUsers;
import landwatch.fixtures.FixtureGenerator;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.fixtures.TestZips;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import landwatch.spatial.io.ShapefileZipWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Validation is all-or-nothing: one test per bad-input class, each asserting the 422 report entry
 * by entry and that nothing at all was stored — no batch, spot, result, layer version or layer
 * feature row, and no spot of the refused file answering on its spatial URL. Every refused batch
 * also carries a good feature, so that "nothing" is not trivially true.
 *
 * <p>The context and database are shared with the other test classes, hence the nanoTime prefix on
 * every monitoring code. The oversize-upload case needs its own limit and so its own context: see
 * {@link OversizeUploadTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputNothingStoredTest {

  private static final Cgcs2000Crs ZONE_35 = Cgcs2000Crs.gaussKruger(105, true);
  private static final NingxiaCounty COUNTY = NingxiaCounty.XINGQING;
  private static final List<String> TABLES =
      List.of("batch", "spot", "spot_spatial_result", "layer_version", "layer_feature");
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A projected CRS that is not CGCS2000 (EPSG:32648), as ArcGIS writes it. */
  private static final String WGS84_UTM_48N =
      "PROJCS[\"WGS_1984_UTM_Zone_48N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
          + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
          + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
          + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
          + "PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Scale_Factor\",0.9996],"
          + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

  TestRestTemplate http;

  @Autowired
  void signInAsAdmin(TestRestTemplate anonymous) {
    http = TestUsers.admin(anonymous);
  }

  @Autowired JdbcTemplate jdbc;

  private final String prefix = "BAD" + System.nanoTime() % 1_000_000_000L + "-";

  // ---------------------------------------------------------------- geometry

  @Test
  void unrepairableInvalidGeometry() {
    Feature collinear = spot(1, "COLLINEAR", ring(106.30, 38.45, 106.31, 38.45, 106.32, 38.45));
    List<Feature> batch = List.of(good(0), collinear);

    JsonNode errors = rejected("/api/batches", "collinear.geojson", geoJson(batch), codes(batch));

    assertThat(errors).hasSize(1);
    assertEntry(errors.get(0), 1, code("COLLINEAR"), "geometry", "无法修复", "cannot be repaired");
  }

  @Test
  void emptyGeometryInGeoJson() {
    List<Feature> batch = List.of(good(0), spot(1, "EMPTY", square(1)));
    byte[] file = geoJsonWithGeometry(batch, 1, "{\"type\": \"Polygon\", \"coordinates\": []}");

    JsonNode errors = rejected("/api/batches", "empty.geojson", file, codes(batch));

    assertThat(errors).hasSize(1);
    assertEntry(errors.get(0), 1, code("EMPTY"), "geometry", "几何图形为空", "geometry is empty");
  }

  @Test
  void nullShapeInShapefile() {
    List<Feature> batch = List.of(good(0), spot(1, "NULLSHAPE", null));

    JsonNode errors = rejected("/api/batches", "nullshape.zip", shapefile(batch), codes(batch));

    assertThat(errors).hasSize(1);
    assertEntry(errors.get(0), 1, code("NULLSHAPE"), "geometry", "几何图形为空", "geometry is empty");
  }

  @Test
  void nonPolygonGeometry() {
    List<Feature> batch = List.of(good(0), spot(1, "LINE", square(1)));
    byte[] file =
        geoJsonWithGeometry(
            batch,
            1,
            "{\"type\": \"LineString\", \"coordinates\": [[106.30, 38.45], [106.31, 38.46]]}");

    JsonNode errors = rejected("/api/batches", "line.geojson", file, codes(batch));

    assertThat(errors).hasSize(1);
    assertEntry(
        errors.get(0),
        1,
        code("LINE"),
        "geometry",
        "几何类型为 LineString",
        "geometry type is LineString");
  }

  @Test
  void coordinatesOutsideTheProvinceExtent() {
    Geometry wuhan = KnownShapes.square(Cgcs2000Crs.gaussKruger(114, false), 114.30, 30.60, 80);
    List<Feature> batch = List.of(good(0), spot(1, "WUHAN", wuhan));

    JsonNode errors = rejected("/api/batches", "outside.geojson", geoJson(batch), codes(batch));

    assertThat(errors).hasSize(1);
    assertEntry(
        errors.get(0), 1, code("WUHAN"), "geometry", "坐标超出省域范围", "outside the province extent");
  }

  // ---------------------------------------------------------------- attributes

  @Test
  void unknownRegionCode() {
    List<Feature> batch = List.of(good(0), with(spot(1, "BEIJING", square(1)), "XZQDM", "110101"));

    JsonNode errors = rejected("/api/batches", "beijing.geojson", geoJson(batch), codes(batch));

    assertThat(errors).hasSize(1);
    assertEntry(errors.get(0), 1, code("BEIJING"), "XZQDM", "行政区代码 110101", "region code 110101");
    assertThat(errors.get(0).path("reason").asText()).contains("本省", "of the province");
  }

  /** Spots are verified by county-level units: a province or a city cannot be the spot's unit. */
  @Test
  void provinceOrCityCodeInsteadOfACountyLevelOne() {
    List<Feature> batch =
        List.of(
            good(0),
            with(spot(1, "PROVINCE", square(1)), "XZQDM", "640000"),
            with(spot(2, "CITY", square(2)), "XZQDM", "640100"));

    JsonNode errors = rejected("/api/batches", "levels.geojson", geoJson(batch), codes(batch));

    assertThat(errors).hasSize(2);
    assertEntry(errors.get(0), 1, code("PROVINCE"), "XZQDM", "县级", "county-level");
    assertEntry(errors.get(1), 2, code("CITY"), "XZQDM", "县级", "county-level");
    assertThat(errors.get(0).path("reason").asText()).contains("640000");
    assertThat(errors.get(1).path("reason").asText()).contains("640100");
  }

  @Test
  void duplicateMonitoringCodeWithinTheBatch() {
    List<Feature> batch = List.of(good(0), spot(1, "TWIN", square(1)), spot(2, "TWIN", square(2)));

    JsonNode errors = rejected("/api/batches", "twins.geojson", geoJson(batch), codes(batch));

    assertThat(errors).hasSize(1);
    assertEntry(
        errors.get(0),
        2,
        code("TWIN"),
        "JCBH",
        "与本批次第 1 个要素重复",
        "duplicates feature 1 of this batch");
  }

  @Test
  void duplicateMonitoringCodeAcrossBatches() {
    List<Feature> first = List.of(good(0), spot(1, "ISSUED", square(1)));
    ResponseEntity<JsonNode> accepted =
        Uploads.post(http, "/api/batches", "first.geojson", geoJson(first));
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long firstBatch = accepted.getBody().path("batchId").asLong();

    List<Feature> second = List.of(spot(0, "NEW", square(2)), spot(1, "ISSUED", square(3)));
    JsonNode errors =
        rejected("/api/batches", "second.geojson", geoJson(second), List.of(code("NEW")));

    assertThat(errors).hasSize(1);
    assertEntry(
        errors.get(0), 1, code("ISSUED"), "JCBH", "已在以往批次中导入", "was imported in an earlier batch");
    assertThat(
            jdbc.queryForList(
                "SELECT batch_id FROM spot WHERE monitoring_code IN (?, ?, ?)",
                Long.class,
                code("GOOD0"),
                code("ISSUED"),
                code("NEW")))
        .as("only the first batch's spots exist")
        .containsExactly(firstBatch, firstBatch);
    assertThat(
            jdbc.queryForObject(
                "SELECT spot_count FROM batch WHERE id = ?", Integer.class, firstBatch))
        .isEqualTo(2);
    for (String code : codes(first)) {
      assertThat(
              http.getForEntity("/api/spots/" + code + "/spatial", JsonNode.class).getStatusCode())
          .as("the first batch's %s keeps its result", code)
          .isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void missingMandatoryAttributes() {
    List<Feature> batch =
        List.of(
            good(0),
            without(spot(1, "NOJCBH", square(1)), "JCBH"),
            without(spot(2, "NOXZQDM", square(2)), "XZQDM"),
            without(spot(3, "NOBHLX", square(3)), "BHLX"));

    JsonNode errors = rejected("/api/batches", "missing.geojson", geoJson(batch), codes(batch));

    assertThat(errors).hasSize(3);
    assertEntry(errors.get(0), 1, null, "JCBH", "缺少必填属性“监测编号”", "monitoring_code is missing");
    assertEntry(
        errors.get(1), 2, code("NOXZQDM"), "XZQDM", "缺少必填属性“行政区代码”", "region_code is missing");
    assertEntry(errors.get(2), 3, code("NOBHLX"), "BHLX", "缺少必填属性“变化类型”", "change_type is missing");
  }

  /** The spot table holds 64 characters: a longer code is the file's fault (422), not a 500. */
  @Test
  void monitoringCodeLongerThan64Characters() {
    String longCode = code("LONG-" + "X".repeat(64));
    Feature tooLong = KnownShapes.spot(1, longCode, COUNTY, square(1));
    List<Feature> batch = List.of(good(0), tooLong);

    JsonNode errors = rejected("/api/batches", "long.geojson", geoJson(batch), codes(batch));

    assertThat(errors).hasSize(1);
    assertEntry(errors.get(0), 1, longCode, "JCBH", "监测编号", "monitoring code");
    assertThat(errors.get(0).path("reason").asText()).contains("64");
  }

  /** NUMERIC(14, 2) cannot hold 1e15 亩: reported as the feature's fault (422), not a 500. */
  @Test
  void reportedAreaTooLargeToStore() {
    List<Feature> batch =
        List.of(
            good(0), with(spot(1, "HUGE", square(1)), "TBMJ", new BigDecimal("1000000000000000")));

    JsonNode errors = rejected("/api/batches", "huge.geojson", geoJson(batch), codes(batch));

    assertThat(errors).hasSize(1);
    assertEntry(errors.get(0), 1, code("HUGE"), "TBMJ", "图斑面积", "reported area");
  }

  // ---------------------------------------------------------------- hostile files

  @Test
  void truncatedZip() {
    List<Feature> batch = List.of(good(0), good(1));
    byte[] zip = shapefile(batch);

    JsonNode errors =
        rejected("/api/batches", "cut.zip", Arrays.copyOf(zip, zip.length / 2), codes(batch));

    assertFileRefused(errors, "压缩包已损坏或不完整", "corrupt or truncated");
  }

  @Test
  void corruptZip() {
    byte[] noise = new byte[4096];
    new Random(42).nextBytes(noise);
    noise[0] = 'P';
    noise[1] = 'K';
    noise[2] = 3;
    noise[3] = 4;
    assertFileRefused(rejected("/api/batches", "noise.zip", noise, List.of()), "损坏", "corrupt");

    List<Feature> batch = List.of(good(0), good(1));
    byte[] flipped = shapefile(batch);
    for (int i = 200; i < 260; i++) {
      flipped[i] ^= 0x5A;
    }
    assertFileRefused(
        rejected("/api/batches", "flipped.zip", flipped, codes(batch)), "损坏", "corrupt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dbf", "shx", "prj"})
  void missingComponent(String extension) {
    List<Feature> batch = List.of(good(0), good(1));
    Map<String, byte[]> entries = TestZips.entries(shapefile(batch));
    assertThat(entries.remove("spots." + extension)).isNotNull();

    JsonNode errors =
        rejected("/api/batches", "no-" + extension + ".zip", TestZips.zip(entries), codes(batch));

    assertFileRefused(errors, "Shapefile 缺少必需的组成文件", "lacks a mandatory component");
    assertThat(errors.get(0).path("reason").asText()).contains("spots." + extension);
  }

  @Test
  void zipEntryWithDotDot() {
    assertUnsafeEntryRefused("../../etc/spots.cpg");
  }

  @Test
  void zipEntryWithAnAbsolutePath() {
    assertUnsafeEntryRefused("/etc/cron.d/spots");
  }

  /** 200 MB of zeros deflate to about 200 KB; built as a stream, never held inflated. */
  @Test
  void zipBomb() throws IOException {
    List<Feature> batch = List.of(good(0), good(1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : TestZips.entries(shapefile(batch)).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("spots.shp.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int mb = 0; mb < 200; mb++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(out.size()).as("the bomb is small on the wire").isLessThan(1 << 20);

    JsonNode errors = rejected("/api/batches", "bomb.zip", out.toByteArray(), codes(batch));

    assertFileRefused(errors, "压缩炸弹", "zip bomb");
  }

  @Test
  void unsupportedPrj() {
    List<Feature> batch = List.of(good(0), good(1));
    Map<String, byte[]> entries = TestZips.entries(shapefile(batch));
    entries.put("spots.prj", WGS84_UTM_48N.getBytes(StandardCharsets.US_ASCII));

    JsonNode errors = rejected("/api/batches", "utm48n.zip", TestZips.zip(entries), codes(batch));

    assertFileRefused(errors, "不支持的坐标系", "unsupported coordinate reference system");
  }

  // ---------------------------------------------------------------- layers

  @Test
  void layerWithAnUnrepairableGeometryLeavesTheCurrentVersionCurrent() {
    // Far from every county box the fixtures draw spots in, so that no other test's spot overlaps.
    Geometry parcel = KnownShapes.square(ZONE_35, 104.40, 39.30, 10);
    ResponseEntity<JsonNode> current =
        Uploads.post(
            http,
            "/api/layers/TEMPORARY_LAND?year=2023",
            "lsyd-2023.zip",
            layerShapefile(List.of(layerFeature(0, parcel))));
    assertThat(current.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long currentVersion = currentVersion("TEMPORARY_LAND");

    byte[] broken =
        layerShapefile(
            List.of(
                layerFeature(0, parcel),
                layerFeature(1, ring(104.40, 39.31, 104.41, 39.31, 104.42, 39.31))));
    JsonNode errors =
        rejected("/api/layers/TEMPORARY_LAND?year=2024", "lsyd-2024.zip", broken, List.of());

    assertThat(errors).hasSize(1);
    assertEntry(errors.get(0), 1, null, "geometry", "无法修复", "cannot be repaired");
    assertThat(currentVersion("TEMPORARY_LAND"))
        .as("the previous version stays current")
        .isEqualTo(currentVersion);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM layer_feature WHERE layer_version_id = ?",
                Integer.class,
                currentVersion))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM layer_version WHERE layer_class = 'TEMPORARY_LAND' AND survey_year = 2024",
                Integer.class))
        .isZero();
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Uploads a file that must be refused: 422 problem+json, no row added to any table, and none of
   * the given codes known afterwards. Returns the report's entries.
   */
  private JsonNode rejected(String path, String fileName, byte[] content, List<String> codes) {
    Map<String, Long> before = counts();

    ResponseEntity<JsonNode> response = Uploads.post(http, path, fileName, content);

    assertThat(response.getStatusCode())
        .as("status, body %s", response.getBody())
        .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(counts()).as("nothing stored").isEqualTo(before);
    for (String code : codes) {
      assertThat(
              http.getForEntity("/api/spots/" + code + "/spatial", JsonNode.class).getStatusCode())
          .as("spot %s of the refused file", code)
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
    JsonNode errors = response.getBody().path("errors");
    assertThat(errors.isArray()).as("errors in %s", response.getBody()).isTrue();
    return errors;
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("SELECT count(*) FROM landwatch." + table, Long.class));
    }
    return counts;
  }

  private long currentVersion(String layerClass) {
    return jdbc.queryForObject(
        "SELECT id FROM layer_version WHERE layer_class = ? AND current", Long.class, layerClass);
  }

  private static void assertEntry(
      JsonNode entry,
      int index,
      String monitoringCode,
      String field,
      String chinese,
      String english) {
    assertThat(entry.path("index").isInt()).as("index of %s", entry).isTrue();
    assertThat(entry.path("index").asInt()).as("index of %s", entry).isEqualTo(index);
    if (monitoringCode == null) {
      assertThat(entry.path("monitoringCode").isNull()).as("monitoringCode of %s", entry).isTrue();
    } else {
      assertThat(entry.path("monitoringCode").asText())
          .as("monitoringCode of %s", entry)
          .isEqualTo(monitoringCode);
    }
    if (field == null) {
      assertThat(entry.path("field").isNull()).as("field of %s", entry).isTrue();
    } else {
      assertThat(entry.path("field").asText()).as("field of %s", entry).isEqualTo(field);
    }
    assertThat(entry.path("reason").asText()).as("reason of %s", entry).contains(chinese, english);
  }

  /** One entry about the file as a whole. */
  private static void assertFileRefused(JsonNode errors, String chinese, String english) {
    assertThat(errors).as("errors %s", errors).hasSize(1);
    assertEntry(errors.get(0), -1, null, null, chinese, english);
  }

  private void assertUnsafeEntryRefused(String name) {
    List<Feature> batch = List.of(good(0), good(1));
    Map<String, byte[]> entries = TestZips.entries(shapefile(batch));
    entries.put(name, "0 0 * * * root rm -rf /".getBytes(StandardCharsets.US_ASCII));

    JsonNode errors = rejected("/api/batches", "evil.zip", TestZips.zip(entries), codes(batch));

    assertFileRefused(errors, "压缩包内含有不安全的路径", "unsafe entry path");
    assertThat(errors.get(0).path("reason").asText()).contains(name);
  }

  private String code(String suffix) {
    return prefix + suffix;
  }

  private static List<String> codes(List<Feature> features) {
    List<String> codes = new ArrayList<>();
    for (Feature feature : features) {
      Object code = feature.attributes().get("JCBH");
      if (code != null) {
        codes.add(code.toString());
      }
    }
    return codes;
  }

  /** A valid spot: what every refused batch carries besides its bad feature(s). */
  private Feature good(int index) {
    return spot(index, "GOOD" + index, square(index));
  }

  private Feature spot(int index, String suffix, Geometry geometry) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("JCBH", code(suffix));
    attributes.put("XZQDM", COUNTY.code());
    attributes.put("XZQMC", COUNTY.chineseName());
    attributes.put("TBMJ", new BigDecimal("5.40"));
    attributes.put("BHLX", "新增建设");
    return new Feature(index, geometry, attributes);
  }

  /** A 60 m square in 兴庆区, one per slot so that a batch's spots do not overlap. */
  private static Geometry square(int slot) {
    return KnownShapes.square(ZONE_35, 106.40 + slot * 0.002, 38.47, 60);
  }

  /** A closed ring through three points (lon, lat pairs), which may be collinear. */
  private static Geometry ring(double... lonLat) {
    Coordinate[] points = new Coordinate[lonLat.length / 2 + 1];
    for (int i = 0; i < lonLat.length / 2; i++) {
      points[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
    }
    points[points.length - 1] = points[0].copy();
    return FACTORY.createPolygon(points);
  }

  private static Feature with(Feature feature, String name, Object value) {
    Map<String, Object> attributes = new LinkedHashMap<>(feature.attributes());
    attributes.put(name, value);
    return new Feature(feature.index(), feature.geometry(), attributes);
  }

  private static Feature without(Feature feature, String name) {
    Map<String, Object> attributes = new LinkedHashMap<>(feature.attributes());
    attributes.remove(name);
    return new Feature(feature.index(), feature.geometry(), attributes);
  }

  private static Feature layerFeature(int index, Geometry geometry) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("BSM", index + 1);
    attributes.put("DLMC", "临时用地");
    attributes.put("XZQDM", "640205");
    attributes.put("XZQMC", "惠农区");
    return new Feature(index, geometry, attributes);
  }

  private static byte[] geoJson(List<Feature> features) {
    return new GeoJsonWriter(Cgcs2000Crs.geographic()).write(features.iterator());
  }

  /** The batch as GeoJSON, with feature {@code index}'s geometry replaced by raw JSON. */
  private static byte[] geoJsonWithGeometry(List<Feature> features, int index, String geometry) {
    try {
      JsonNode collection = JSON.readTree(geoJson(features));
      ((ObjectNode) collection.path("features").get(index))
          .set("geometry", JSON.readTree(geometry));
      return JSON.writeValueAsBytes(collection);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] shapefile(List<Feature> spots) {
    return new ShapefileZipWriter(Cgcs2000Crs.geographic(), StandardCharsets.UTF_8, true)
        .write("spots", FixtureGenerator.SPOT_FIELDS, spots.iterator());
  }

  private static byte[] layerShapefile(List<Feature> features) {
    // Geographic, so that the collinear ring stays exactly collinear.
    return new ShapefileZipWriter(Cgcs2000Crs.geographic(), StandardCharsets.UTF_8, true)
        .write("lsyd", FixtureGenerator.LAYER_FIELDS, features.iterator());
  }
}
