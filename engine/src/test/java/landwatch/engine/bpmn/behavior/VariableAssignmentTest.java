package landwatch.engine.bpmn.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableAssignmentTest {

  @Test
  void aPlainTargetSetsTheVariable() {
    Map<String, Object> result = new HashMap<>();
    VariableBehavior.assign(result, Map.of(), "verdict", "illegal");
    assertThat(result).containsEntry("verdict", "illegal");
  }

  @Test
  void aNestedTargetUpdatesACopyOfTheExistingObject() {
    Map<String, Object> existing = Map.of("author", "officer", "detail", Map.of("a", 1));
    Map<String, Object> context = Map.of("report", existing);
    Map<String, Object> result = new HashMap<>();
    VariableBehavior.assign(result, context, "report.detail.b", 2);
    assertThat(result.get("report"))
        .isEqualTo(Map.of("author", "officer", "detail", Map.of("a", 1, "b", 2)));
    assertThat(existing.get("detail")).isEqualTo(Map.of("a", 1));
  }

  @Test
  void aNestedTargetCreatesMissingObjects() {
    Map<String, Object> result = new HashMap<>();
    VariableBehavior.assign(result, Map.of(), "a.b.c", true);
    assertThat(result).containsEntry("a", Map.of("b", Map.of("c", true)));
  }
}
