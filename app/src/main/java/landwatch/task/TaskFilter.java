package landwatch.task;

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
}
