package landwatch.user;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused change to a user, told in Chinese and English. */
class UserProblem extends ErrorResponseException {

  UserProblem(HttpStatus status, String title, String chinese, String english) {
    super(status, problem(status, title, chinese + " / " + english), null);
  }

  static UserProblem invalid(String chinese, String english) {
    return new UserProblem(HttpStatus.BAD_REQUEST, "Invalid user", chinese, english);
  }

  static UserProblem notFound(String username) {
    return new UserProblem(
        HttpStatus.NOT_FOUND, "Unknown user", "用户 " + username + " 不存在", "no user " + username);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
