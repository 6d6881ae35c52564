package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile deployments: each is refused with a 4xx problem naming the limit's property, stores
 * nothing (no process definition of it can be found), and does not stop the engine from running an
 * unrelated instance to its end while it is being refused.
 */
class DeploymentLimitsTest extends EngineTest {

  private static final String LIMITS = "landwatch.engine.limits.";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status, problem title and detail, however it was obtained. */
  private record Problem(int status, String title, String detail, String contentType) {}

  @Test
  void anOversizeResourceIsRefused() {
    String id = uniqueId("oversize");
    byte[] resource = padded(id, 5 * 1024 * 1024);
    Problem problem =
        refusedWhileAnUnrelatedInstanceCompletes(
            () ->
                viaClient(
                    () ->
                        client
                            .newDeployResourceCommand()
                            .addResourceBytes(resource, id + ".bpmn")));
    assertThat(problem.status()).isEqualTo(413);
    assertThat(problem.title()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(problem.detail()).contains(LIMITS + "max-resource-size", id + ".bpmn");
    assertNotStored(List.of(id));
  }

  @Test
  void anOversizeDeploymentIsRefused() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(uniqueId("oversize-deployment"));
    }
    // each resource is under max-resource-size (4MB), the five together are over
    // max-deployment-size (16MB)
    Problem problem =
        refusedWhileAnUnrelatedInstanceCompletes(
            () ->
                viaClient(
                    () -> {
                      DeployResourceCommandStep2 command = null;
                      for (String id : ids) {
                        byte[] resource = padded(id, 3_500_000);
                        command =
                            command == null
                                ? client
                                    .newDeployResourceCommand()
                                    .addResourceBytes(resource, id + ".bpmn")
                                : command.addResourceBytes(resource, id + ".bpmn");
                      }
                      return command;
                    }));
    assertThat(problem.status()).isEqualTo(413);
    assertThat(problem.title()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(problem.detail()).contains(LIMITS + "max-deployment-size");
    assertNotStored(ids);
  }

  @Test
  void aResourceWithTwoThousandProcessesIsRefused() {
    String prefix = uniqueId("many");
    List<String> ids = new ArrayList<>();
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions "
                + "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" targetNamespace=\"http://landwatch\">\n");
    for (int i = 0; i < 2000; i++) {
      String id = prefix + "-" + i;
      ids.add(id);
      xml.append("<bpmn:process id=\"")
          .append(id)
          .append("\" isExecutable=\"true\"><bpmn:startEvent id=\"s")
          .append(i)
          .append("\"/></bpmn:process>\n");
    }
    byte[] resource =
        xml.append("</bpmn:definitions>\n").toString().getBytes(StandardCharsets.UTF_8);
    Problem problem =
        refusedWhileAnUnrelatedInstanceCompletes(
            () ->
                viaClient(
                    () ->
                        client
                            .newDeployResourceCommand()
                            .addResourceBytes(resource, prefix + ".bpmn")));
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.title()).isEqualTo("INVALID_ARGUMENT");
    assertThat(problem.detail()).contains(LIMITS + "max-processes-per-resource", prefix + ".bpmn");
    assertNotStored(List.of(ids.get(0), ids.get(50), ids.get(1999)));
  }

  /**
   * Over the web server's part count: refused while the multipart request is read, before any
   * controller.
   */
  @Test
  void twoThousandPartsAreRefused() throws Exception {
    assertTooManyParts(2000, "server.tomcat.max-part-count");
  }

  /**
   * Over the engine's limit (100) but not the web server's: refused by the deployment's own check.
   */
  @Test
  void oneMorePartThanTheLimitIsRefused() throws Exception {
    assertTooManyParts(101, "the deployment has 101");
  }

  /**
   * Unless configured, the web server's part limit lets every deployment the engine allows through.
   */
  @Test
  void theWebServersPartLimitIsKeptAboveTheEngines() {
    assertThat(environment.getProperty("server.tomcat.max-part-count", Integer.class))
        .isEqualTo(110);
  }

  /** The limit is not too tight: as many resources as it allows deploy. */
  @Test
  void asManyResourcesAsTheLimitAllowsDeploy() throws Exception {
    String prefix = uniqueId("hundred");
    HttpResponse<String> response = multipart(prefix, 100);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(
            client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(prefix + "-99"))
                .send()
                .join()
                .items())
        .hasSize(1);
  }

  private void assertTooManyParts(int parts, String refusedBy) throws Exception {
    String prefix = uniqueId("parts");
    Problem problem =
        refusedWhileAnUnrelatedInstanceCompletes(
            () -> {
              try {
                HttpResponse<String> response = multipart(prefix, parts);
                JsonNode body = JSON.readTree(response.body());
                return new Problem(
                    response.statusCode(),
                    body.path("title").asText(),
                    body.path("detail").asText(),
                    response.headers().firstValue("Content-Type").orElse(""));
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
    assertThat(problem.status()).as(problem.toString()).isEqualTo(400);
    assertThat(problem.contentType()).startsWith("application/problem+json");
    assertThat(problem.title()).isEqualTo("INVALID_ARGUMENT");
    assertThat(problem.detail()).contains(LIMITS + "max-resources-per-deployment", refusedBy);
    assertNotStored(List.of(prefix + "-0", prefix + "-" + (parts - 1)));
  }

  /** A raw multipart deployment of {@code parts} resources, one small process each. */
  private HttpResponse<String> multipart(String prefix, int parts) throws Exception {
    String boundary = "landwatch-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < parts; i++) {
      String id = prefix + "-" + i;
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"resources\"; filename=\""
                  + id
                  + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(
          Bpmn.convertToString(Bpmn.createExecutableProcess(id).startEvent().endEvent().done())
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String credentials =
        environment.getProperty("landwatch.engine.api.username")
            + ":"
            + environment.getProperty("landwatch.engine.api.password");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/deployments"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static Problem viaClient(Supplier<DeployResourceCommandStep2> command) {
    try {
      command.get().send().join();
    } catch (ProblemException e) {
      return new Problem(
          e.code(), e.details().getTitle(), e.details().getDetail(), "application/problem+json");
    }
    throw new AssertionError("the deployment was accepted");
  }

  /**
   * Sends the hostile deployment and, while it is on its way, runs an unrelated instance through a
   * job to its end; returns the hostile deployment's answer.
   */
  private Problem refusedWhileAnUnrelatedInstanceCompletes(Supplier<Problem> hostile) {
    UnrelatedInstance unrelated = startUnrelatedInstance();
    CompletableFuture<Problem> refused = CompletableFuture.supplyAsync(hostile);
    assertUnrelatedInstanceCompletes(unrelated, JobActivation.LONG_POLL);
    return refused.join();
  }

  private void assertNotStored(List<String> ids) {
    for (String id : ids) {
      assertThat(
              client
                  .newProcessDefinitionSearchRequest()
                  .filter(f -> f.processDefinitionId(id))
                  .send()
                  .join()
                  .items())
          .as("process definitions of %s", id)
          .isEmpty();
    }
  }

  /** A valid one-process model padded (a long start event name) to about {@code size} bytes. */
  private static byte[] padded(String id, int size) {
    int plain =
        Bpmn.convertToString(Bpmn.createExecutableProcess(id).startEvent().endEvent().done())
            .length();
    String padding = "x".repeat(Math.max(0, size - plain - 64));
    return Bpmn.convertToString(
            Bpmn.createExecutableProcess(id).startEvent().name(padding).endEvent().done())
        .getBytes(StandardCharsets.UTF_8);
  }
}
