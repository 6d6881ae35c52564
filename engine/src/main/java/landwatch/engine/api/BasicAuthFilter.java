package landwatch.engine.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through only callers presenting the API's basic-auth credentials; everyone else gets 401.
 */
public class BasicAuthFilter extends OncePerRequestFilter {

  private final byte[] expected;
  private final boolean openTopology;

  /** {@code openTopology}: {@code GET /v2/topology} needs no credentials (test applications). */
  public BasicAuthFilter(String username, String password, boolean openTopology) {
    this.openTopology = openTopology;
    this.expected =
        ("Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return openTopology
        && "GET".equals(request.getMethod())
        && "/v2/topology".equals(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null
        && MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"landwatch-engine\"");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"UNAUTHORIZED\",\"status\":401,"
                + "\"detail\":\"The request is not authenticated\",\"instance\":\""
                + request.getRequestURI().replace("\"", "")
                + "\"}");
  }
}
