package landwatch.spot.judgment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a submitted judgment (tasks {@code judge}, {@code correct}, {@code direct-judgment}) must
 * hold beyond what its form can require: form-js cannot make a field required by a condition, and a
 * completion need not come through the form at all. Each problem is one Chinese sentence.
 *
 * <p>The variables are the completion's over the process's ({@code judgmentCategories}, {@code
 * suggestion}, {@code changeType}).
 */
public final class JudgmentCheck {

  /** The county's correction after a return: it corrects the judgment or declines to. */
  public static final String CORRECT_TASK = "correct";

  /**
   * The reviewer's own judgment: the reviewer judges on the file, its form takes no upload, so the
   * justification of an "other" judgment is not asked for.
   */
  public static final String DIRECT_JUDGMENT_TASK = "direct-judgment";

  private final Set<String> otherAlwaysReviewedChangeTypes;

  /**
   * @param otherAlwaysReviewedChangeTypes change types that may generally not be judged "other"
   *     (§三(一)2): such a judgment must come with a justifying document
   */
  public JudgmentCheck(Collection<String> otherAlwaysReviewedChangeTypes) {
    this.otherAlwaysReviewedChangeTypes =
        Collections.unmodifiableSet(new LinkedHashSet<>(otherAlwaysReviewedChangeTypes));
  }

  /** The problems of the submission at the task, one per rule it breaks; empty when it may pass. */
  public List<String> problems(String elementId, Map<String, ?> variables) {
    List<String> problems = new ArrayList<>();
    if (CORRECT_TASK.equals(elementId)) {
      Object action = variables.get("action");
      if ("DECLINE".equals(action)) {
        if (isBlank(variables.get("declineReason"))) {
          problems.add("不予纠正须填写理由");
        }
        return problems;
      }
      if (!"CORRECT".equals(action)) {
        problems.add("请选择纠正或不予纠正");
        return problems;
      }
    }
    Optional<Judgment> judgment = judgment(variables.get("judgment"));
    if (judgment.isEmpty()) {
      problems.add("请选择判定结果：合法、违法或其他");
    }
    Object categories = variables.get("judgmentCategories");
    if (!(categories instanceof List<?> list)) {
      problems.add("缺少本年度判定类别表（judgmentCategories），无法核对判定类别");
    } else if (judgment.isPresent()) {
      categoryProblems(elementId, judgment.get(), list, variables, problems);
    }
    if (isBlank(variables.get("reasons"))) {
      problems.add("请填写判定理由");
    }
    judgment.ifPresent(j -> contradiction(j, variables, problems));
    return problems;
  }

  private void categoryProblems(
      String elementId,
      Judgment judgment,
      List<?> categories,
      Map<String, ?> variables,
      List<String> problems) {
    Object category = variables.get("category");
    Optional<Map<?, ?>> chosen =
        categories.stream()
            .<Map<?, ?>>mapMulti(
                (c, matching) -> {
                  if (c instanceof Map<?, ?> entry
                      && judgment.name().equals(entry.get("kind"))
                      && entry.get("value") != null
                      && entry.get("value").equals(category)) {
                    matching.accept(entry);
                  }
                })
            .findFirst();
    if (chosen.isEmpty()) {
      problems.add(
          isBlank(category)
              ? "请选择判定类别"
              : "判定类别「" + category + "」不是本年度" + judgment.chineseName() + "类的判定类别");
    } else {
      Object label = chosen.get().get("label") == null ? category : chosen.get().get("label");
      if (Boolean.TRUE.equals(chosen.get().get("needsApprovalDocument"))
          && isBlank(variables.get("approvalDocumentNumber"))) {
        problems.add("判定类别「" + label + "」须填写批准文号");
      }
      if (judgment == Judgment.ILLEGAL
          && Boolean.TRUE.equals(chosen.get().get("needsRuralHousingAnswer"))
          && !isBooleanAnswer(variables.get("ruralHousing"))) {
        problems.add("请回答是否属于新增农村乱占耕地建房问题");
      }
    }
    if (judgment == Judgment.OTHER && !DIRECT_JUDGMENT_TASK.equals(elementId)) {
      Object changeType = variables.get("changeType");
      String type = changeType instanceof String text ? text.trim() : null;
      if (type != null
          && otherAlwaysReviewedChangeTypes.contains(type)
          && !isDocumentUploaded(variables.get("justification"))) {
        problems.add("「" + type + "」图斑一般不得判定为其他类，判定为其他须上传佐证材料（§三(一)2）");
      }
    }
  }

  private static void contradiction(
      Judgment judgment, Map<String, ?> variables, List<String> problems) {
    if (!(variables.get("suggestion") instanceof Map<?, ?> suggestion)) {
      return;
    }
    Optional<Judgment> suggested = judgment(suggestion.get("judgment"));
    if (suggested.isPresent()
        && suggested.get() != judgment
        && isBlank(variables.get("contradictionReason"))) {
      problems.add(
          "判定结果（"
              + judgment.chineseName()
              + "）与判定建议（"
              + suggested.get().chineseName()
              + "）不一致，须填写不一致的理由");
    }
  }

  private static Optional<Judgment> judgment(Object value) {
    for (Judgment judgment : Judgment.values()) {
      if (judgment.name().equals(value)) {
        return Optional.of(judgment);
      }
    }
    return Optional.empty();
  }

  private static boolean isBlank(Object value) {
    return !(value instanceof String text) || text.isBlank();
  }

  /** The form's radio submits a boolean; a client may send its text. */
  private static boolean isBooleanAnswer(Object value) {
    return value instanceof Boolean || "true".equals(value) || "false".equals(value);
  }

  /** A document reference as the engine stores uploads, or a non-empty list of them. */
  private static boolean isDocumentUploaded(Object value) {
    if (value instanceof List<?> list) {
      return !list.isEmpty() && list.stream().allMatch(JudgmentCheck::isDocumentReference);
    }
    return isDocumentReference(value);
  }

  private static boolean isDocumentReference(Object value) {
    return value instanceof Map<?, ?> reference && !isBlank(reference.get("documentId"));
  }
}
