package landwatch.task;

import java.util.ArrayList;
import java.util.List;

/**
 * What the tasklist narrows to; null fields do not narrow.
 *
 * @param kind the model's element id of the task ({@code verify}, {@code judge}…)
 * @param region a county, or a city for all its counties
 * @param assigned whose tasks: mine, nobody's yet, or any in my groups
 * @param overdue only tasks past their due date (true), or only those not (false)
 */
public record TaskFilter(
    String kind, Long batch, String region, Assigned assigned, Boolean overdue, Order order) {

  public enum Assigned {
    ME,
    UNASSIGNED,
    ANY
  }

  /** Most urgent first, as offices work; or newest first. */
  public enum Order {
    DUE,
    CREATED
  }

  /** The filters in Chinese, as an export's header states them; 全部 when none narrows. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (kind != null && !kind.isBlank()) {
      parts.add("任务类型 " + kind);
    }
    if (batch != null) {
      parts.add("批次 " + batch);
    }
    if (region != null && !region.isBlank()) {
      parts.add("区县 " + region);
    }
    if (assigned == Assigned.ME) {
      parts.add("我认领的");
    } else if (assigned == Assigned.UNASSIGNED) {
      parts.add("未认领");
    }
    if (overdue != null) {
      parts.add(overdue ? "仅逾期" : "未逾期");
    }
    return parts.isEmpty() ? "全部" : String.join("；", parts);
  }
}
