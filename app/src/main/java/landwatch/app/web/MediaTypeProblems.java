package landwatch.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request of a content type no endpoint takes (JSON sent to an upload, say) is refused before any
 * controller is chosen, so {@link RequestProblems}, which applies to the features' controllers,
 * never sees it: this advice answers for the application's API in both languages, and leaves the
 * engine's {@code /v2} Spring's answer, as Zeebe gives it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MediaTypeProblems {

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    if (!request.getRequestURI().startsWith("/api/")) {
      return e.getBody();
    }
    String supported =
        e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
    return RequestProblems.problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported Media Type",
        "不支持的请求内容类型 "
            + e.getContentType()
            + "，请使用 "
            + supported
            + " / content type "
            + e.getContentType()
            + " is not supported, use "
            + supported);
  }
}
