package landwatch.task;

import java.util.List;
import java.util.Map;

/**
 * Several tasks of one kind completed with the same submission, as a city reviewer approves a page
 * of sampled spots at once; each task is still claimed, checked and completed on its own, and each
 * answers for itself.
 *
 * @param kind the element id every task must have ({@code city-review}…), so that a submission
 *     meant for one kind of task never completes another
 */
public record BulkCompletion(String kind, List<Long> tasks, Map<String, Object> variables) {

  /** How one task of the batch ended. */
  public record Outcome(long key, Result result, String detail, List<String> reasons) {}

  public enum Result {
    COMPLETED,
    /** A task listener denied it: {@code reasons} say why. */
    DENIED,
    /** Not done: another kind, claimed by someone else, or no longer open. */
    REFUSED
  }
}
