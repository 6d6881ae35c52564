package landwatch.batch;

import static landwatch.spot.SpotMonth.MANAGER;
import static landwatch.spot.SpotMonth.OFFICER;
import static landwatch.spot.SpotMonth.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import landwatch.app.web.Browser;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spot.ProcessTestApplication;
import landwatch.spot.SpotMonth;
import landwatch.spot.SpotState;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The cockpit in a real browser against the whole application: the province's manager signs in,
 * lands on the cockpit, sees each county's progress in the newest batch with the sums, and exports
 * the table; the downloaded .xlsx, read back with POI, has the same rows under Chinese headers.
 */
@ExtendWith(ProcessTestApplication.class)
@CamundaProcessTest
class CockpitBrowserIT {

  private CamundaClient client;

  @BeforeEach
  void deploy() throws IOException {
    SpotMonth.deploy(client);
  }

  @Test
  void theProvincesManagerSeesTheProgressTableAndExportsIt() throws IOException {
    SpotMonth batch =
        SpotMonth.issueThisMonth(
            client, 3, i -> i < 2 ? NingxiaCounty.XINGQING : NingxiaCounty.XIXIA);
    batch.codes.forEach(code -> batch.awaitTask("verify", code));
    batch.verify(batch.codes.get(0), OFFICER);
    batch.awaitState(batch.codes.get(0), SpotState.JUDGMENT);

    String reason = "暴雨致道路中断 " + batch.batchId;
    JsonNode extension =
        SpotMonth.applyForExtension(
                OFFICER,
                List.of(batch.codes.get(1)),
                LocalDate.parse(batch.progress(batch.codes.get(1)).get("county_due").toString())
                    .plusDays(5)
                    .toString(),
                reason,
                "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                    .getBytes(StandardCharsets.US_ASCII),
                "延期申请.pdf")
            .getBody();
    assertThat(extension.path("status").asText()).as("%s", extension).isEqualTo("APPLIED");

    try (Browser browser = Browser.open(ProcessTestApplication.restAddressText())) {
      browser.signIn(MANAGER, PASSWORD);
      browser.until(ExpectedConditions.urlContains("#/cockpit"));
      assertThat(browser.find(By.cssSelector("[data-test=batch]")).getText())
          .contains("批次 " + batch.batchId);
      browser.until(
          d ->
              rows(browser).size() == 2
                  && rows(browser).stream().anyMatch(r -> r.getText().startsWith("西夏区")));
      assertThat(cells(rows(browser), "兴庆区")).startsWith("兴庆区", "2", "1", "0");
      assertThat(cells(rows(browser), "西夏区")).startsWith("西夏区", "1", "0", "0");
      assertThat(
              browser
                  .find(By.cssSelector("[data-test=progress] .el-table__footer-wrapper"))
                  .getText())
          .startsWith("合计")
          .contains("3");
      browser.until(
          d ->
              d.findElement(By.cssSelector("[data-test=extension-list]"))
                  .getText()
                  .contains(reason));
      assertThat(browser.find(By.cssSelector("[data-test=extension-list]")).getText())
          .contains("兴庆区", "待市级审核");
      browser.screenshot("cockpit-progress");

      browser.find(By.cssSelector("[data-test=export]")).click();
      Path download = browser.awaitDownload(".xlsx");
      try (InputStream in = Files.newInputStream(download);
          XSSFWorkbook workbook = new XSSFWorkbook(in)) {
        Sheet sheet = workbook.getSheetAt(0);
        DataFormatter text = new DataFormatter();
        assertThat(text.formatCellValue(sheet.getRow(0).getCell(0)))
            .isEqualTo("批次 " + batch.batchId + " 各区县进度");
        assertThat(text.formatCellValue(sheet.getRow(1).getCell(0))).contains("管辖区县");
        Row header = sheet.getRow(2);
        assertThat(text.formatCellValue(header.getCell(1))).isEqualTo("区县");
        assertThat(text.formatCellValue(header.getCell(2))).isEqualTo("下发");
        assertThat(text.formatCellValue(header.getCell(3))).isEqualTo("已核实");
        List<String> counties = new ArrayList<>();
        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
          Row row = sheet.getRow(r);
          String county = text.formatCellValue(row.getCell(1));
          counties.add(county);
          int issued = (int) row.getCell(2).getNumericCellValue();
          int verified = (int) row.getCell(3).getNumericCellValue();
          assertThat(issued + "/" + verified)
              .as(county)
              .isEqualTo("兴庆区".equals(county) ? "2/1" : "1/0");
        }
        assertThat(counties).containsExactlyInAnyOrder("兴庆区", "西夏区");
      }

      assertThat(browser.driver().findElements(By.cssSelector("[data-test=judgment-chart] svg")))
          .isNotEmpty();
      browser.find(By.cssSelector("[data-test=drill-640104]")).click();
      browser.until(d -> d.findElements(By.cssSelector("[data-test=spots] tbody tr")).size() == 2);
      assertThat(browser.find(By.cssSelector("[data-test=crumbs]")).getText()).contains("兴庆区");
      assertThat(browser.find(By.cssSelector("[data-test=spots]")).getText())
          .contains(batch.codes.get(0), batch.codes.get(1), "待判定填报", "待核实")
          .doesNotContain(batch.codes.get(2));
      browser.until(
          d ->
              "2"
                  .equals(
                      d.findElement(By.cssSelector("[data-test=spots-map]"))
                          .getDomAttribute("data-feature-count")));
      assertThat(browser.find(By.cssSelector("[data-test=spots-map-legend]")).getText())
          .contains("待判定填报 1", "待核实 1");
      browser.screenshot("cockpit-county-spots");

      browser.find(By.linkText(batch.codes.get(0))).click();
      browser.until(
          d ->
              d.findElement(By.cssSelector("[data-test=spot-title]"))
                  .getText()
                  .contains(batch.codes.get(0)));
      browser.until(
          d ->
              d.findElement(By.cssSelector("[data-test=spot-map]"))
                      .getDomAttribute("data-feature-count")
                  != null);
      assertThat(browser.find(By.cssSelector("[data-test=history]")).getText()).contains("核实");
      browser.screenshot("spot-page");
      browser.driver().navigate().back();
      browser.until(d -> d.findElements(By.cssSelector("[data-test=spots] tbody tr")).size() == 2);
    }
  }

  private static List<WebElement> rows(Browser browser) {
    return browser
        .driver()
        .findElements(By.cssSelector("[data-test=progress] .el-table__body-wrapper tbody tr"));
  }

  private static List<String> cells(List<WebElement> rows, String county) {
    return rows.stream()
        .filter(r -> r.getText().startsWith(county))
        .findFirst()
        .orElseThrow()
        .findElements(By.tagName("td"))
        .stream()
        .map(td -> td.getText().trim())
        .toList();
  }
}
