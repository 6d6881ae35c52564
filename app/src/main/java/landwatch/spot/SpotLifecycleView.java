package landwatch.spot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.postgresql.util.PGobject;

/**
 * Where a spot is and how it got there: its state and flags, every judgment made on it (the
 * county's kept beside a correction or a direct judgment) and every step, oldest first.
 */
record SpotLifecycleView(Map<String, Object> progress, List<Judged> judgments, List<Step> history) {

  record Judged(
      String basis,
      String judgment,
      String category,
      String judgedBy,
      OffsetDateTime judgedAt,
      boolean late,
      JsonNode detail) {}

  record Step(String step, OffsetDateTime occurredAt, String actor, JsonNode detail) {}

  /**
   * The progress row with camelCase names, its JSON columns as JSON; the internal row id and row
   * time left out.
   */
  static SpotLifecycleView of(
      Map<String, Object> row,
      List<Judged> judgments,
      List<Step> history,
      Function<String, JsonNode> json) {
    Map<String, Object> progress = new LinkedHashMap<>();
    row.forEach(
        (column, value) -> {
          if (!column.equals("spot_id") && !column.equals("updated_at")) {
            progress.put(
                camel(column), value instanceof PGobject o ? json.apply(o.getValue()) : value);
          }
        });
    return new SpotLifecycleView(progress, judgments, history);
  }

  private static String camel(String column) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
