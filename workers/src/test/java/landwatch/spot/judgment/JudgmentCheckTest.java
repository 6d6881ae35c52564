package landwatch.spot.judgment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JudgmentCheckTest {

  private static final String JUDGE = "judge";
  private static final String CORRECT = JudgmentCheck.CORRECT_TASK;
  private static final String DIRECT = JudgmentCheck.DIRECT_JUDGMENT_TASK;

  private static final List<Map<String, Object>> CATEGORIES =
      List.of(
          category("LEGAL", "APPROVED_CONSTRUCTION", "依法批准建设用地", true, false),
          category("LEGAL", "NO_APPROVAL_NEEDED", "无需审批的用地", false, false),
          category("ILLEGAL", "ILLEGAL_CULTIVATED_LAND", "违法占用耕地", false, true),
          category("ILLEGAL", "ILLEGAL_MINING", "违法采矿", false, false),
          category("OTHER", "FALSE_CHANGE", "伪变化", false, false));

  private final JudgmentCheck check = new JudgmentCheck(Set.of("新增非农建设类", "年度内持续变化类"));

  private static Map<String, Object> category(
      String kind, String value, String label, boolean approval, boolean ruralHousing) {
    return Map.of(
        "kind",
        kind,
        "value",
        value,
        "label",
        label,
        "needsApprovalDocument",
        approval,
        "needsRuralHousingAnswer",
        ruralHousing);
  }

  /** A complete LEGAL judgment the suggestion agrees with, of a spot of an ordinary change type. */
  private static Map<String, Object> legal() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("judgmentCategories", CATEGORIES);
    variables.put("suggestion", Map.of("judgment", "LEGAL", "ruleId", "R-LEGAL"));
    variables.put("changeType", "新增建设");
    variables.put("judgment", "LEGAL");
    variables.put("category", "NO_APPROVAL_NEEDED");
    variables.put("reasons", "现场为村民自建晾晒场，无需审批");
    return variables;
  }

  private static Map<String, Object> illegal() {
    Map<String, Object> variables = legal();
    variables.put("suggestion", Map.of("judgment", "ILLEGAL"));
    variables.put("judgment", "ILLEGAL");
    variables.put("category", "ILLEGAL_CULTIVATED_LAND");
    variables.put("ruralHousing", false);
    return variables;
  }

  private static Map<String, Object> other(String changeType) {
    Map<String, Object> variables = legal();
    variables.put("suggestion", Map.of("judgment", "OTHER"));
    variables.put("changeType", changeType);
    variables.put("judgment", "OTHER");
    variables.put("category", "FALSE_CHANGE");
    return variables;
  }

  private static Map<String, Object> document() {
    return Map.of(
        "camunda.document.type",
        "camunda",
        "storeId",
        "in-memory",
        "documentId",
        "5f0c8c2e-2b1a-4d33-9d0e-3b1f4b3a9c11",
        "metadata",
        Map.of("fileName", "说明.pdf"));
  }

  @Test
  void aCompleteJudgmentPasses() {
    assertThat(check.problems(JUDGE, legal())).isEmpty();
    assertThat(check.problems(JUDGE, illegal())).isEmpty();
    assertThat(check.problems(JUDGE, other("新增建设"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "legal", "UNKNOWN"})
  void theJudgmentMustBeOneOfTheThree(String judgment) {
    Map<String, Object> variables = legal();
    variables.put("judgment", judgment);
    assertThat(check.problems(JUDGE, variables)).containsExactly("请选择判定结果：合法、违法或其他");
  }

  @Test
  void aMissingJudgmentIsNamed() {
    Map<String, Object> variables = legal();
    variables.remove("judgment");
    assertThat(check.problems(JUDGE, variables)).containsExactly("请选择判定结果：合法、违法或其他");
  }

  @Test
  void theCategoryMustBeOneOfTheJudgmentsKind() {
    Map<String, Object> variables = legal();
    variables.put("category", "ILLEGAL_MINING");
    assertThat(check.problems(JUDGE, variables))
        .containsExactly("判定类别「ILLEGAL_MINING」不是本年度合法类的判定类别");

    variables.put("category", "NO_SUCH_CATEGORY");
    assertThat(check.problems(JUDGE, variables))
        .containsExactly("判定类别「NO_SUCH_CATEGORY」不是本年度合法类的判定类别");

    variables.remove("category");
    assertThat(check.problems(JUDGE, variables)).containsExactly("请选择判定类别");
  }

  @Test
  void missingCategoriesAreNamedRatherThanPassed() {
    Map<String, Object> variables = legal();
    variables.remove("judgmentCategories");
    assertThat(check.problems(JUDGE, variables))
        .containsExactly("缺少本年度判定类别表（judgmentCategories），无法核对判定类别");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  \n"})
  void theReasonsMustNotBeBlank(String reasons) {
    Map<String, Object> variables = legal();
    variables.put("reasons", reasons);
    assertThat(check.problems(JUDGE, variables)).containsExactly("请填写判定理由");
    variables.remove("reasons");
    assertThat(check.problems(JUDGE, variables)).containsExactly("请填写判定理由");
  }

  @Test
  void aCategoryNeedingAnApprovalDocumentNeedsItsNumber() {
    Map<String, Object> variables = legal();
    variables.put("category", "APPROVED_CONSTRUCTION");
    assertThat(check.problems(JUDGE, variables)).containsExactly("判定类别「依法批准建设用地」须填写批准文号");
    variables.put("approvalDocumentNumber", " ");
    assertThat(check.problems(JUDGE, variables)).containsExactly("判定类别「依法批准建设用地」须填写批准文号");

    variables.put("approvalDocumentNumber", "宁自然资建字〔2026〕18号");
    assertThat(check.problems(JUDGE, variables)).isEmpty();
  }

  @Test
  void otherForAnAlwaysReviewedChangeTypeNeedsAJustifyingDocument() {
    Map<String, Object> variables = other(" 新增非农建设类 ");
    assertThat(check.problems(JUDGE, variables))
        .containsExactly("「新增非农建设类」图斑一般不得判定为其他类，判定为其他须上传佐证材料（§三(一)2）");
    variables.put("justification", List.of());
    assertThat(check.problems(JUDGE, variables)).hasSize(1);
    variables.put("justification", List.of(Map.of("fileName", "说明.pdf")));
    assertThat(check.problems(JUDGE, variables)).hasSize(1);

    variables.put("justification", List.of(document()));
    assertThat(check.problems(JUDGE, variables)).isEmpty();
    variables.put("justification", document());
    assertThat(check.problems(JUDGE, variables)).isEmpty();
  }

  @Test
  void otherForAnOrdinaryOrMissingChangeTypeNeedsNoDocument() {
    assertThat(check.problems(JUDGE, other("年度内持续变化类"))).hasSize(1);
    assertThat(check.problems(JUDGE, other("新增建设"))).isEmpty();
    assertThat(check.problems(JUDGE, other(null))).isEmpty();
  }

  @Test
  void theReviewersDirectJudgmentOfOtherNeedsNoDocument() {
    assertThat(check.problems(DIRECT, other("新增非农建设类"))).isEmpty();
    assertThat(check.problems(CORRECT, withAction(other("新增非农建设类"), "CORRECT"))).hasSize(1);
  }

  @Test
  void theDirectJudgmentIsHeldToEveryOtherRule() {
    Map<String, Object> variables = illegal();
    variables.remove("ruralHousing");
    variables.put("reasons", "");
    variables.put("suggestion", Map.of("judgment", "LEGAL"));
    assertThat(check.problems(DIRECT, variables))
        .containsExactly("请回答是否属于新增农村乱占耕地建房问题", "请填写判定理由", "判定结果（违法）与判定建议（合法）不一致，须填写不一致的理由");
  }

  @Test
  void illegalOfACategoryAskingAboutRuralHousingNeedsTheAnswer() {
    Map<String, Object> variables = illegal();
    variables.remove("ruralHousing");
    assertThat(check.problems(JUDGE, variables)).containsExactly("请回答是否属于新增农村乱占耕地建房问题");
    variables.put("ruralHousing", "是");
    assertThat(check.problems(JUDGE, variables)).hasSize(1);

    for (Object answer : List.of(true, false, "true", "false")) {
      variables.put("ruralHousing", answer);
      assertThat(check.problems(JUDGE, variables)).as("%s", answer).isEmpty();
    }
  }

  @Test
  void illegalOfACategoryNotAskingAboutRuralHousingNeedsNoAnswer() {
    Map<String, Object> variables = illegal();
    variables.put("category", "ILLEGAL_MINING");
    variables.remove("ruralHousing");
    assertThat(check.problems(JUDGE, variables)).isEmpty();
  }

  @Test
  void contradictingTheSuggestionNeedsAReason() {
    Map<String, Object> variables = legal();
    variables.put("suggestion", Map.of("judgment", "ILLEGAL"));
    assertThat(check.problems(JUDGE, variables)).containsExactly("判定结果（合法）与判定建议（违法）不一致，须填写不一致的理由");
    variables.put("contradictionReason", "");
    assertThat(check.problems(JUDGE, variables)).hasSize(1);

    variables.put("contradictionReason", "已取得批准文件，空间核查所用图层未更新");
    assertThat(check.problems(JUDGE, variables)).isEmpty();
  }

  @Test
  void withoutASuggestionThereIsNothingToContradict() {
    Map<String, Object> variables = legal();
    variables.remove("suggestion");
    assertThat(check.problems(JUDGE, variables)).isEmpty();
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    Map<String, Object> variables = other("新增非农建设类");
    variables.put("category", "APPROVED_CONSTRUCTION");
    variables.put("reasons", " ");
    variables.put("suggestion", Map.of("judgment", "ILLEGAL"));
    assertThat(check.problems(JUDGE, variables))
        .containsExactly(
            "判定类别「APPROVED_CONSTRUCTION」不是本年度其他类的判定类别",
            "「新增非农建设类」图斑一般不得判定为其他类，判定为其他须上传佐证材料（§三(一)2）",
            "请填写判定理由",
            "判定结果（其他）与判定建议（违法）不一致，须填写不一致的理由");
  }

  private static Map<String, Object> withAction(Map<String, Object> variables, String action) {
    variables.put("action", action);
    return variables;
  }

  @Test
  void aCorrectionMustCorrectOrDecline() {
    assertThat(check.problems(CORRECT, legal())).containsExactly("请选择纠正或不予纠正");
    assertThat(check.problems(CORRECT, withAction(legal(), "RETURN")))
        .containsExactly("请选择纠正或不予纠正");
    assertThat(check.problems(CORRECT, withAction(legal(), "CORRECT"))).isEmpty();
  }

  @Test
  void aCorrectionIsHeldToTheJudgmentsRules() {
    Map<String, Object> variables = withAction(legal(), "CORRECT");
    variables.put("category", "APPROVED_CONSTRUCTION");
    assertThat(check.problems(CORRECT, variables)).containsExactly("判定类别「依法批准建设用地」须填写批准文号");
  }

  @Test
  void aDeclineNeedsItsReasonAndNothingElse() {
    Map<String, Object> declined = new HashMap<>();
    declined.put("action", "DECLINE");
    declined.put("judgmentCategories", CATEGORIES);
    declined.put("suggestion", Map.of("judgment", "ILLEGAL"));
    assertThat(check.problems(CORRECT, declined)).containsExactly("不予纠正须填写理由");
    declined.put("declineReason", "  ");
    assertThat(check.problems(CORRECT, declined)).containsExactly("不予纠正须填写理由");

    declined.put("declineReason", "原判定有批准文件为据，退回理由不成立");
    assertThat(check.problems(CORRECT, declined)).isEmpty();
  }

  @Test
  void onlyTheCorrectionAsksForAnAction() {
    assertThat(check.problems(JUDGE, withAction(legal(), "DECLINE"))).isEmpty();
    assertThat(check.problems(DIRECT, legal())).isEmpty();
  }
}
