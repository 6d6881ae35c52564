package landwatch.spot;

import java.util.List;
import java.util.Map;
import landwatch.deadline.Notice;

/**
 * What one lifecycle step records and answers.
 *
 * @param actor who did what the step records (null for the engine's own steps: timers)
 * @param detail what the event keeps
 * @param outputs the variables the job completes with (kept with the event, so a redelivered job
 *     gets the same answer)
 * @param judgment a judgment made in the step, or null
 */
public record StepOutcome(
    String actor,
    Map<String, Object> detail,
    Map<String, Object> outputs,
    ProgressChange change,
    JudgmentEntry judgment,
    List<Notice> notices) {

  public StepOutcome {
    detail = detail == null ? Map.of() : detail;
    outputs = outputs == null ? Map.of() : outputs;
    change = change == null ? new ProgressChange() : change;
    notices = notices == null ? List.of() : List.copyOf(notices);
  }
}
