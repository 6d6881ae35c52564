package landwatch.engine.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import landwatch.engine.EngineProperties;
import landwatch.engine.processing.CommandTimeout;
import landwatch.engine.processing.Rejection;
import landwatch.engine.processinstance.ProcessInstanceResults;
import landwatch.engine.testing.ManagementController;
import landwatch.engine.topology.TopologyController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * RFC 7807 problem details with the status codes of the Orchestration Cluster REST API: the
 * rejection type as title, Zeebe's rejection message as detail. No answer carries an exception's
 * own message: those name classes, SQL or stack frames. Errors raised before a handler is chosen
 * (unknown path, method, media type) reach these handlers through {@link UnmappedRequestProblems}.
 */
@RestControllerAdvice(
    basePackageClasses = {
      EngineProblemAdvice.class,
      TopologyController.class,
      ManagementController.class
    })
public class EngineProblemAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(EngineProblemAdvice.class);

  private final EngineProperties.Limits limits;

  public EngineProblemAdvice(EngineProperties properties) {
    this.limits = properties.limits();
  }

  @ExceptionHandler(Rejection.class)
  ResponseEntity<ProblemDetail> rejection(Rejection rejection, HttpServletRequest request) {
    return problem(
        HttpStatus.valueOf(rejection.type.status),
        rejection.type.title,
        rejection.getMessage(),
        request);
  }

  @ExceptionHandler(ProcessInstanceResults.Timeout.class)
  ResponseEntity<ProblemDetail> timeout(
      ProcessInstanceResults.Timeout timeout, HttpServletRequest request) {
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

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    return invalidArgument(UnreadableRequests.describe(e), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return invalidArgument(
        String.format(
            "Expected the %s in the path to be a 64-bit integer, but it was '%s'",
            e.getName(), abbreviated(String.valueOf(e.getValue()))),
        request);
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(
      MissingServletRequestPartException e, HttpServletRequest request) {
    return invalidArgument(
        String.format(
            "Expected a multipart request with the part '%s', but none was given",
            e.getRequestPartName()),
        request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return invalidArgument(
        String.format(
            "Expected the request parameter '%s', but none was given", e.getParameterName()),
        request);
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ProblemDetail> noEndpoint(Exception e, HttpServletRequest request) {
    return problem(
        HttpStatus.NOT_FOUND,
        "NOT_FOUND",
        String.format(
            "Expected an endpoint of the REST API at '%s %s', " + "but there is none",
            request.getMethod(), abbreviated(request.getRequestURI())),
        request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    Set<HttpMethod> supported =
        e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
    ProblemDetail problem =
        problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                String.format(
                    "Expected one of the methods %s for '%s', but the request used %s",
                    supported, abbreviated(request.getRequestURI()), abbreviated(e.getMethod())),
                request)
            .getBody();
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .allow(supported.toArray(HttpMethod[]::new))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_MEDIA_TYPE",
        String.format(
            "Expected a request body of type %s, but it was '%s'",
            MediaType.toString(e.getSupportedMediaTypes()),
            abbreviated(String.valueOf(request.getContentType()))),
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return problem(
        HttpStatus.NOT_ACCEPTABLE,
        "NOT_ACCEPTABLE",
        String.format(
            "Expected the request to accept %s, but it accepts only '%s'",
            MediaType.toString(e.getSupportedMediaTypes()),
            abbreviated(String.valueOf(request.getHeader(HttpHeaders.ACCEPT)))),
        request);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(
      MaxUploadSizeExceededException e, HttpServletRequest request) {
    if (request.getRequestURI().startsWith("/v2/documents")) {
      return problem(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "PAYLOAD_TOO_LARGE",
          "Expected the upload to be within the server's multipart limits "
              + "(spring.servlet.multipart.max-file-size and max-request-size, "
              + "server.tomcat.max-http-form-post-size for a file without a name), but it exceeds "
              + "them; a document may have at most landwatch.engine.documents.max-size",
          request);
    }
    return problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "PAYLOAD_TOO_LARGE",
        String.format(
            "Expected the upload to be within "
                + "the server's multipart limits (spring.servlet.multipart.max-file-size and max-request-size), but it exceeds "
                + "them; a deployment's resources may have at most %s each (%s) and %s together (%s)",
            limits.maxResourceSize(),
            DeploymentController.MAX_RESOURCE_SIZE,
            limits.maxDeploymentSize(),
            DeploymentController.MAX_DEPLOYMENT_SIZE),
        request);
  }

  /**
   * The web server refuses a multipart request while it reads it, before the deployment's own
   * checks: more parts than {@code server.tomcat.max-part-count} (which the engine keeps above its
   * own limit, so this names the engine's), or a body that is not multipart at all.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> unreadableMultipart(
      MultipartException e, HttpServletRequest request) {
    if (isPartCount(e)) {
      return rejection(
          DeploymentController.tooManyResources(
              limits.maxResourcesPerDeployment(),
              "more parts than the web server reads (server.tomcat.max-part-count)"),
          request);
    }
    return invalidArgument(
        "Expected a multipart request with 'resources' parts, but it could not be read", request);
  }

  /** Tomcat's part-count refusal: a FileCountLimitExceededException somewhere in the causes. */
  private static boolean isPartCount(Throwable e) {
    for (Throwable cause = e;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause.getClass().getSimpleName().contains("FileCountLimit")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client went away while its answer was written: nobody is left to answer, and nothing failed
   * here.
   */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e, HttpServletRequest request) {
    LOG.debug(
        "Engine API request {} {}: the client went away before its answer was written",
        request.getMethod(),
        request.getRequestURI(),
        e);
  }

  /** The cause goes to the log only; the caller gets the id under which to find it there. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    String correlationId = UUID.randomUUID().toString();
    LOG.error(
        "Engine API request {} {} failed unexpectedly [correlation id {}]",
        request.getMethod(),
        request.getRequestURI(),
        correlationId,
        e);
    ResponseEntity<ProblemDetail> problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "INTERNAL_ERROR",
            String.format(
                "Expected to process the request, but an unexpected error occurred; the engine's log has it under the "
                    + "correlation id %s",
                correlationId),
            request);
    problem.getBody().setProperty("correlationId", correlationId);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> invalidArgument(
      String detail, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", detail, request);
  }

  /** Values the caller sent are echoed, but not at any length. */
  private static String abbreviated(String value) {
    return value.length() > 100 ? value.substring(0, 100) + "…" : value;
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
