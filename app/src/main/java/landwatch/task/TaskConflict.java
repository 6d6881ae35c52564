package landwatch.task;

import io.camunda.client.api.command.ProblemException;
import java.util.Arrays;
import java.util.List;
import landwatch.user.ListenerVerdict;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A task action refused: the task is claimed by someone else or not claimed, an attachment is no
 * evidence, or a task listener denied the completion, with its reasons for the form to show.
 */
class TaskConflict extends ErrorResponseException {

  private static final String REASON = "Reason to deny: '";

  private TaskConflict(HttpStatus status, ProblemDetail problem) {
    super(status, problem, null);
  }

  static TaskConflict claimedBy(long key, String assignee) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "任务已由 " + assignee + " 认领 / task " + key + " is claimed by " + assignee);
    problem.setTitle("Task claimed by another user");
    problem.setProperty("assignee", assignee);
    return new TaskConflict(HttpStatus.CONFLICT, problem);
  }

  static TaskConflict notClaimed(long key, String assignee) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            assignee == null
                ? "请先认领任务再提交 / claim task " + key + " before completing it"
                : "任务已由 "
                    + assignee
                    + " 认领，只有认领人可以提交 / task "
                    + key
                    + " is claimed by "
                    + assignee);
    problem.setTitle("Task not claimed");
    return new TaskConflict(HttpStatus.CONFLICT, problem);
  }

  static TaskConflict notEvidence(String fileName) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "「"
                + fileName
                + "」不是可接受的附件，须为"
                + Evidence.acceptedKinds()
                + " / not an accepted photo, video or document");
    problem.setTitle("Not evidence");
    problem.setProperty("fileName", fileName);
    return new TaskConflict(HttpStatus.UNPROCESSABLE_ENTITY, problem);
  }

  /**
   * The engine's refusal, as a Camunda 8 engine words a listener's denial around its reason; any
   * other refusal keeps the engine's status and detail.
   */
  static TaskConflict denied(long key, ProblemException refusal) {
    String detail = refusal.details() == null ? null : refusal.details().getDetail();
    int reasonAt = detail == null ? -1 : detail.indexOf(REASON);
    if (reasonAt < 0) {
      HttpStatus status = HttpStatus.resolve(refusal.code());
      HttpStatus answered =
          status != null && status.is4xxClientError() ? status : HttpStatus.CONFLICT;
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              answered, "任务无法提交 / task " + key + " cannot be completed: " + detail);
      problem.setTitle("Completion refused");
      return new TaskConflict(answered, problem);
    }
    String reason = detail.substring(reasonAt + REASON.length());
    if (reason.endsWith("'")) {
      reason = reason.substring(0, reason.length() - 1);
    }
    List<String> reasons =
        Arrays.stream(reason.replaceFirst("^" + ListenerVerdict.DENIED, "").split("\n"))
            .map(String::strip)
            .filter(r -> !r.isEmpty())
            .toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, reason);
    problem.setTitle("Completion denied");
    problem.setProperty("reasons", reasons);
    return new TaskConflict(HttpStatus.UNPROCESSABLE_ENTITY, problem);
  }
}
