package landwatch.task;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Also what a task outside the user's groups answers: nobody learns another unit's work. */
class TaskNotFoundException extends ErrorResponseException {

  TaskNotFoundException(long key) {
    super(HttpStatus.NOT_FOUND, problem(key), null);
  }

  private static ProblemDetail problem(long key) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "任务 " + key + " 不存在或已办结 / no open task " + key);
    detail.setTitle("Unknown task");
    detail.setProperty("taskKey", key);
    return detail;
  }
}
