package landwatch.spot.judgment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Collection;
import java.util.List;

/**
 * Completing task listener {@value #JOB_TYPE} of the judging tasks: denies a completion that breaks
 * a rule of {@link JudgmentCheck}, naming every problem, one per line, so the officer corrects the
 * form and submits again. Never completes with variables (Zeebe refuses that of a listener).
 *
 * <p>Not a component by itself: the application declares it with the year's change types.
 */
public class JudgmentCheckWorker {

  public static final String JOB_TYPE = "landwatch.judgment-check";

  private final JudgmentCheck check;

  public JudgmentCheckWorker(Collection<String> otherAlwaysReviewedChangeTypes) {
    this.check = new JudgmentCheck(otherAlwaysReviewedChangeTypes);
  }

  @JobWorker(
      type = JOB_TYPE,
      autoComplete = false,
      fetchVariables = {
        "action",
        "declineReason",
        "judgment",
        "category",
        "approvalDocumentNumber",
        "reasons",
        "justification",
        "ruralHousing",
        "contradictionReason",
        "judgmentCategories",
        "suggestion",
        "changeType"
      })
  public void check(JobClient client, ActivatedJob job) {
    List<String> problems = check.problems(job.getElementId(), job.getVariablesAsMap());
    if (problems.isEmpty()) {
      client.newCompleteCommand(job.getKey()).send().join();
      return;
    }
    client
        .newCompleteCommand(job.getKey())
        .withResult(r -> r.forUserTask().deny(true, "提交被拒绝：" + String.join("\n", problems)))
        .send()
        .join();
  }
}
