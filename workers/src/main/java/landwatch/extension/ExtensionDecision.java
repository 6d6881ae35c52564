package landwatch.extension;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One level's decision on an extension application, as its form submits it: approve or refuse, an
 * opinion (required to refuse), and optionally a shorter extension than the one asked for.
 */
public record ExtensionDecision(boolean approved, String opinion, LocalDate grantedDueDate) {

  /**
   * The problems of a submitted decision, in Chinese; empty when it may complete.
   *
   * @param latestCurrentDue the latest county due date among the application's spots: a grant must
   *     move past it, or it would shorten some spot's deadline
   * @param allowedDueDate the most this level may grant: what the county asked for, or what the
   *     level before granted
   */
  public static List<String> problems(
      Map<String, Object> submitted, LocalDate latestCurrentDue, LocalDate allowedDueDate) {
    List<String> problems = new ArrayList<>();
    Object decision = submitted.get("decision");
    if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
      problems.add("请选择意见：同意或不同意");
    } else if ("REFUSE".equals(decision) && text(submitted.get("opinion")) == null) {
      problems.add("不同意延期须填写理由");
    }
    Object granted = submitted.get("grantedDueDate");
    if ("APPROVE".equals(decision) && text(granted) != null) {
      try {
        LocalDate date = date(text(granted));
        if (!date.isAfter(latestCurrentDue)) {
          problems.add("同意延至的日期须晚于图斑现有截止日期 " + latestCurrentDue);
        } else if (date.isAfter(allowedDueDate)) {
          problems.add("同意延至的日期不得晚于申请（或上一级同意）的日期 " + allowedDueDate);
        }
      } catch (DateTimeParseException e) {
        problems.add("同意延至的日期无法识别：" + granted);
      }
    }
    return problems;
  }

  /** A submission {@link #problems} accepted. */
  public static ExtensionDecision of(Map<String, Object> submitted, LocalDate allowedDueDate) {
    boolean approved = "APPROVE".equals(submitted.get("decision"));
    String granted = text(submitted.get("grantedDueDate"));
    return new ExtensionDecision(
        approved,
        text(submitted.get("opinion")),
        approved ? (granted == null ? allowedDueDate : date(granted)) : null);
  }

  /** form-js submits a date field as {@code yyyy-MM-dd}; a date-time keeps its date part. */
  private static LocalDate date(String text) {
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s.trim() : null;
  }
}
