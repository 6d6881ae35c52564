package landwatch.extension;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused extension request, told in Chinese and English. */
class ExtensionProblem extends ErrorResponseException {

  private ExtensionProblem(HttpStatus status, String title, String detail, List<String> codes) {
    super(status, problem(status, title, detail, codes), null);
  }

  static ExtensionProblem invalid(String chinese, String english) {
    return new ExtensionProblem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "Invalid extension application",
        chinese + " / " + english,
        List.of());
  }

  /** Spots that do not exist and spots outside the county are the same to the applicant. */
  static ExtensionProblem unknownSpots(List<String> codes) {
    return new ExtensionProblem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "Unknown spots",
        "以下图斑不存在或不属于本县："
            + String.join("、", codes)
            + " / no such spots in your county: "
            + String.join(", ", codes),
        codes);
  }

  static ExtensionProblem conflict(String chinese, String english, List<String> codes) {
    return new ExtensionProblem(
        HttpStatus.CONFLICT,
        "Extension not possible",
        chinese + String.join("、", codes) + " / " + english + String.join(", ", codes),
        codes);
  }

  static ExtensionProblem notFound(long id) {
    return new ExtensionProblem(
        HttpStatus.NOT_FOUND,
        "Unknown extension application",
        "延期申请 " + id + " 不存在 / no extension application " + id,
        List.of());
  }

  private static ProblemDetail problem(
      HttpStatus status, String title, String detail, List<String> codes) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (!codes.isEmpty()) {
      problem.setProperty("monitoringCodes", codes);
    }
    return problem;
  }
}
