package landwatch.task;

import static landwatch.spot.SpotMonth.OFFICER;
import static landwatch.spot.SpotMonth.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTest;
import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
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
 * one and opens its Camunda Form, rendered by form-js with its validation messages in Chinese; the
 * sibling's task by its direct address shows nothing of it.
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

  private static WebElement rowOf(Browser browser, String code) {
    List<WebElement> rows =
        browser.driver().findElements(By.cssSelector("[data-test=tasks] tbody tr")).stream()
            .filter(r -> r.getText().contains(code))
            .toList();
    assertThat(rows).as("row of " + code).hasSize(1);
    return rows.get(0);
  }
}
