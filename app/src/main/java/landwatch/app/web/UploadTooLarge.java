package landwatch.app.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the web server's limit is refused before any controller is chosen, so this advice
 * cannot be limited to packages like {@link RequestProblems}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    return RequestProblems.problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "File refused",
        "上传文件超过允许的大小 / the upload exceeds the size limit");
  }
}
