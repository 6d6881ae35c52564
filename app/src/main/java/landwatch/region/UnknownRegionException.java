package landwatch.region;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 404 with a problem detail naming the code. */
public class UnknownRegionException extends ErrorResponseException {

  private final String code;

  public UnknownRegionException(String code) {
    super(HttpStatus.NOT_FOUND, problem(code), null);
    this.code = code;
  }

  private static ProblemDetail problem(String code) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "未知的行政区代码 / unknown region code: " + code);
    detail.setTitle("Unknown region");
    detail.setProperty("code", code);
    return detail;
  }

  public String code() {
    return code;
  }

  @Override
  public String getMessage() {
    return "unknown region code: " + code;
  }
}
