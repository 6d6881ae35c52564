package landwatch.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import landwatch.engine.EngineProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A deployment the web server refuses while it reads the multipart request (more parts than
 * {@code server.tomcat.max-part-count}, a part or the request over {@code
 * spring.servlet.multipart.*}) fails before any controller is chosen, so the engine's
 * controller advice cannot answer it. This resolver, ahead of Spring's own, answers those on
 * {@code /v2/deployments} with the same problem details the deployment's own checks give, naming
 * the engine's limit: too many parts is {@code landwatch.engine.limits.max-resources-per-deployment}.
 */
public final class DeploymentMultipartProblems implements HandlerExceptionResolver, Ordered {

  private static final String PATH = "/v2/deployments";
  private final EngineProperties.Limits limits;
  private final ObjectMapper json = new ObjectMapper();

  public DeploymentMultipartProblems(EngineProperties properties) {
    this.limits = properties.limits();
  }

  @Override
  public int getOrder() {
    // before the handler-exception resolvers of Spring MVC (order 0), after Boot's error attributes
    return -1;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception ex) {
    if (!(ex instanceof MultipartException) || !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
      return null;
    }
    ProblemDetail problem;
    if (isPartCount(ex)) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, DeploymentController.tooManyResources(
          limits.maxResourcesPerDeployment(), "more parts than the web server reads (server.tomcat.max-part-count)").getMessage());
      problem.setTitle("INVALID_ARGUMENT");
    } else if (ex instanceof MaxUploadSizeExceededException) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, String.format(
          "Expected resources of at most %s each (%s) and %s together (%s), but the request is over the web server's "
              + "upload limit (spring.servlet.multipart.max-file-size / max-request-size)",
          limits.maxResourceSize(), DeploymentController.MAX_RESOURCE_SIZE, limits.maxDeploymentSize(),
          DeploymentController.MAX_DEPLOYMENT_SIZE));
      problem.setTitle("PAYLOAD_TOO_LARGE");
    } else {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Expected a multipart request with 'resources' parts, but it could not be read");
      problem.setTitle("INVALID_ARGUMENT");
    }
    problem.setInstance(URI.create(request.getRequestURI()));
    try {
      response.setStatus(problem.getStatus());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
    } catch (IOException e) {
      return null;
    }
    return new ModelAndView();
  }

  /** Tomcat's part-count refusal (a FileCountLimitExceededException somewhere in the causes). */
  private static boolean isPartCount(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      if (cause.getClass().getSimpleName().contains("FileCountLimit") || message.contains("part count")
          || message.contains("number of parts") || message.contains("maximum part")) {
        return true;
      }
    }
    return false;
  }
}
