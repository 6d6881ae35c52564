package landwatch.spot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The year's judgment categories ({@code processes/spot-judgment-categories.dmn}, deployed at
 * start) and the application's {@code landwatch.judgment-check} listener on a judging task: through
 * the real Camunda client against the embedded engine, a submission that breaks the rules is denied
 * with every problem in Chinese and leaves the task open, a correct one completes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JudgmentCheckListenerTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CamundaClient client;

  @BeforeEach
  void deploy() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/judgment-check-test.bpmn")
        .send()
        .join();
  }

  @Test
  void theCategoriesDecisionListsEveryKindWithUniqueCodesAndChineseLabels() throws Exception {
    EvaluateDecisionResponse response =
        client
            .newEvaluateDecisionCommand()
            .decisionId("spot-judgment-categories")
            .variables(Map.of("changeType", "新增建设"))
            .send()
            .join();

    assertThat(response.getFailureMessage()).isNullOrEmpty();
    List<Map<String, Object>> categories =
        JSON.readValue(response.getDecisionOutput(), new TypeReference<>() {});
    assertThat(categories)
        .allSatisfy(
            category -> {
              assertThat(category)
                  .containsOnlyKeys(
                      "kind", "value", "label", "needsApprovalDocument", "needsRuralHousingAnswer");
              assertThat(category.get("value")).asString().matches("[A-Z][A-Z_]*");
              assertThat(category.get("label")).asString().matches("\\p{IsHan}+");
              assertThat(category.get("needsApprovalDocument")).isInstanceOf(Boolean.class);
              assertThat(category.get("needsRuralHousingAnswer")).isInstanceOf(Boolean.class);
            });
    assertThat(categories)
        .extracting(c -> c.get("kind"))
        .containsOnly("LEGAL", "ILLEGAL", "OTHER")
        .contains("LEGAL", "ILLEGAL", "OTHER");
    assertThat(categories).extracting(c -> c.get("value")).doesNotHaveDuplicates();
    assertThat(categories).extracting(c -> c.get("label")).doesNotHaveDuplicates();
    assertThat(categories)
        .filteredOn(c -> Boolean.TRUE.equals(c.get("needsRuralHousingAnswer")))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c).containsEntry("kind", "ILLEGAL"));
  }

  @Test
  void aBrokenJudgmentIsDeniedWithEveryProblemAndACorrectOneCompletesTheTask() {
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("judgment-check-test")
            .latestVersion()
            .variables(Map.of("changeType", "新增非农建设类", "suggestion", Map.of("judgment", "LEGAL")))
            .send()
            .join()
            .getProcessInstanceKey();
    UserTask task = awaitTask(instance, UserTaskState.CREATED);

    Map<String, Object> broken = new LinkedHashMap<>();
    broken.put("judgment", "OTHER");
    broken.put("category", "FALSE_CHANGE");
    broken.put("reasons", " ");
    String denial = deniedDetail(task, broken);
    assertThat(denial)
        .contains("提交被拒绝：")
        .contains("「新增非农建设类」图斑一般不得判定为其他类，判定为其他须上传佐证材料")
        .contains("请填写判定理由")
        .contains("判定结果（其他）与判定建议（合法）不一致，须填写不一致的理由");
    assertThat(client.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getState())
        .isEqualTo(UserTaskState.CREATED);

    Map<String, Object> judged = new LinkedHashMap<>();
    judged.put("judgment", "LEGAL");
    judged.put("category", "APPROVED_CONSTRUCTION");
    judged.put("approvalDocumentNumber", "宁自然资建字〔2026〕18号");
    judged.put("reasons", "已取得农用地转用批准文件");
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(judged).send().join();

    assertThat(awaitTask(instance, UserTaskState.COMPLETED).getUserTaskKey())
        .isEqualTo(task.getUserTaskKey());
  }

  private String deniedDetail(UserTask task, Map<String, Object> submitted) {
    Throwable thrown =
        catchThrowable(
            () ->
                client
                    .newCompleteUserTaskCommand(task.getUserTaskKey())
                    .variables(submitted)
                    .send()
                    .join());
    if (thrown instanceof CompletionException wrapped) {
      thrown = wrapped.getCause();
    }
    assertThat(thrown).isInstanceOf(ProblemException.class);
    ProblemException problem = (ProblemException) thrown;
    assertThat(problem.code()).as(problem.getMessage()).isEqualTo(409);
    return problem.details().getDetail();
  }

  private UserTask awaitTask(long instance, UserTaskState state) {
    return Awaitility.await("task judge in state " + state)
        .atMost(WAIT)
        .until(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.processInstanceKey(instance).elementId("judge").state(state))
                    .send()
                    .join()
                    .items(),
            tasks -> tasks.size() == 1)
        .get(0);
  }
}
