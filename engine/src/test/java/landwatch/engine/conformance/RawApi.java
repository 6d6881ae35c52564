package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Raw HTTP to {@code /v2}, for requests camunda-client-java cannot express, and the one check every
 * problem answer must pass: RFC 7807 and nothing of the engine's insides.
 */
final class RawApi {

  /**
   * What only an exception's message, a stack trace or a SQL statement would put into an answer.
   */
  static final List<String> INTERNALS =
      List.of(
          "org.", "io.camunda", "java.", "scala.", "Exception", "SELECT", "FROM engine", "\tat ");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String authorization;

  RawApi(int port, String username, String password) {
    this.base = "http://127.0.0.1:" + port;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A request; {@code contentType} and {@code body} may be null, {@code accept} too. */
  HttpResponse<String> send(
      String method, String path, String contentType, String body, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", authorization)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The answer is an RFC 7807 problem that gives nothing of the engine's insides away; returns its
   * body.
   */
  static JsonNode assertCleanProblem(HttpResponse<String> response) {
    String what =
        response.request().method()
            + " "
            + response.request().uri().getPath()
            + " answered "
            + response.statusCode()
            + " "
            + response.body();
    assertThat(response.headers().firstValue("Content-Type"))
        .as(what)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    for (String internal : INTERNALS) {
      assertThat(response.body()).as(what).doesNotContain(internal);
    }
    JsonNode problem = parse(response.body());
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
    assertThat(problem.path("title").asText()).as(what).matches("[A-Z_]+");
    assertThat(problem.path("detail").asText()).as(what).isNotBlank();
    if (response.statusCode() == 500) {
      String correlationId = problem.path("correlationId").asText();
      assertThat(correlationId).as(what).isNotBlank();
      assertThat(problem.path("detail").asText()).as(what).contains(correlationId);
    } else {
      assertThat(response.statusCode()).as(what).isBetween(400, 499);
    }
    return problem;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
