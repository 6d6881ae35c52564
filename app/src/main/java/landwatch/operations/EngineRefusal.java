package landwatch.operations;

import io.camunda.client.api.command.ProblemException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The engine's answer to a request it refuses (an unknown key, a modification it cannot apply),
 * passed on with its status and its own words after ours: the operator repairing an instance needs
 * the engine's reason verbatim.
 */
final class EngineRefusal {

  private EngineRefusal() {}

  static <T> T call(String whatChinese, Supplier<T> request) {
    try {
      return request.get();
    } catch (ProblemException e) {
      throw refused(whatChinese, e);
    } catch (CompletionException e) {
      if (e.getCause() instanceof ProblemException problem) {
        throw refused(whatChinese, problem);
      }
      throw e;
    }
  }

  private static ErrorResponseException refused(String whatChinese, ProblemException e) {
    int code = e.code() >= 400 && e.code() < 500 ? e.code() : HttpStatus.BAD_GATEWAY.value();
    HttpStatus status = HttpStatus.valueOf(code);
    String reason =
        e.details() != null && e.details().getDetail() != null
            ? e.details().getDetail()
            : e.getMessage();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status, whatChinese + "：引擎拒绝 / the engine refused: " + reason);
    problem.setTitle("Engine refused");
    return new ErrorResponseException(status, problem, e);
  }
}
