package landwatch.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import landwatch.app.TestUsers;
import landwatch.fixtures.FixtureGenerator;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.fixtures.TestZips;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import landwatch.spatial.io.ShapefileZipWriter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Batches and layers through the application's HTTP interface, on the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpatialImportApiTest {

  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static final Cgcs2000Crs ZONE_35 = Cgcs2000Crs.gaussKruger(105, true);

  TestRestTemplate http;

  @Autowired
  void signInAsAdmin(TestRestTemplate anonymous) {
    http = TestUsers.admin(anonymous);
  }

  @Autowired JdbcTemplate jdbc;

  private final String prefix = "T" + System.nanoTime() % 1_000_000_000L + "-";

  @Test
  void aSpotHalfInBasicFarmlandIsMeasuredAndRecomputedWhenTheLayerIsReplaced() {
    double lon = 106.27;
    double lat = 38.20 + SERIAL.incrementAndGet() * 0.01;
    Geometry farmland = KnownShapes.rectangle(ZONE_35, lon, lat, 0, -500, 500, 500);
    ResponseEntity<JsonNode> layer =
        Uploads.post(
            http,
            "/api/layers/BASIC_FARMLAND?year=2023",
            "yjjbnt.zip",
            shapefile(ZONE_35, StandardCharsets.UTF_8, List.of(layerFeature(0, farmland))));
    assertThat(layer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(layer.getBody().path("featureCount").asInt()).isEqualTo(1);
    assertThat(layer.getBody().path("layerClass").asText()).isEqualTo("BASIC_FARMLAND");

    String code = prefix + "HALF";
    Feature spot =
        KnownShapes.spot(
            0, code, NingxiaCounty.byCode("640104"), KnownShapes.square(ZONE_35, lon, lat, 100));
    String progress = "0123abcd-0000-4000-8000-" + String.format("%012d", SERIAL.get());
    ResponseEntity<JsonNode> batch =
        Uploads.post(
            http, "/api/batches?progress=" + progress, "batch.geojson", geoJson(List.of(spot)));
    assertThat(batch.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode tracked = http.getForObject("/api/imports/" + progress, JsonNode.class);
    assertThat(tracked.path("phase").asText()).isEqualTo("DONE");
    assertThat(
            http.getForEntity("/api/imports/" + progress + "/report", JsonNode.class)
                .getStatusCode())
        .as("an accepted import has no problems to report")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(batch.getBody().path("spotCount").asInt()).isEqualTo(1);
    assertThat(batch.getBody().path("batchId").asLong()).isPositive();

    JsonNode spatial = http.getForObject("/api/spots/" + code + "/spatial", JsonNode.class);
    assertThat(spatial.path("areaMu").decimalValue()).isEqualByComparingTo("15.00");
    assertThat(spatial.at("/overlaps/BASIC_FARMLAND/areaMu").decimalValue())
        .isEqualByComparingTo("7.50");
    assertThat(spatial.at("/overlaps/BASIC_FARMLAND/share").decimalValue())
        .isEqualByComparingTo("0.5");
    assertThat(spatial.at("/flags/occupiesBasicFarmland").asBoolean()).isTrue();
    assertThat(spatial.path("suggestion").path("judgment").asText()).isNotBlank();
    String firstVersion = spatial.at("/layerVersions/BASIC_FARMLAND").asText();

    JsonNode map = http.getForObject("/api/spots/" + code + "/map", JsonNode.class);
    assertThat(map.path("type").asText()).as(map.toString()).isEqualTo("FeatureCollection");
    JsonNode features = map.path("features");
    assertThat(features.get(0).at("/properties/kind").asText()).isEqualTo("spot");
    assertThat(features.get(0).at("/properties/monitoringCode").asText()).isEqualTo(code);
    assertThat(features.get(0).at("/geometry/type").asText()).isEqualTo("Polygon");
    assertThat(features.findValuesAsText("kind")).contains("overlap", "layer");
    assertThat(
            new ArrayList<>(features.findValues("properties"))
                .stream()
                    .filter(p -> p.path("kind").asText().equals("overlap"))
                    .map(p -> p.path("layer").asText()))
        .contains("BASIC_FARMLAND");
    JsonNode outlines =
        http.getForObject(
            "/api/spots/outlines?batch=" + batch.getBody().path("batchId").asLong(),
            JsonNode.class);
    assertThat(outlines.at("/features/0/properties/monitoringCode").asText()).isEqualTo(code);
    assertThat(outlines.at("/features/0/properties/state").asText()).isNotBlank();
    assertThat(outlines.at("/features/0/geometry/type").asText()).isEqualTo("Polygon");
    assertThat(firstVersion).startsWith("2023#");

    Geometry elsewhere = KnownShapes.rectangle(ZONE_35, lon, lat, 5_000, 5_000, 6_000, 6_000);
    ResponseEntity<JsonNode> replaced =
        Uploads.post(
            http,
            "/api/layers/BASIC_FARMLAND?year=2024",
            "yjjbnt-2024.zip",
            shapefile(ZONE_35, StandardCharsets.UTF_8, List.of(layerFeature(0, elsewhere))));
    assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    JsonNode recomputed = http.getForObject("/api/spots/" + code + "/spatial", JsonNode.class);
    assertThat(recomputed.at("/overlaps/BASIC_FARMLAND/areaMu").decimalValue())
        .isEqualByComparingTo("0");
    assertThat(recomputed.at("/flags/occupiesBasicFarmland").asBoolean()).isFalse();
    assertThat(recomputed.at("/layerVersions/BASIC_FARMLAND").asText())
        .startsWith("2024#")
        .isNotEqualTo(firstVersion);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM spot_spatial_result r JOIN spot s ON s.id = r.spot_id WHERE s.monitoring_code = ?",
                Integer.class,
                code))
        .as("the result before the replacement is kept")
        .isEqualTo(2);
  }

  @Test
  void aGbkShapefileBatchIsStoredWithItsChineseAttributes() {
    List<Feature> features = new ArrayList<>();
    for (Feature generated :
        new FixtureGenerator(7)
            .spotBatch(NingxiaCounty.byCode("640522"), YearMonth.of(2023, 5), 40)) {
      Map<String, Object> attributes = new LinkedHashMap<>(generated.attributes());
      attributes.put("JCBH", prefix + attributes.get("JCBH"));
      features.add(new Feature(generated.index(), generated.geometry(), attributes));
    }
    ResponseEntity<JsonNode> batch =
        Uploads.post(
            http,
            "/api/batches",
            "640522-2023-05.zip",
            shapefile(Cgcs2000Crs.geographic(), Charset.forName("GBK"), features, false));
    assertThat(batch.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(batch.getBody().path("spotCount").asInt()).isEqualTo(40);

    Feature first = features.get(0);
    Map<String, Object> stored =
        jdbc.queryForMap(
            "SELECT region_code, change_type, attributes->>'XZQMC' AS region_name FROM spot WHERE monitoring_code = ?",
            first.attributes().get("JCBH"));
    assertThat(stored.get("region_code")).isEqualTo("640522");
    assertThat(stored.get("region_name")).isEqualTo("海原县");
    assertThat(stored.get("change_type")).isEqualTo(first.attributes().get("BHLX"));
    JsonNode spatial =
        http.getForObject(
            "/api/spots/" + first.attributes().get("JCBH") + "/spatial", JsonNode.class);
    assertThat(spatial.path("areaMu").decimalValue()).isPositive();
  }

  @Test
  void aBatchWithBadFeaturesIsRefusedWholeWithAReport() throws IOException {
    NingxiaCounty county = NingxiaCounty.byCode("640104");
    Geometry a = KnownShapes.square(ZONE_35, 106.30, 38.45, 80);
    Geometry b = KnownShapes.square(ZONE_35, 106.31, 38.45, 80);
    Feature good = KnownShapes.spot(0, prefix + "OK", county, a);
    Feature duplicate = KnownShapes.spot(1, prefix + "OK", county, b);
    Feature unknownRegion =
        withAttribute(KnownShapes.spot(2, prefix + "REGION", county, b), "XZQDM", "640199");
    Feature outside =
        KnownShapes.spot(
            3,
            prefix + "FAR",
            county,
            KnownShapes.square(Cgcs2000Crs.gaussKruger(114, false), 114.0, 30.0, 80));
    int spotsBefore = jdbc.queryForObject("SELECT count(*) FROM spot", Integer.class);

    String progress = UUID.randomUUID().toString();
    ResponseEntity<JsonNode> response =
        Uploads.post(
            http,
            "/api/batches?progress=" + progress,
            "bad.geojson",
            geoJson(List.of(good, duplicate, unknownRegion, outside)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    JsonNode tracked = http.getForObject("/api/imports/" + progress, JsonNode.class);
    assertThat(tracked.path("phase").asText()).isEqualTo("REJECTED");
    assertThat(tracked.path("errors").asInt()).isEqualTo(response.getBody().path("errors").size());
    ResponseEntity<byte[]> report =
        http.getForEntity("/api/imports/" + progress + "/report", byte[].class);
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("问题");
      assertThat(sheet.getLastRowNum() - 2).isEqualTo(tracked.path("errors").asInt());
      assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isNotBlank();
    }
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode errors = response.getBody().path("errors");
    assertThat(errors.findValuesAsText("index")).contains("1", "2", "3");
    assertThat(errors.findValuesAsText("monitoringCode"))
        .contains(prefix + "OK", prefix + "REGION", prefix + "FAR");
    for (JsonNode error : errors) {
      assertThat(error.path("field").asText()).isNotBlank();
      assertThat(error.path("reason").asText()).isNotBlank();
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM spot", Integer.class))
        .isEqualTo(spotsBefore);
    assertThat(
            http.getForEntity("/api/spots/" + prefix + "OK/spatial", JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aCodeAlreadyIssuedInAnEarlierBatchIsRefused() {
    NingxiaCounty county = NingxiaCounty.byCode("640121");
    Feature spot =
        KnownShapes.spot(
            0, prefix + "TWICE", county, KnownShapes.square(ZONE_35, 106.25, 38.30, 50));
    assertThat(
            Uploads.post(http, "/api/batches", "first.geojson", geoJson(List.of(spot)))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> again =
        Uploads.post(http, "/api/batches", "second.geojson", geoJson(List.of(spot)));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(again.getBody().at("/errors/0/monitoringCode").asText()).isEqualTo(prefix + "TWICE");
  }

  @Test
  void aZipWithAnEscapingPathIsRefused() {
    byte[] zip = TestZips.zip(Map.of("../../etc/spots.shp", new byte[100]));
    ResponseEntity<JsonNode> response = Uploads.post(http, "/api/batches", "evil.zip", zip);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getBody().at("/errors/0/index").asInt())
        .as("the file as a whole")
        .isEqualTo(-1);
    assertThat(response.getBody().at("/errors/0/reason").asText())
        .contains("不安全", "unsafe entry path");
  }

  @Test
  void aTruncatedZipIsRefused() {
    byte[] zip =
        shapefile(
            ZONE_35,
            StandardCharsets.UTF_8,
            List.of(layerFeature(0, KnownShapes.square(ZONE_35, 106.2, 38.4, 10))));
    byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
    ResponseEntity<JsonNode> response =
        Uploads.post(http, "/api/layers/CULTIVATED_LAND?year=2023", "cut.zip", truncated);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getBody().at("/errors/0/index").asInt()).isEqualTo(-1);
    assertThat(response.getBody().at("/errors/0/reason").asText())
        .containsAnyOf("corrupt", "lacks a mandatory component");
  }

  @Test
  void unknownSpotsAndLayerClassesAreClearErrors() {
    ResponseEntity<JsonNode> spot =
        http.getForEntity("/api/spots/NO-SUCH-SPOT/spatial", JsonNode.class);
    assertThat(spot.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(spot.getBody().path("detail").asText()).contains("NO-SUCH-SPOT");

    ResponseEntity<JsonNode> layer =
        Uploads.post(http, "/api/layers/FOREST?year=2023", "forest.geojson", new byte[] {'{', '}'});
    assertThat(layer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(layer.getBody().path("detail").asText()).contains("FOREST");
  }

  @Test
  void anOlderSurveyYearDoesNotReplaceANewerOne() {
    // Far from every spot the tests place, so that no other test's results change with it.
    Geometry parcel = KnownShapes.square(ZONE_35, 104.5, 39.2, 200);
    byte[] layer = shapefile(ZONE_35, StandardCharsets.UTF_8, List.of(layerFeature(0, parcel)));
    assertThat(
            Uploads.post(http, "/api/layers/FACILITY_AGRICULTURE?year=2024", "ssny-2024.zip", layer)
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    int versions = jdbc.queryForObject("SELECT count(*) FROM layer_version", Integer.class);

    ResponseEntity<JsonNode> older =
        Uploads.post(http, "/api/layers/FACILITY_AGRICULTURE?year=2022", "ssny-2022.zip", layer);

    assertThat(older.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(older.getBody().path("detail").asText()).contains("2024", "2022", "设施农用地");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM layer_version", Integer.class))
        .isEqualTo(versions);
    assertThat(
            Uploads.post(
                    http,
                    "/api/layers/FACILITY_AGRICULTURE?year=2024",
                    "ssny-2024-corrected.zip",
                    layer)
                .getStatusCode())
        .as("the same year again is a correction")
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void theSameBatchUploadedTwiceAtOnceIsStoredOnce() throws Exception {
    List<Feature> spots = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      spots.add(
          KnownShapes.spot(
              i,
              prefix + "RACE-" + i,
              NingxiaCounty.byCode("640122"),
              KnownShapes.square(ZONE_35, 106.30 + i * 0.001, 38.70, 40)));
    }
    byte[] batch = geoJson(spots);
    ExecutorService uploaders = Executors.newFixedThreadPool(2);
    try {
      Future<ResponseEntity<JsonNode>> first =
          uploaders.submit(() -> Uploads.post(http, "/api/batches", "a.geojson", batch));
      Future<ResponseEntity<JsonNode>> second =
          uploaders.submit(() -> Uploads.post(http, "/api/batches", "b.geojson", batch));
      assertThat(List.of(first.get().getStatusCode(), second.get().getStatusCode()))
          .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.UNPROCESSABLE_ENTITY);
    } finally {
      uploaders.shutdown();
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM spot WHERE monitoring_code LIKE ?",
                Integer.class,
                prefix + "RACE-%"))
        .isEqualTo(200);
  }

  @Test
  void aRepairedGeometryIsStoredWithItsRepairAndShownWithTheSpot() {
    String code = prefix + "BOWTIE";
    // A bow-tie: its two halves cross at the centre, which GeometryFixer splits into two triangles.
    Geometry bowTie =
        new GeometryFactory()
            .createPolygon(
                new Coordinate[] {
                  new Coordinate(106.50, 38.10),
                  new Coordinate(106.501, 38.101),
                  new Coordinate(106.501, 38.10),
                  new Coordinate(106.50, 38.101),
                  new Coordinate(106.50, 38.10)
                });
    Feature spot = KnownShapes.spot(0, code, NingxiaCounty.byCode("640121"), bowTie);
    assertThat(
            Uploads.post(http, "/api/batches", "bowtie.geojson", geoJson(List.of(spot)))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    JsonNode details = http.getForObject("/api/spots/" + code, JsonNode.class);
    assertThat(details.path("regionCode").asText()).isEqualTo("640121");
    assertThat(details.path("attributes").path("XZQMC").asText()).isEqualTo("永宁县");
    assertThat(details.path("repairs")).hasSize(1);
    assertThat(details.at("/repairs/0/problemEnglish").asText())
        .containsIgnoringCase("self-intersection");
    assertThat(http.getForEntity("/api/spots/" + prefix + "NONE", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aMissingParameterIsExplainedInBothLanguages() {
    ResponseEntity<JsonNode> noYear =
        Uploads.post(http, "/api/layers/MINING_RIGHTS", "kyq.geojson", new byte[] {'{', '}'});
    assertThat(noYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noYear.getBody().path("detail").asText()).contains("缺少请求参数", "year");
  }

  @Test
  void anUploadSentAsJsonIsExplainedInBothLanguages() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> json =
        http.postForEntity(
            "/api/layers/MINING_RIGHTS?year=2023", new HttpEntity<>("{}", headers), JsonNode.class);
    assertThat(json.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(json.getBody().path("detail").asText())
        .contains("不支持的请求内容类型", "multipart/form-data", "is not supported");
  }

  private static Feature layerFeature(int index, Geometry geometry) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("BSM", index + 1);
    attributes.put("DLMC", "永久基本农田");
    attributes.put("XZQDM", "640104");
    attributes.put("XZQMC", "兴庆区");
    return new Feature(index, geometry, attributes);
  }

  private static Feature withAttribute(Feature feature, String name, Object value) {
    Map<String, Object> attributes = new LinkedHashMap<>(feature.attributes());
    attributes.put(name, value);
    return new Feature(feature.index(), feature.geometry(), attributes);
  }

  private static byte[] shapefile(Cgcs2000Crs crs, Charset charset, List<Feature> features) {
    return shapefile(crs, charset, features, true);
  }

  private static byte[] shapefile(
      Cgcs2000Crs crs, Charset charset, List<Feature> features, boolean writeCpg) {
    boolean spots = features.get(0).attributes().containsKey("JCBH");
    return new ShapefileZipWriter(crs, charset, writeCpg)
        .write(
            "features",
            spots ? FixtureGenerator.SPOT_FIELDS : FixtureGenerator.LAYER_FIELDS,
            features.iterator());
  }

  private static byte[] geoJson(List<Feature> features) {
    return new GeoJsonWriter(Cgcs2000Crs.geographic()).write(features.iterator());
  }
}
