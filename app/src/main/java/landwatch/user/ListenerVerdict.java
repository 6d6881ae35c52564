package landwatch.user;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.List;

/**
 * How a completing task listener answers: it lets the completion through, or denies it naming every
 * problem in Chinese, which the engine hands back to whoever tried to complete the task.
 */
public final class ListenerVerdict {

  private ListenerVerdict() {}

  /** What every denial starts with, before its problems, one per line. */
  public static final String DENIED = "提交被拒绝：";

  public static void completeOrDeny(JobClient client, ActivatedJob job, List<String> problems) {
    if (problems.isEmpty()) {
      client.newCompleteCommand(job.getKey()).send().join();
      return;
    }
    client
        .newCompleteCommand(job.getKey())
        .withResult(r -> r.forUserTask().deny(true, DENIED + String.join("\n", problems)))
        .send()
        .join();
  }
}
