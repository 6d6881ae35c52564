package landwatch.spot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The columns of a spot's progress row one step sets. */
public final class ProgressChange {

  private static final Set<String> COLUMNS =
      Set.of(
          "state",
          "process_instance_key",
          "verified_at",
          "reported_at",
          "reported_by",
          "late_to_city",
          "late",
          "county_overdue",
          "province_overdue",
          "mandatory_review",
          "sampled",
          "review_reasons",
          "province_re_review",
          "field_check",
          "correction_due",
          "county_error",
          "directly_judged",
          "final_judgment",
          "final_basis",
          "concluded_at",
          "awaiting_case_filing",
          "county_due",
          "province_due");
  private static final Set<String> COUNTERS = Set.of("returned_count", "corrected_count");
  private static final Set<String> JSON = Set.of("review_reasons");

  private final Map<String, Object> values = new LinkedHashMap<>();
  private final List<String> increments = new ArrayList<>();

  public ProgressChange set(String column, Object value) {
    if (!COLUMNS.contains(column)) {
      throw new IllegalArgumentException("no progress column " + column);
    }
    values.put(column, value instanceof Enum<?> e ? e.name() : value);
    return this;
  }

  public ProgressChange state(SpotState state) {
    return set("state", state);
  }

  public ProgressChange increment(String column) {
    if (!COUNTERS.contains(column)) {
      throw new IllegalArgumentException("no progress counter " + column);
    }
    increments.add(column);
    return this;
  }

  Map<String, Object> values() {
    return values;
  }

  List<String> increments() {
    return increments;
  }

  static boolean isJson(String column) {
    return JSON.contains(column);
  }
}
