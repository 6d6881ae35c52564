package landwatch.app.web;

import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Malformed requests to the application's API answer in both languages, like every other problem it
 * reports. Ordered first: Spring's own problem-detail handler would otherwise answer these in
 * English. The engine's {@code /v2} is not among these packages: it answers as Zeebe does.
 */
@RestControllerAdvice(
    basePackages = {
      "landwatch.extension",
      "landwatch.region",
      "landwatch.batch",
      "landwatch.layer",
      "landwatch.spot",
      "landwatch.user",
      "landwatch.audit",
      "landwatch.map",
      "landwatch.upload",
      "landwatch.operations"
    })
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestProblems {

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Missing parameter",
        "缺少请求参数“"
            + e.getParameterName()
            + "” / required parameter '"
            + e.getParameterName()
            + "' is missing");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ProblemDetail missingPart(MissingServletRequestPartException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Missing file",
        "缺少上传文件“"
            + e.getRequestPartName()
            + "” / required part '"
            + e.getRequestPartName()
            + "' is missing");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Invalid parameter",
        "参数“"
            + e.getName()
            + "”的值无效："
            + e.getValue()
            + " / invalid value for '"
            + e.getName()
            + "': "
            + e.getValue());
  }

  /** A filter bound as a whole ({@code @ModelAttribute}) whose values do not convert. */
  @ExceptionHandler(BindException.class)
  ProblemDetail unbound(BindException e) {
    String fields =
        e.getFieldErrors().stream()
            .map(error -> error.getField() + "=" + error.getRejectedValue())
            .collect(Collectors.joining(", "));
    return problem(
        HttpStatus.BAD_REQUEST,
        "Invalid parameter",
        "参数的值无效：" + fields + " / invalid parameter values: " + fields);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Unreadable request",
        "请求内容无法解析，请检查 JSON 格式与字段类型 / the request body is not readable:"
            + " check the JSON and the types of its fields");
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
