package landwatch.app.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The paging parameters every list takes, checked the same way everywhere. */
public final class Paging {

  private Paging() {}

  /** Refuses with 400 unless {@code page ≥ 0} and {@code 1 ≤ size ≤ maxSize}. */
  public static void check(int page, int size, int maxSize) {
    if (page < 0 || size < 1 || size > maxSize) {
      throw new ErrorResponseException(
          HttpStatus.BAD_REQUEST,
          RequestProblems.problem(
              HttpStatus.BAD_REQUEST,
              "Invalid paging",
              "分页参数无效：page ≥ 0，1 ≤ size ≤ "
                  + maxSize
                  + " / invalid paging: page ≥ 0 and 1 ≤ size ≤ "
                  + maxSize),
          null);
    }
  }
}
