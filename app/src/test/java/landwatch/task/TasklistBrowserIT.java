package landwatch.task;

import static landwatch.spot.SpotMonth.OFFICER;
import static landwatch.spot.SpotMonth.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import landwatch.app.web.Browser;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spot.ProcessTestApplication;
import landwatch.spot.SpotMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
        SpotMonth.issue(
            SpotMonth.Application.inThisJvm(),
            client,
            YearMonth.now(ZoneId.of("Asia/Shanghai")),
            3,
            i -> i < 2 ? NingxiaCounty.XINGQING : NingxiaCounty.XIXIA,
            i -> "新增建设");
    String mine = batch.codes.get(0);
    String alsoMine = batch.codes.get(1);
    long siblingTask = batch.awaitTask("verify", batch.codes.get(2)).getUserTaskKey();
    batch.awaitTask("verify", mine);
    batch.awaitTask("verify", alsoMine);

    try (Browser browser = Browser.open(ProcessTestApplication.restAddressText())) {
      browser.signIn(OFFICER, PASSWORD);
      assertThat(browser.find(By.cssSelector("[data-test=me]")).getText()).contains("兴庆区");
      browser.find(By.cssSelector("input[aria-label=批次]")).sendKeys(String.valueOf(batch.batchId));
      browser.find(By.cssSelector("[data-test=refresh]")).click();
      browser.until(
          ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-test=spot-code]"), 2));
      assertThat(
              browser.driver().findElements(By.cssSelector("[data-test=spot-code]")).stream()
                  .map(WebElement::getText)
                  .toList())
          .containsExactlyInAnyOrder(mine, alsoMine);
      assertThat(browser.find(By.cssSelector("[data-test=deadline]")).getText()).startsWith("剩");
      browser.screenshot("tasklist");

      WebElement row = rowOf(browser, mine);
      row.findElement(By.cssSelector("[data-test=claim]")).click();
      browser.until(
          d ->
              rowOf(browser, mine).findElements(By.cssSelector("[data-test=unclaim]")).size() == 1);
      rowOf(browser, mine).click();
      WebElement form = browser.find(By.cssSelector("[data-test=form] .fjs-form"));
      assertThat(form.getText()).contains("现状地类", "建设状态", "核查记录", "现场照片");
      assertThat(browser.find(By.cssSelector("[data-test=task-title]")).getText())
          .isEqualTo("核实 · " + mine);
      assertThat(browser.driver().getCurrentUrl()).contains("#/tasks/");
      browser.find(By.cssSelector("[data-test=submit]")).click();
      browser.until(
          d -> d.findElement(By.cssSelector("[data-test=form]")).getText().contains("此项为必填项"));
      assertThat(form.getText()).doesNotContain("Field is required");
      browser.screenshot("verify-task");

      field(browser, "现状地类").findElement(By.cssSelector(".fjs-input-group")).click();
      option(browser, "建设用地");
      field(browser, "建设状态").findElement(By.cssSelector(".fjs-input-group")).click();
      option(browser, "已建成");
      field(browser, "核查记录").findElement(By.tagName("textarea")).sendKeys("现场已建成厂房一处");
      field(browser, "拍摄点经度").findElement(By.tagName("input")).sendKeys("106.25");
      field(browser, "拍摄点纬度").findElement(By.tagName("input")).sendKeys("38.45");
      field(browser, "现场照片")
          .findElement(By.cssSelector("input[type=file]"))
          .sendKeys(photo().toString());
      browser.find(By.cssSelector("[data-test=submit]")).click();
      browser.until(d -> d.findElements(By.cssSelector("[data-test=task-title]")).isEmpty());
      long judge = batch.awaitTask("judge", mine).getUserTaskKey();
      assertThat(batch.verificationOf(mine))
          .containsEntry("landUse", "建设用地")
          .containsEntry("by", OFFICER)
          .satisfies(v -> assertThat((List<?>) v.get("photos")).hasSize(1));

      browser.go("/#/tasks/" + judge);
      browser.find(By.cssSelector("[data-test=task-title]"));
      browser.driver().navigate().refresh();
      rowOf(browser, mine).findElement(By.cssSelector("[data-test=claim]")).click();
      browser.until(
          d ->
              rowOf(browser, mine).findElements(By.cssSelector("[data-test=unclaim]")).size() == 1);
      String contradicting = "LEGAL".equals(batch.suggestedJudgment(mine)) ? "违法" : "合法";
      field(browser, "判定结果")
          .findElement(By.xpath(".//label[normalize-space()='" + contradicting + "']"))
          .click();
      field(browser, "判定类别").findElement(By.cssSelector(".fjs-input-group")).click();
      browser.find(By.cssSelector(".fjs-dropdownlist .fjs-dropdownlist-item")).click();
      field(browser, "判定理由").findElement(By.tagName("textarea")).sendKeys("经核实，符合判定标准");
      browser.find(By.cssSelector("[data-test=submit]")).click();
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
    }
  }

  /** The form-js field whose label starts with the text. */
  private static WebElement field(Browser browser, String label) {
    return browser.until(
        d ->
            d.findElements(By.cssSelector("[data-test=form] .fjs-form-field")).stream()
                .filter(
                    f ->
                        f.findElements(By.cssSelector(".fjs-form-field-label")).stream()
                            .anyMatch(l -> l.getText().startsWith(label)))
                .findFirst()
                .orElse(null));
  }

  private static void option(Browser browser, String label) {
    browser
        .find(
            By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='"
                    + label
                    + "']"))
        .click();
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

  private static WebElement rowOf(Browser browser, String code) {
    List<WebElement> rows =
        browser.driver().findElements(By.cssSelector("[data-test=tasks] tbody tr")).stream()
            .filter(r -> r.getText().contains(code))
            .toList();
    assertThat(rows).as("row of " + code).hasSize(1);
    return rows.get(0);
  }
}
