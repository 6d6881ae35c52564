package landwatch.engine.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.concurrent.CompletionException;
import landwatch.engine.command.ProcessInstanceResults;
import landwatch.engine.processing.CommandTimeout;
import landwatch.engine.processing.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * RFC 7807 problem details with the status codes of the Orchestration Cluster REST API: the
 * rejection type as title, Zeebe's rejection message as detail.
 */
@RestControllerAdvice(basePackageClasses = EngineProblemAdvice.class)
public class EngineProblemAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(EngineProblemAdvice.class);

  @ExceptionHandler(Rejection.class)
  ResponseEntity<ProblemDetail> rejection(Rejection rejection, HttpServletRequest request) {
    return problem(HttpStatus.valueOf(rejection.type.status), rejection.type.title, rejection.getMessage(), request);
  }

  @ExceptionHandler(ProcessInstanceResults.Timeout.class)
  ResponseEntity<ProblemDetail> timeout(ProcessInstanceResults.Timeout timeout, HttpServletRequest request) {
    return problem(HttpStatus.GATEWAY_TIMEOUT, "DEADLINE_EXCEEDED", timeout.getMessage(), request);
  }

  /** A queued command not answered in time: 504, its outcome unknown (it may still be applied). */
  @ExceptionHandler(CommandTimeout.class)
  ResponseEntity<ProblemDetail> commandTimeout(CommandTimeout timeout, HttpServletRequest request) {
    return problem(HttpStatus.GATEWAY_TIMEOUT, "DEADLINE_EXCEEDED", timeout.getMessage(), request);
  }

  @ExceptionHandler(CompletionException.class)
  ResponseEntity<ProblemDetail> completion(CompletionException e, HttpServletRequest request) {
    if (e.getCause() instanceof Rejection rejection) {
      return rejection(rejection, request);
    }
    if (e.getCause() instanceof ProcessInstanceResults.Timeout timeout) {
      return timeout(timeout, request);
    }
    if (e.getCause() instanceof CommandTimeout timeout) {
      return commandTimeout(timeout, request);
    }
    return unexpected(e.getCause() instanceof Exception cause ? cause : e, request);
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestPartException.class,
      MissingServletRequestParameterException.class, IllegalArgumentException.class, NumberFormatException.class})
  ResponseEntity<ProblemDetail> badRequest(Exception e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", e.getMessage(), request);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", e.getMessage(), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("Engine API request {} failed", request.getRequestURI(), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", String.valueOf(e.getMessage()), request);
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
