package landwatch.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.process.test.api.CamundaProcessTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import landwatch.app.TestUsers;
import landwatch.app.web.Browser;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import landwatch.spot.ProcessTestApplication;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrator imports a month's batch in a real browser: a file with bad features is refused
 * whole, every bad feature listed on the page and in the downloadable Excel report; the corrected
 * file is accepted, its upload and processing shown as they go.
 */
@ExtendWith(ProcessTestApplication.class)
@CamundaProcessTest
class ImportBrowserIT {

  private static final Cgcs2000Crs ZONE = Cgcs2000Crs.gaussKruger(105, true);

  @Test
  void aBadBatchIsReportedFeatureByFeatureAndTheCorrectedOneIsImported() throws IOException {
    String prefix = "IMP" + System.nanoTime() + "-";
    List<Feature> corrected =
        IntStream.range(0, 3)
            .mapToObj(
                i ->
                    KnownShapes.spot(
                        i,
                        prefix + i,
                        NingxiaCounty.XINGQING,
                        KnownShapes.square(ZONE, 106.40 + 0.003 * i, 38.40, 50)))
            .toList();
    List<Feature> bad = List.of(corrected.get(0), corrected.get(0), corrected.get(2));
    Path badFile = geoJson("错误批次.geojson", bad);
    Path goodFile = geoJson("批次.geojson", corrected);

    try (Browser browser = Browser.open(ProcessTestApplication.restAddressText())) {
      browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
      browser.find(By.cssSelector("[data-test=nav-imports]")).click();
      browser.until(ExpectedConditions.urlContains("#/imports"));

      browser.find(By.cssSelector("[data-test=import-file]")).sendKeys(badFile.toString());
      browser.find(By.cssSelector("[data-test=import-start]")).click();
      browser.find(By.cssSelector("[data-test=import-rejected]"));
      assertThat(browser.find(By.cssSelector("[data-test=import-rejected]")).getText())
          .contains("批次未导入", prefix + "0");
      assertThat(browser.find(By.cssSelector("[data-test=import-phase]")).getText())
          .isEqualTo("文件有问题，未导入");
      int listed =
          browser
              .driver()
              .findElements(By.cssSelector("[data-test=import-errors] .el-table__body tbody tr"))
              .size();
      assertThat(listed).isPositive();
      browser.screenshot("import-rejected");

      browser.find(By.cssSelector("[data-test=import-report]")).click();
      Path report = browser.awaitDownload(".xlsx");
      try (InputStream in = Files.newInputStream(report);
          XSSFWorkbook workbook = new XSSFWorkbook(in)) {
        Sheet sheet = workbook.getSheetAt(0);
        DataFormatter text = new DataFormatter();
        assertThat(text.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("导入问题清单");
        assertThat(text.formatCellValue(sheet.getRow(2).getCell(3))).isEqualTo("问题");
        assertThat(sheet.getLastRowNum() - 2).isEqualTo(listed);
        assertThat(text.formatCellValue(sheet.getRow(3).getCell(1))).startsWith(prefix);
      }

      browser.find(By.cssSelector("[data-test=import-file]")).sendKeys(goodFile.toString());
      browser.find(By.cssSelector("[data-test=import-start]")).click();
      browser.until(
          d ->
              d.findElement(By.cssSelector("[data-test=import-accepted]"))
                  .getText()
                  .contains("3 个图斑已下发"));
      assertThat(browser.find(By.cssSelector("[data-test=import-phase]")).getText())
          .isEqualTo("已完成");
      assertThat(browser.find(By.cssSelector("[data-test=import-progress]")).getText())
          .contains("100%");
      assertThat(browser.driver().findElements(By.cssSelector("[data-test=import-rejected]")))
          .isEmpty();
      browser.screenshot("import-accepted");
    }
  }

  private static Path geoJson(String name, List<Feature> features) throws IOException {
    Path file = Files.createTempDirectory("import-browser").resolve(name);
    Files.write(file, new GeoJsonWriter(Cgcs2000Crs.geographic()).write(features.iterator()));
    return file;
  }
}
