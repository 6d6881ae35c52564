package landwatch.review;

import static landwatch.spot.SpotMonth.OFFICER;
import static landwatch.spot.SpotMonth.PASSWORD;
import static landwatch.spot.SpotMonth.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import landwatch.app.web.Browser;
import landwatch.fixtures.NingxiaCounty;
import landwatch.spot.ProcessTestApplication;
import landwatch.spot.SpotMonth;
import landwatch.spot.SpotState;
import landwatch.spot.judgment.Judgment;
import landwatch.task.TasklistPage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Review 审核 in a real browser: the city's reviewer returns a sampled spot the county reported, with
 * reasons, and the county's officer finds it back in the tasklist as a correction to make.
 */
@ExtendWith(ProcessTestApplication.class)
@CamundaProcessTest
class ReviewBrowserIT {

  private CamundaClient client;

  @BeforeEach
  void deploy() throws IOException {
    SpotMonth.deploy(client);
  }

  @Test
  void theCityReturnsASpotAndTheCountySeesItComeBack() {
    SpotMonth batch = SpotMonth.issueThisMonth(client, 20, i -> NingxiaCounty.XINGQING);
    // the city returns the first, so whether the province would re-review an approval does not
    // matter; it approves the other two at once
    List<String> sampled = batch.codes.stream().filter(batch::citySamples).limit(3).toList();
    assertThat(sampled).hasSize(3);
    String code = sampled.get(0);
    for (String spot : sampled) {
      batch.verify(spot, OFFICER);
      batch.judge(spot, Judgment.LEGAL);
      batch.awaitTask("city-review", spot);
    }

    try (Browser reviewer = Browser.open(ProcessTestApplication.restAddressText())) {
      reviewer.signIn(REVIEWER, PASSWORD);
      TasklistPage tasks = new TasklistPage(reviewer).showBatch(batch.batchId, 3);
      assertThat(tasks.codes()).containsExactlyInAnyOrderElementsOf(sampled);
      assertThat(tasks.rowOf(code).getText()).contains("市级审核", "兴庆区");
      tasks.claimAndOpen(code);
      tasks.pick("审核结论", "退回");
      tasks.type("审核意见", "未附批准文件，请补充后重新填报");
      reviewer.screenshot("city-review-return");
      tasks.submit();
      tasks.awaitCompleted();

      tasks.showBatch(batch.batchId, 2);
      for (String approved : sampled.subList(1, 3)) {
        tasks.rowOf(approved).findElement(By.cssSelector(".el-checkbox")).click();
      }
      reviewer.find(By.cssSelector("[data-test=bulk-approve]")).click();
      assertThat(reviewer.find(By.cssSelector("[data-test=bulk-result]")).getText())
          .contains("已通过 2 项，未办理 0 项");
      reviewer.screenshot("city-review-bulk-approved");
    }
    assertThat(batch.awaitState(code, SpotState.CORRECTION)).containsEntry("returned_count", 1);
    for (String approved : sampled.subList(1, 3)) {
      Awaitility.await("city approval of " + approved)
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> batch.progress(approved).get("state"),
              state -> "PROVINCE_REVIEW".equals(state) || "CONCLUDED".equals(state));
    }

    try (Browser officer = Browser.open(ProcessTestApplication.restAddressText())) {
      officer.signIn(OFFICER, PASSWORD);
      TasklistPage tasks = new TasklistPage(officer);
      officer.find(By.cssSelector("[data-test=refresh]"));
      tasks.showBatch(batch.batchId, 18);
      assertThat(tasks.rowOf(code).getText()).contains("县级纠正");
      tasks.claimAndOpen(code);
      assertThat(officer.find(By.cssSelector("[data-test=form]")).getText())
          .contains("未附批准文件，请补充后重新填报");
      officer.screenshot("county-correction");
    }
  }
}
