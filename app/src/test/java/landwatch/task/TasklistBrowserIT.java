package landwatch.task;

import static landwatch.spot.SpotMonth.OFFICER;
import static landwatch.spot.SpotMonth.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import landwatch.app.TestUsers;
import landwatch.app.web.Browser;
import landwatch.fixtures.KnownShapes;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spatial.Uploads;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import landwatch.spot.ProcessTestApplication;
import landwatch.spot.SpotMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The tasklist in a real browser (Debian's headless Chromium) against the whole application: a
 * county officer signs in, sees the county's verify tasks and none of the sibling county's, claims
 * one and opens its Camunda Form, rendered by form-js with its validation messages in Chinese,
 * fills it in with a photo and completes it; a judgment contradicting the suggestion without a
 * reason is denied and the form shows why; the sibling's task by its direct address shows nothing
 * of it.
 */
@ExtendWith(ProcessTestApplication.class)
@CamundaProcessTest
class TasklistBrowserIT {

  private CamundaClient client;

  @BeforeEach
  void deploy() throws IOException {
    SpotMonth.deploy(client);
  }

  @Test
  void aCountyOfficerClaimsAVerifyTaskAndSeesItsFormButNotTheSiblingCountysTask() {
    SpotMonth batch =
        SpotMonth.issueThisMonth(
            client, 3, i -> i < 2 ? NingxiaCounty.XINGQING : NingxiaCounty.XIXIA);
    String mine = batch.codes.get(0);
    String alsoMine = batch.codes.get(1);
    long siblingTask = batch.awaitTask("verify", batch.codes.get(2)).getUserTaskKey();
    cultivatedLandBesideTheFirstSpot();
    batch.awaitTask("verify", mine);
    batch.awaitTask("verify", alsoMine);

    try (Browser browser = Browser.open(ProcessTestApplication.restAddressText())) {
      browser.signIn(OFFICER, PASSWORD);
      assertThat(browser.find(By.cssSelector("[data-test=me]")).getText()).contains("兴庆区");
      TasklistPage tasks = new TasklistPage(browser).showBatch(batch.batchId, 2);
      assertThat(tasks.codes()).containsExactlyInAnyOrder(mine, alsoMine);
      assertThat(browser.find(By.cssSelector("[data-test=deadline]")).getText()).startsWith("剩");
      browser.screenshot("tasklist");

      tasks.claimAndOpen(mine);
      WebElement form = browser.find(By.cssSelector("[data-test=form] .fjs-form"));
      assertThat(form.getText()).contains("现状地类", "建设状态", "核查记录", "现场照片");
      assertThat(browser.find(By.cssSelector("[data-test=task-title]")).getText())
          .isEqualTo("核实 · " + mine);
      assertThat(browser.driver().getCurrentUrl()).contains("#/tasks/");
      WebElement spot = browser.find(By.cssSelector("[data-test=suggestion]"));
      assertThat(spot.getText()).isIn("合法", "违法", "其他");
      assertThat(browser.find(By.cssSelector("[data-test=spot-panel]")).getText())
          .contains("图斑面积", "亩", "规则");
      browser.until(
          d ->
              Integer.parseInt(
                      d.findElement(By.cssSelector("[data-test=spot-map]"))
                          .getDomAttribute("data-feature-count"))
                  >= 2);
      assertThat(browser.driver().findElements(By.cssSelector("[data-test=spot-map] canvas")))
          .isNotEmpty();
      assertThat(browser.find(By.cssSelector("[data-test=map-legend]")).getText())
          .contains("图斑范围", "耕地");
      browser
          .driver()
          .executeScript(
              "arguments[0].scrollIntoView()",
              browser.find(By.cssSelector("[data-test=spot-map]")));
      browser.screenshot("spot-map");
      tasks.submit();
      browser.until(
          d -> d.findElement(By.cssSelector("[data-test=form]")).getText().contains("此项为必填项"));
      assertThat(form.getText()).doesNotContain("Field is required");
      browser.screenshot("verify-task");

      tasks.choose("现状地类", "建设用地");
      tasks.choose("建设状态", "已建成");
      tasks.type("核查记录", "现场已建成厂房一处");
      tasks.type("拍摄点经度", "106.25");
      tasks.type("拍摄点纬度", "38.45");
      tasks
          .field("现场照片")
          .findElement(By.cssSelector("input[type=file]"))
          .sendKeys(photo().toString());
      tasks.submit();
      tasks.awaitCompleted();
      batch.awaitTask("judge", mine);
      assertThat(batch.verificationOf(mine))
          .containsEntry("landUse", "建设用地")
          .containsEntry("by", OFFICER)
          .satisfies(v -> assertThat((List<?>) v.get("photos")).hasSize(1));

      tasks.showBatch(batch.batchId, 2).claimAndOpen(mine);
      assertThat(browser.find(By.cssSelector("[data-test=task-title]")).getText())
          .isEqualTo("合法性判定 · " + mine);
      WebElement photo = browser.find(By.cssSelector("[data-test=photos] img"));
      browser.until(
          d ->
              ((Long) browser.driver().executeScript("return arguments[0].naturalWidth", photo))
                  == 16L);
      assertThat(browser.find(By.cssSelector("[data-test=photo-distance]")).getText())
          .isEqualTo("照片无拍摄位置（EXIF）");
      browser
          .find(By.xpath("//*[contains(@class,'el-collapse-item__header')][contains(.,'决策记录')]"))
          .click();
      browser.until(
          d -> d.findElement(By.cssSelector("[data-test=decision]")).getText().contains("命中规则"));
      String contradicting = "LEGAL".equals(batch.suggestedJudgment(mine)) ? "违法" : "合法";
      tasks.pick("判定结果", contradicting);
      tasks.field("判定类别").findElement(By.cssSelector(".fjs-input-group")).click();
      browser.find(By.cssSelector(".fjs-dropdownlist .fjs-dropdownlist-item")).click();
      tasks.type("判定理由", "经核实，符合判定标准");
      tasks.submit();
      assertThat(browser.find(By.cssSelector("[data-test=denied]")).getText())
          .contains("提交未通过", "不一致，须填写不一致的理由");
      browser.screenshot("judgment-denied");

      browser.go("/#/tasks/" + siblingTask);
      browser.until(
          d ->
              d.findElement(By.cssSelector("[data-test=task-panel]"))
                  .getText()
                  .contains("请在左侧列表中选择任务"));
      assertThat(browser.driver().findElements(By.cssSelector("[data-test=task-title]"))).isEmpty();
      assertThat(browser.driver().getPageSource()).doesNotContain(batch.codes.get(2));
      browser.screenshot("sibling-task-refused");
      browser.go("/#/spots/" + batch.codes.get(2));
      browser.find(By.cssSelector("[data-test=spot-missing]"));
      assertThat(browser.driver().findElements(By.cssSelector("[data-test=spot-title]"))).isEmpty();
      assertThat(browser.find(By.cssSelector("main")).getText()).doesNotContain(batch.codes.get(2));
      browser.go("/#/spots/" + mine);
      assertThat(browser.find(By.cssSelector("[data-test=spot-title]")).getText()).contains(mine);
      browser.go("/#/tasks");

      // a tablet in the field, upright: the task goes under the list, nothing runs off the side
      browser.driver().manage().window().setSize(new Dimension(820, 1180));
      tasks.showBatch(batch.batchId, 2).claimAndOpen(alsoMine);
      WebElement list = browser.find(By.cssSelector("[data-test=tasks]"));
      WebElement panel = browser.find(By.cssSelector("[data-test=task-panel]"));
      assertThat(panel.getLocation().getY())
          .isGreaterThanOrEqualTo(list.getLocation().getY() + list.getSize().getHeight());
      assertThat(
              (Long)
                  browser
                      .driver()
                      .executeScript(
                          "return document.documentElement.scrollWidth"
                              + " - document.documentElement.clientWidth"))
          .isLessThanOrEqualTo(0L);
      browser.screenshot("tasklist-tablet");

      // the keyboard: j and k move between the page's tasks, / goes to the filters
      browser
          .find(By.cssSelector("[data-test=tasks] .el-table__body tbody tr"))
          .findElements(By.tagName("td"))
          .stream()
          .filter(cell -> cell.getText().startsWith("PT"))
          .findFirst()
          .orElseThrow()
          .click();
      browser.until(
          d ->
              d.findElement(By.cssSelector("[data-test=tasks] .el-table__body tbody tr"))
                  .getDomAttribute("class")
                  .contains("lw-row-selected"));
      String first = awaitTaskAddress(browser);
      WebElement body = browser.find(By.tagName("body"));
      body.sendKeys("j");
      browser.until(d -> !d.getCurrentUrl().equals(first));
      body.sendKeys("k");
      browser.until(d -> d.getCurrentUrl().equals(first));
      body.sendKeys("/");
      assertThat(browser.driver().switchTo().activeElement().getTagName()).isEqualTo("input");
    }
  }

  /**
   * A cultivated-land parcel just east of the first spot of every batch this test class issues: on
   * the map beside it, and touching no spot, so no other test's judgment changes.
   */
  private static void cultivatedLandBesideTheFirstSpot() {
    Cgcs2000Crs zone = Cgcs2000Crs.gaussKruger(105, true);
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("BSM", 1);
    attributes.put("DLMC", "水浇地");
    Feature parcel =
        new Feature(0, KnownShapes.rectangle(zone, 106.25, 38.45, 40, -30, 80, 30), attributes);
    ResponseEntity<JsonNode> layer =
        Uploads.post(
            TestUsers.admin(
                new TestRestTemplate(
                    new RestTemplateBuilder().rootUri(ProcessTestApplication.restAddressText()))),
            "/api/layers/CULTIVATED_LAND?year=2023",
            "gd.geojson",
            new GeoJsonWriter(Cgcs2000Crs.geographic()).write(List.of(parcel).iterator()));
    assertThat(layer.getStatusCode()).as("%s", layer.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  private static String awaitTaskAddress(Browser browser) {
    browser.until(d -> d.getCurrentUrl().matches(".*#/tasks/\\d+$"));
    return browser.driver().getCurrentUrl();
  }

  /** A field photo as a phone takes it: a small JPEG, here without EXIF. */
  private static Path photo() {
    try {
      BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
      Path file = Files.createTempFile("现场照片", ".jpg");
      ImageIO.write(image, "jpg", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
