package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import landwatch.engine.health.WriterHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application is shut down (as SIGTERM does: the context closes, the web server shuts down
 * gracefully) while the writer is held by a long evaluation that a timer's firing started: the
 * shutdown completes within a bound, the queued creation and a long poll are answered 503 (not
 * applied) and a parked awaited creation 504 (created, completion unknown), and after a restart
 * against the same database the acknowledged instance is there and its timer fires again. The
 * engine is started and stopped by the test itself, in this JVM.
 */
class GracefulShutdownTest {

  private static final String PASSWORD = "shutdown-test";
  private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(20);
  private static final Duration GENEROUS = Duration.ofSeconds(60);
  private static final long HOUR = 3_600_000;

  @Test
  void aShutdownDuringALongEvaluationIsBoundedAndTheTimerIsRetriedAfterTheRestart()
      throws Exception {
    String jdbcUrl = TestPostgres.newDatabase("shutdown");
    Path dataDir = Files.createTempDirectory("engine-shutdown");

    long instance;
    long createdAt = System.currentTimeMillis();
    ConfigurableApplicationContext first = startEngine(jdbcUrl, dataDir, "10m");
    try (CamundaClient client = client(first)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("shutdown-timer")
                  .startEvent()
                  .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H"))
                  .scriptTask(
                      "spin",
                      t ->
                          t.zeebeExpression("count(for x in 1..3000000 return x)")
                              .zeebeResultVariable("n"))
                  .endEvent()
                  .done(),
              "shutdown.bpmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("shutdown-await")
                  .startEvent()
                  .serviceTask("never", t -> t.zeebeJobType("nobody-works-this"))
                  .endEvent()
                  .done(),
              "await.bpmn")
          .send()
          .join();
      instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("shutdown-timer")
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      // raw HTTP for the requests whose 503 is asserted: the client's HTTP stack retries a 503 once
      // by itself
      CompletableFuture<HttpResponse<String>> awaiting =
          post(
              first,
              "/v2/process-instances",
              "{\"processDefinitionId\":\"shutdown-await\",\"awaitCompletion\":true,\"requestTimeout\":60000}");
      // the creation has committed, so its request is parked until the instance completes
      await()
          .atMost(GENEROUS)
          .until(
              () ->
                  !client
                      .newProcessInstanceSearchRequest()
                      .filter(f -> f.processDefinitionId("shutdown-await"))
                      .send()
                      .join()
                      .items()
                      .isEmpty());
      CompletableFuture<HttpResponse<String>> polling =
          post(
              first,
              "/v2/jobs/activation",
              "{\"type\":\"nobody-works-this-either\",\"maxJobsToActivate\":1,\"timeout\":60000,\"requestTimeout\":60000}");
      // the timer falls due: the pin's batch fires it and the script holds the writer for up to 10
      // minutes
      CamundaFuture<?> pin = client.newPinClockCommand().time(createdAt + 2 * HOUR).send();
      WriterHealthIndicator health = first.getBean(WriterHealthIndicator.class);
      await().atMost(GENEROUS).until(() -> health.health().getStatus().equals(Status.DOWN));
      assertThat(evaluationRunning()).isTrue();
      CompletableFuture<HttpResponse<String>> queued =
          post(first, "/v2/process-instances", "{\"processDefinitionId\":\"shutdown-timer\"}");
      await()
          .atMost(GENEROUS)
          .until(() -> (Integer) health.health().getDetails().get("waitingCommands") >= 2);

      long stopping = System.nanoTime();
      first.close();

      assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(SHUTDOWN_BOUND);
      assertThat(evaluationRunning()).isFalse();
      assertThat(queued.get(10, TimeUnit.SECONDS))
          .satisfies(
              r -> {
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.body()).contains("\"title\":\"UNAVAILABLE\"", "nothing was applied");
              });
      assertThat(awaiting.get(10, TimeUnit.SECONDS))
          .satisfies(
              r -> {
                assertThat(r.statusCode()).isEqualTo(504);
                assertThat(r.body())
                    .contains("\"title\":\"DEADLINE_EXCEEDED\"", "the instance was created");
              });
      // parked, or still queued behind the held writer: either way refused, nothing activated
      assertThat(polling.get(10, TimeUnit.SECONDS))
          .satisfies(
              r -> {
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.body()).contains("\"title\":\"UNAVAILABLE\"");
              });
      // the client retries the pin's 503 against the stopped server: it fails either way
      assertThatThrownBy(() -> pin.join(10, TimeUnit.SECONDS)).isInstanceOf(ClientException.class);
    }

    ConfigurableApplicationContext second = startEngine(jdbcUrl, dataDir, "1s");
    try (CamundaClient client = client(second)) {
      assertThat(
              client
                  .newProcessInstanceSearchRequest()
                  .filter(f -> f.processDefinitionId("shutdown-timer"))
                  .send()
                  .join()
                  .items())
          .as("the refused creation was not applied")
          .hasSize(1);
      assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState().name())
          .isEqualTo("ACTIVE");
      assertThat(elements(client, instance, "wait"))
          .singleElement()
          .satisfies(e -> assertThat(e.getState().name()).isEqualTo("ACTIVE"));

      client.newPinClockCommand().time(createdAt + 2 * HOUR).send().join();

      List<Incident> incidents =
          await()
              .atMost(GENEROUS)
              .until(
                  () ->
                      client
                          .newIncidentSearchRequest()
                          .filter(f -> f.processInstanceKey(instance))
                          .send()
                          .join()
                          .items(),
                  i -> !i.isEmpty());
      assertThat(incidents)
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.getElementId()).isEqualTo("spin");
                assertThat(i.getErrorMessage())
                    .contains("(landwatch.engine.feel.evaluation-budget)");
              });
      assertThat(elements(client, instance, "wait"))
          .singleElement()
          .satisfies(e -> assertThat(e.getState().name()).isEqualTo("COMPLETED"));
    } finally {
      second.close();
    }
  }

  private static ConfigurableApplicationContext startEngine(
      String jdbcUrl, Path dataDir, String budget) {
    return new SpringApplicationBuilder(EngineTestApplication.class)
        .run(
            "--engine.test.jdbc-url=" + jdbcUrl,
            "--server.port=0",
            "--server.shutdown=graceful",
            "--landwatch.data-dir=" + dataDir,
            "--landwatch.engine.api.password=" + PASSWORD,
            "--landwatch.engine.feel.evaluation-budget=" + budget,
            "--landwatch.engine.health.writer-stall-threshold=200ms");
  }

  private static CamundaClient client(ConfigurableApplicationContext context) {
    return EngineClients.overRest(port(context), "landwatch", PASSWORD, Duration.ofSeconds(30));
  }

  private static List<ElementInstance> elements(
      CamundaClient client, long instance, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instance).elementId(elementId))
        .send()
        .join()
        .items();
  }

  /** Whether a FEEL evaluation is running in this JVM (the engine's evaluation thread is busy). */
  private static boolean evaluationRunning() {
    return Thread.getAllStackTraces().entrySet().stream()
        .anyMatch(
            e ->
                e.getKey().getName().equals("engine-feel-evaluation")
                    && e.getKey().isAlive()
                    && List.of(e.getValue()).stream()
                        .anyMatch(f -> f.getClassName().startsWith("org.camunda.feel")));
  }

  private static CompletableFuture<HttpResponse<String>> post(
      ConfigurableApplicationContext context, String path, String json) {
    String credentials =
        Base64.getEncoder()
            .encodeToString(("landwatch:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(context) + path))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }
}
