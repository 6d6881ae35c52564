package landwatch.spot;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import landwatch.spot.judgment.Judgment;

/** A judgment entry from the map a judging task's output mapping builds. */
public final class JudgmentEntries {

  private JudgmentEntries() {}

  public static JudgmentEntry of(
      String basis, Map<String, Object> submitted, String by, OffsetDateTime at, boolean late) {
    Object judgment = submitted.get("judgment");
    if (!(judgment instanceof String name)) {
      throw new IllegalArgumentException("a judgment must name LEGAL, ILLEGAL or OTHER");
    }
    if (by == null) {
      throw new IllegalArgumentException("a judgment must name who made it (by)");
    }
    Map<String, Object> detail = new LinkedHashMap<>(submitted);
    detail.remove("by");
    return new JudgmentEntry(
        basis,
        Judgment.valueOf(name),
        JobVariables.optionalText(submitted, "category"),
        detail,
        by,
        at,
        late);
  }
}
