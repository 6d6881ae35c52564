package landwatch.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtensionDecisionTest {

  private static final LocalDate CURRENT = LocalDate.of(2026, 11, 20);
  private static final LocalDate ASKED = LocalDate.of(2026, 11, 30);

  private static Map<String, Object> submitted(String decision, String opinion, String granted) {
    Map<String, Object> submitted = new HashMap<>();
    submitted.put("decision", decision);
    submitted.put("opinion", opinion);
    submitted.put("grantedDueDate", granted);
    return submitted;
  }

  @Test
  void anApprovalAsAskedOrShorterCompletes() {
    assertThat(ExtensionDecision.problems(submitted("APPROVE", null, null), CURRENT, ASKED))
        .isEmpty();
    assertThat(ExtensionDecision.problems(submitted("APPROVE", "同意", "2026-11-25"), CURRENT, ASKED))
        .isEmpty();
    assertThat(ExtensionDecision.of(submitted("APPROVE", null, null), ASKED))
        .isEqualTo(new ExtensionDecision(true, null, ASKED));
    assertThat(ExtensionDecision.of(submitted("APPROVE", " 同意 ", "2026-11-25T00:00:00Z"), ASKED))
        .isEqualTo(new ExtensionDecision(true, "同意", LocalDate.of(2026, 11, 25)));
  }

  @Test
  void aDecisionMustBeMadeAndARefusalMustSayWhy() {
    assertThat(ExtensionDecision.problems(submitted(null, null, null), CURRENT, ASKED))
        .containsExactly("请选择意见：同意或不同意");
    assertThat(ExtensionDecision.problems(submitted("REFUSE", " ", null), CURRENT, ASKED))
        .containsExactly("不同意延期须填写理由");
    assertThat(ExtensionDecision.of(submitted("REFUSE", "理由不充分", null), ASKED))
        .isEqualTo(new ExtensionDecision(false, "理由不充分", null));
  }

  @Test
  void aGrantMayNeitherShortenAnyDeadlineNorExceedWhatWasAsked() {
    assertThat(ExtensionDecision.problems(submitted("APPROVE", null, "2026-11-20"), CURRENT, ASKED))
        .containsExactly("同意延至的日期须晚于图斑现有截止日期 2026-11-20");
    assertThat(ExtensionDecision.problems(submitted("APPROVE", null, "2026-12-01"), CURRENT, ASKED))
        .containsExactly("同意延至的日期不得晚于申请（或上一级同意）的日期 2026-11-30");
    assertThat(ExtensionDecision.problems(submitted("APPROVE", null, "下周五"), CURRENT, ASKED))
        .containsExactly("同意延至的日期无法识别：下周五");
  }
}
