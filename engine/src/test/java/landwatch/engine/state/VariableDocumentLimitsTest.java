package landwatch.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableDocumentLimitsTest {

  private final VariableDocumentLimits limits = new VariableDocumentLimits(100, 3);

  private static Object nested(int levels) {
    Object value = "leaf";
    for (int i = 0; i < levels; i++) {
      value = i % 2 == 0 ? List.of(value) : Map.of("k", value);
    }
    return value;
  }

  @Test
  void valuesMayNestExactlyAsDeepAsTheLimit() {
    assertThat(limits.violation(Map.of("ok", nested(3), "scalar", 1))).isNull();
    assertThat(limits.violation(Map.of("deep", nested(4))))
        .isEqualTo(
            "Expected the variable 'deep' to nest at most 3 levels (landwatch.engine.limits.max-variable-depth), but it nests 4 levels");
  }

  @Test
  void theExactDepthIsReportedForVeryDeepValues() {
    VariableDocumentLimits defaults = new VariableDocumentLimits(100_000_000, 64);
    assertThat(defaults.violation(Map.of("v", nested(5000)))).endsWith("but it nests 5000 levels");
  }

  @Test
  void theDocumentIsMeasuredInUtf8BytesOfItsJson() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("a", "é".repeat(40));
    // {"a":"..."}: 8 bytes of frame and 80 of two-byte characters
    assertThat(limits.violation(document)).isNull();
    document.put("b", null);
    document.put("c", "x".repeat(3));
    assertThat(limits.violation(document))
        .isEqualTo(
            "Expected the variable document to be at most 100 bytes"
                + " (landwatch.engine.limits.max-variable-document-size), but it was 107 bytes");
  }

  @Test
  void aDepthNoResponseCouldCarryIsRefusedAtStart() {
    assertThatThrownBy(() -> new VariableDocumentLimits(100, 901))
        .hasMessageContaining("landwatch.engine.limits.max-variable-depth")
        .hasMessageContaining("between 1 and 900");
    assertThat(new VariableDocumentLimits(100, 900)).isNotNull();
  }
}
