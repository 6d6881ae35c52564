package landwatch.spatial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import landwatch.fixtures.FixtureGenerator;
import landwatch.fixtures.NingxiaCounty;
import landwatch.fixtures.TestZips;
import landwatch.spatial.io.SpatialImportException.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostileInputTest {

  private static final byte[] VALID =
      new ShapefileZipWriter(Cgcs2000Crs.geographic(), Charset.forName("GBK"), true)
          .write(
              "spots",
              FixtureGenerator.SPOT_FIELDS,
              new FixtureGenerator(3)
                  .spotBatch(NingxiaCounty.HELAN, YearMonth.of(2023, 4), 20)
                  .iterator());
  private final SpatialFileReader reader = new SpatialFileReader(ImportLimits.defaults());

  @Test
  void theUntamperedArchiveIsRead() {
    assertThat(reader.read(VALID)).hasSize(20);
  }

  @Test
  void truncatedArchive() {
    assertRefused(Arrays.copyOf(VALID, VALID.length / 2), Refusal.CORRUPT_ARCHIVE);
    assertRefused(Arrays.copyOf(VALID, VALID.length - 10), Refusal.CORRUPT_ARCHIVE);
  }

  @Test
  void corruptCompressedData() {
    byte[] corrupt = VALID.clone();
    for (int i = 200; i < 260; i++) {
      corrupt[i] ^= 0x5A;
    }
    assertRefused(corrupt, Refusal.CORRUPT_ARCHIVE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"shp", "shx", "dbf", "prj"})
  void missingComponent(String extension) {
    byte[] zip = TestZips.with(VALID, "spots." + extension, null, null);
    assertThatThrownBy(() -> reader.read(zip))
        .isInstanceOfSatisfying(
            SpatialImportException.class,
            e -> {
              assertThat(e.refusal()).isEqualTo(Refusal.MISSING_COMPONENT);
              assertThat(e.detail()).endsWith("." + extension);
              assertThat(e.reasonChinese()).startsWith("Shapefile 缺少必需的组成文件");
            });
  }

  @Test
  void componentsInAFolderAndWithUpperCaseExtensionsAreFound() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    TestZips.entries(VALID)
        .forEach(
            (name, content) ->
                entries.put(
                    "数据/" + name.replace("spots.", "图斑.").replace(".shp", ".SHP"), content));
    assertThat(reader.read(TestZips.zip(entries))).hasSize(20);
  }

  @Test
  void entryNamesInGbkAsChineseWindowsWritesThem() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Without the UTF-8 flag, as archives made on Chinese Windows are.
    try (ZipOutputStream zip = new ZipOutputStream(out, Charset.forName("GBK"))) {
      for (Map.Entry<String, byte[]> e : TestZips.entries(VALID).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey().replace("spots", "贺兰县图斑")));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    assertThat(reader.read(out.toByteArray())).hasSize(20);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../spots.cpg",
        "a/../../etc/passwd",
        "/etc/passwd",
        "C:\\Windows\\x.dll",
        "..\\..\\x.prj"
      })
  void unsafeEntryNames(String name) {
    Map<String, byte[]> entries = new LinkedHashMap<>(TestZips.entries(VALID));
    entries.put(name, new byte[] {1});
    assertRefused(TestZips.zip(entries), Refusal.UNSAFE_ENTRY_NAME);
  }

  @Test
  void zipBombByCompressionRatio() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(TestZips.entries(VALID));
    entries.put("spots.cpg", new byte[8 << 20]);
    assertRefused(TestZips.zip(entries), Refusal.COMPRESSION_RATIO_TOO_HIGH);
  }

  @Test
  void sparseWideAttributeTablesAreNotTakenForBombs() {
    List<AttributeField> fields = new ArrayList<>(FixtureGenerator.SPOT_FIELDS);
    for (int i = 1; i <= 10; i++) {
      fields.add(AttributeField.text("BZ" + i, 254));
    }
    byte[] zip =
        new ShapefileZipWriter(Cgcs2000Crs.geographic(), Charset.forName("GBK"), true)
            .write(
                "spots",
                fields,
                new FixtureGenerator(3)
                    .spotBatch(NingxiaCounty.HELAN, YearMonth.of(2023, 4), 3000)
                    .iterator());

    assertThat(reader.read(zip)).hasSize(3000);
  }

  @Test
  void zipBombByTotalSize() {
    ImportLimits tight = new ImportLimits(1 << 20, 64 << 10, 64, 1000, 1 << 20, 100);
    byte[] random = new byte[100 << 10];
    new java.util.Random(1).nextBytes(random);
    Map<String, byte[]> entries = new LinkedHashMap<>(TestZips.entries(VALID));
    entries.put("readme.txt", random);
    assertThatThrownBy(() -> new SpatialFileReader(tight).read(TestZips.zip(entries)))
        .isInstanceOfSatisfying(
            SpatialImportException.class,
            e -> assertThat(e.refusal()).isEqualTo(Refusal.UNCOMPRESSED_TOO_LARGE));
  }

  @Test
  void tooManyEntries() {
    Map<String, byte[]> entries = new LinkedHashMap<>(TestZips.entries(VALID));
    for (int i = 0; i < 100; i++) {
      entries.put("extra" + i + ".txt", new byte[] {1});
    }
    assertRefused(TestZips.zip(entries), Refusal.TOO_MANY_ENTRIES);
  }

  @Test
  void oversizeUpload() {
    ImportLimits small = new ImportLimits(1000, 1 << 20, 64, 200, 1 << 20, 100);
    SpatialFileReader strict = new SpatialFileReader(small);
    for (Runnable read :
        List.<Runnable>of(
            () -> strict.read(VALID), () -> strict.read(new ByteArrayInputStream(VALID)))) {
      assertThatThrownBy(read::run)
          .isInstanceOfSatisfying(
              SpatialImportException.class,
              e -> assertThat(e.refusal()).isEqualTo(Refusal.INPUT_TOO_LARGE));
    }
  }

  @Test
  void twoShapefilesInOneArchive() {
    Map<String, byte[]> entries = new LinkedHashMap<>(TestZips.entries(VALID));
    TestZips.entries(VALID).forEach((name, content) -> entries.put("b_" + name, content));
    assertRefused(TestZips.zip(entries), Refusal.MULTIPLE_LAYERS);
  }

  @Test
  void pointShapefile() {
    Map<String, byte[]> entries = new LinkedHashMap<>(TestZips.entries(VALID));
    byte[] shp = entries.get("spots.shp");
    shp[32] = 1;
    assertRefused(TestZips.zip(entries), Refusal.UNSUPPORTED_SHAPE_TYPE);
  }

  @Test
  void unsupportedPrjAndUnknownEncoding() {
    byte[] webMercator =
        TestZips.with(
            VALID,
            "spots.prj",
            "spots.prj",
            "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],PARAMETER[\"Standard_Parallel_1\",0.0],UNIT[\"Meter\",1.0]]"
                .getBytes(Charset.forName("US-ASCII")));
    assertRefused(webMercator, Refusal.UNSUPPORTED_CRS);
    byte[] klingon = TestZips.with(VALID, "spots.cpg", "spots.cpg", "tlhIngan".getBytes());
    assertRefused(klingon, Refusal.UNSUPPORTED_ENCODING);
  }

  @Test
  void attributeAndGeometryCountsMustAgree() {
    byte[] fewer =
        new ShapefileZipWriter(Cgcs2000Crs.geographic(), Charset.forName("GBK"), true)
            .write(
                "spots",
                FixtureGenerator.SPOT_FIELDS,
                new FixtureGenerator(3)
                    .spotBatch(NingxiaCounty.HELAN, YearMonth.of(2023, 4), 19)
                    .iterator());
    byte[] mixed =
        TestZips.with(VALID, "spots.dbf", "spots.dbf", TestZips.entries(fewer).get("spots.dbf"));
    assertRefused(mixed, Refusal.CORRUPT_ATTRIBUTES);
    byte[] badIndex =
        TestZips.with(VALID, "spots.shx", "spots.shx", TestZips.entries(fewer).get("spots.shx"));
    assertRefused(badIndex, Refusal.CORRUPT_SHAPEFILE);
  }

  @Test
  void storedEntriesAreFine() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setMethod(ZipOutputStream.STORED);
      for (Map.Entry<String, byte[]> e : TestZips.entries(VALID).entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(e.getValue());
        entry.setSize(e.getValue().length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    assertThat(reader.read(out.toByteArray())).hasSize(20);
  }

  private void assertRefused(byte[] content, Refusal refusal) {
    assertThatThrownBy(() -> reader.read(content))
        .isInstanceOfSatisfying(
            SpatialImportException.class,
            e -> {
              assertThat(e.refusal()).isEqualTo(refusal);
              assertThat(e.reasonChinese()).startsWith(refusal.chinese());
              assertThat(e.reasonEnglish()).startsWith(refusal.english());
              assertThat(e.asImportError())
                  .isEqualTo(new ImportError(-1, null, null, e.reasonChinese(), e.reasonEnglish()));
            });
  }
}
