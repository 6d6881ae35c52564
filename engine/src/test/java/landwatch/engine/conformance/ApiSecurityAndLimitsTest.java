package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The API is closed to strangers, its generated password is kept privately, and payloads are
 * bounded.
 */
class ApiSecurityAndLimitsTest extends EngineTest {

  private int status(String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/topology")).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anonymousAndWrongCredentialsGet401() throws Exception {
    assertThat(status(null)).isEqualTo(401);
    assertThat(status(basic("landwatch", "wrong"))).isEqualTo(401);
    assertThat(
            status(
                basic(
                    environment.getProperty("landwatch.engine.api.username"),
                    environment.getProperty("landwatch.engine.api.password"))))
        .isEqualTo(200);
  }

  @Test
  void theGeneratedPasswordIsKeptOwnerOnlyInTheDataDirectory() throws Exception {
    Path file = DATA_DIR.resolve("engine-api-password");
    assertThat(Files.readString(file).trim())
        .isEqualTo(environment.getProperty("landwatch.engine.api.password"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void theApplicationsOwnClientIsConfiguredWithTheCredentials() {
    assertThat(environment.getProperty("camunda.client.auth.method")).isEqualTo("basic");
    assertThat(environment.getProperty("camunda.client.auth.password"))
        .isEqualTo(environment.getProperty("landwatch.engine.api.password"));
  }

  @Test
  void parkedLongPollsHoldNoRequestThreads() {
    String id = uniqueId("parked");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    int polls = 250;
    try (CamundaClient many =
        CamundaClient.newClientBuilder()
            .restAddress(URI.create("http://127.0.0.1:" + port))
            .grpcAddress(URI.create("http://127.0.0.1:1"))
            .preferRestOverGrpc(true)
            .maxHttpConnections(polls + 50)
            .credentialsProvider(
                CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                    .username(environment.getProperty("landwatch.engine.api.username"))
                    .password(environment.getProperty("landwatch.engine.api.password"))
                    .build())
            .build()) {
      // more waiting activations than the server has request threads (200)
      List<CompletableFuture<Integer>> parked = new ArrayList<>();
      for (int i = 0; i < polls; i++) {
        parked.add(
            many.newActivateJobsCommand()
                .jobType(id)
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMinutes(2))
                .send()
                .toCompletableFuture()
                .thenApply(r -> r.getJobs().size()));
      }
      for (int i = 0; i < polls; i++) {
        // would not get a thread (and time out) if the parked polls held them
        cancelAfterTheStateCheck(
            many.newCreateInstanceCommand()
                .bpmnProcessId(id)
                .latestVersion()
                .requestTimeout(Duration.ofSeconds(20))
                .send()
                .join()
                .getProcessInstanceKey());
      }
      assertThat(parked.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(polls);
    }
  }

  @Test
  void anOversizedVariableDocumentIsRejected() {
    String id = uniqueId("big");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    String big = "x".repeat(5 * 1024 * 1024);
    assertThatThrownBy(() -> start(id, Map.of("blob", big)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("variable document");
            });
  }
}
