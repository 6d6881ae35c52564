package landwatch.spot;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class SpotNotFoundException extends ErrorResponseException {

  public SpotNotFoundException(String monitoringCode) {
    super(HttpStatus.NOT_FOUND, problem(monitoringCode), null);
  }

  private static ProblemDetail problem(String monitoringCode) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "图斑 " + monitoringCode + " 不存在 / no spot with monitoring code " + monitoringCode);
    detail.setTitle("Unknown spot");
    detail.setProperty("monitoringCode", monitoringCode);
    return detail;
  }
}
