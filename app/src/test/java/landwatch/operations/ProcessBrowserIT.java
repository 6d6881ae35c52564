package landwatch.operations;

import static landwatch.spot.SpotMonth.MANAGER;
import static landwatch.spot.SpotMonth.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import landwatch.app.web.Browser;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spot.ProcessTestApplication;
import landwatch.spot.SpotMonth;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The process view in a real browser, as the province's manager: a definition's diagram with its
 * waiting instances as overlays, a spot's instance found by its code with the path it took and the
 * suggestion decision's matched rule, and a stuck instance repaired: its incident retried, then the
 * instance moved on by a modification, both audited.
 */
@ExtendWith(ProcessTestApplication.class)
@CamundaProcessTest
class ProcessBrowserIT {

  private CamundaClient client;

  @BeforeEach
  void deploy() throws IOException {
    SpotMonth.deploy(client);
  }

  @Test
  void theProvinceSeesWhereInstancesWaitAndRepairsAStuckOne() {
    SpotMonth batch = SpotMonth.issueThisMonth(client, 1, i -> NingxiaCounty.XINGQING);
    String code = batch.codes.get(0);
    batch.awaitTask("verify", code);
    long spotInstance = batch.instanceOf(code);

    String processId = "ops-" + System.nanoTime();
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .name("运行监控测试")
                .startEvent("start")
                .serviceTask("work", t -> t.zeebeJobType(processId))
                .endEvent("done")
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    long stuck =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    ActivatedJob job = awaitJob(processId);
    client.newFailCommand(job).retries(0).errorMessage("参考图层服务不可用").send().join();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !client
                    .newIncidentSearchRequest()
                    .filter(f -> f.processInstanceKey(stuck))
                    .send()
                    .join()
                    .items()
                    .isEmpty());

    try (Browser browser = Browser.open(ProcessTestApplication.restAddressText())) {
      browser.signIn(MANAGER, PASSWORD);
      browser.find(By.cssSelector("[data-test=nav-processes]")).click();
      browser.until(ExpectedConditions.urlContains("#/processes"));
      awaitDiagram(browser);
      assertThat(browser.driver().findElements(By.cssSelector("[data-test=badge-active]")))
          .as("the spot-check diagram shows where its instances wait")
          .isNotEmpty();
      browser.screenshot("processes");

      WebElement spotSearch =
          browser.find(
              By.cssSelector("input[data-test=instance-spot], [data-test=instance-spot] input"));
      spotSearch.sendKeys(code, Keys.ENTER);
      browser.until(
          d ->
              rows(browser).size() == 1
                  && rows(browser).get(0).getText().contains(Long.toString(spotInstance)));
      rows(browser).get(0).click();
      browser.until(
          d ->
              d.findElement(By.cssSelector("[data-test=instance-title]"))
                  .getText()
                  .contains(Long.toString(spotInstance)));
      awaitDiagram(browser);
      assertThat(browser.driver().findElements(By.cssSelector(".djs-connection.lw-taken")))
          .as("the flows taken so far are marked")
          .isNotEmpty();
      assertThat(browser.driver().findElements(By.cssSelector(".djs-element.lw-waiting")))
          .as("where it waits is marked")
          .isNotEmpty();
      browser.find(By.id("tab-decisions")).click();
      browser.find(By.cssSelector("[data-test=decisions] .el-table__body tbody tr")).click();
      browser.find(By.cssSelector("[data-test=matched-rules]"));
      browser.until(
          d -> !d.findElements(By.cssSelector(".el-dialog .el-table__body tbody tr")).isEmpty());
      assertThat(browser.find(By.cssSelector(".el-dialog")).getText()).contains("输入", "命中的规则");
      browser.screenshot("instance-decision");
      browser.find(By.cssSelector(".el-dialog__headerbtn")).click();

      browser.go("/#/processes/instances/" + stuck);
      browser.until(
          d ->
              d.findElement(By.cssSelector("[data-test=incidents]"))
                  .getText()
                  .contains("参考图层服务不可用"));
      assertThat(browser.driver().findElements(By.cssSelector(".djs-element.lw-stuck")))
          .isNotEmpty();
      browser.screenshot("instance-incident");
      browser.find(By.cssSelector("[data-test^=resolve-]")).click();
      browser.until(
          d ->
              d.findElement(By.cssSelector("[data-test=incidents]"))
                  .getText()
                  .contains("没有未解决的事件"));
      ActivatedJob again = awaitJob(processId);
      assertThat(again.getRetries()).isEqualTo(1);

      browser.find(By.id("tab-modify")).click();
      browser.find(By.cssSelector("[data-test=modify-terminate]")).click();
      choose(browser, "work（");
      browser.find(By.cssSelector("[data-test=modify-activate]")).click();
      choose(browser, "（done）");
      browser.find(By.cssSelector("[data-test=modify-submit]")).click();
      browser.find(By.cssSelector(".el-message-box__btns .el-button--primary")).click();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  client.newProcessInstanceGetRequest(stuck).send().join().getState()
                      == ProcessInstanceState.COMPLETED);
    }
    List<String> audited =
        SpotMonth.Application.inThisJvm()
            .jdbc()
            .queryForList(
                "SELECT action FROM audit_event WHERE actor = ? AND action IN ('incident.resolve',"
                    + " 'instance.modify') ORDER BY id",
                String.class,
                MANAGER);
    assertThat(audited).containsSubsequence("incident.resolve", "instance.modify");
  }

  private ActivatedJob awaitJob(String type) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                    .newActivateJobsCommand()
                    .jobType(type)
                    .maxJobsToActivate(1)
                    .timeout(Duration.ofSeconds(2))
                    .send()
                    .join()
                    .getJobs(),
            jobs -> !jobs.isEmpty())
        .get(0);
  }

  /**
   * Picks the shown option of an open multiple select (among the hidden ones of the page's other
   * selects) and closes the select, which stays open after a pick.
   */
  private static void choose(Browser browser, String text) {
    WebElement option =
        browser.until(
            d ->
                d.findElements(By.cssSelector(".el-select-dropdown__item")).stream()
                    .filter(item -> item.isDisplayed() && item.getText().contains(text))
                    .findFirst()
                    .orElse(null));
    option.click();
    new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
    browser.until(ExpectedConditions.invisibilityOf(option));
  }

  private static void awaitDiagram(Browser browser) {
    browser.until(
        d ->
            "true"
                .equals(
                    d.findElement(By.cssSelector("[data-test=diagram]"))
                        .getDomAttribute("data-rendered")));
  }

  private static List<WebElement> rows(Browser browser) {
    return browser
        .driver()
        .findElements(By.cssSelector("[data-test=instances] .el-table__body tbody tr"));
  }
}
