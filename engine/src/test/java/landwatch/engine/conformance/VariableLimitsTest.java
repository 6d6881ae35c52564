package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hostile variables: too deep, too wide or too large on the way in (every kind of request that
 * carries variables), produced by FEEL on the way out (incident, nothing stored), or together too
 * large for a job to be delivered (incident for that job, the others delivered). A response that
 * cannot be written hands its jobs back at once. Meanwhile an unrelated instance still completes.
 */
class VariableLimitsTest extends EngineTest {

  private static final String DEPTH_PROPERTY = "landwatch.engine.limits.max-variable-depth";
  private static final String SIZE_PROPERTY = "landwatch.engine.limits.max-variable-document-size";

  /** Each within the 4 MB document limit; two of them together are not. */
  private static final String THREE_MB = "x".repeat(3_000_000);

  /** {@code levels} arrays inside each other around a number. */
  private static Object nested(int levels) {
    Object value = 1;
    for (int i = 0; i < levels; i++) {
      value = List.of(value);
    }
    return value;
  }

  private static String nestedJson(int levels) {
    return "[".repeat(levels) + "1" + "]".repeat(levels);
  }

  private static Map<String, Object> deep(int levels) {
    return Map.of("deep", nested(levels));
  }

  private static void assertRefused(Runnable request, String... details) {
    assertThatThrownBy(request::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getTitle()).isEqualTo("INVALID_ARGUMENT");
              assertThat(e.details().getDetail()).contains(details);
            });
  }

  private String oneTaskProcess(String jobType) {
    String id = uniqueId("vars");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(jobType))
            .intermediateCatchEvent("wait")
            .message(m -> m.name(jobType).zeebeCorrelationKeyExpression("\"k\""))
            .endEvent()
            .done());
    return id;
  }

  /**
   * Every request that carries variables, sent with the given document to a live instance and job.
   */
  private Map<String, Consumer<Map<String, Object>>> requestsWithVariables(
      String id, long instance, long jobKey) {
    Map<String, Consumer<Map<String, Object>>> requests = new LinkedHashMap<>();
    requests.put(
        "creation",
        v ->
            client
                .newCreateInstanceCommand()
                .bpmnProcessId(id)
                .latestVersion()
                .variables(v)
                .send()
                .join());
    requests.put(
        "job completion", v -> client.newCompleteCommand(jobKey).variables(v).send().join());
    requests.put(
        "job failure", v -> client.newFailCommand(jobKey).retries(1).variables(v).send().join());
    requests.put(
        "job error",
        v -> client.newThrowErrorCommand(jobKey).errorCode("E").variables(v).send().join());
    requests.put(
        "message publication",
        v ->
            client
                .newPublishMessageCommand()
                .messageName(id)
                .correlationKey("k")
                .variables(v)
                .send()
                .join());
    requests.put(
        "message correlation",
        v ->
            client
                .newCorrelateMessageCommand()
                .messageName(id)
                .correlationKey("k")
                .variables(v)
                .send()
                .join());
    requests.put(
        "signal broadcast",
        v -> client.newBroadcastSignalCommand().signalName(id).variables(v).send().join());
    requests.put(
        "set variables", v -> client.newSetVariablesCommand(instance).variables(v).send().join());
    return requests;
  }

  @Test
  void tooDeepVariablesAreRefusedByEveryRequestThatCarriesVariables() {
    String type = uniqueId("deep-in");
    String id = oneTaskProcess(type);
    long instance = start(id);
    ActivatedJob job = activateOne(type);

    requestsWithVariables(id, instance, job.getKey())
        .forEach(
            (request, send) -> {
              assertRefused(
                  () -> send.accept(deep(65)),
                  "Expected the variable 'deep' to nest at most 64 levels ("
                      + DEPTH_PROPERTY
                      + "), but it nests 65 levels");
              assertRefused(() -> send.accept(deep(997)), "nests 997 levels", DEPTH_PROPERTY);
            });
    assertUnrelatedInstanceCompletes(JobActivation.IMMEDIATE);

    // nothing of it was applied: the job is still the worker's, and 64 levels are accepted
    client.newCompleteCommand(job.getKey()).variables(deep(64)).send().join();
    assertThat(elementIds(instance, "COMPLETED")).contains("task");
  }

  @Test
  void tenThousandLevelsAreRefusedCleanlyWithoutInternals() throws Exception {
    String type = uniqueId("deeper");
    String id = oneTaskProcess(type);
    long instance = start(id);
    long jobKey = activateOne(type).getKey();
    String deep = "{\"deep\":" + nestedJson(10_000) + "}";

    for (String[] request :
        new String[][] {
          {
            "POST",
            "/v2/process-instances",
            "{\"processDefinitionId\":\"" + id + "\",\"variables\":" + deep + "}"
          },
          {"POST", "/v2/jobs/" + jobKey + "/completion", "{\"variables\":" + deep + "}"},
          {
            "PUT",
            "/v2/element-instances/" + instance + "/variables",
            "{\"variables\":" + deep + "}"
          },
          {
            "POST",
            "/v2/messages/publication",
            "{\"name\":\"" + id + "\",\"correlationKey\":\"k\",\"variables\":" + deep + "}"
          }
        }) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request[1]))
                      .method(request[0], HttpRequest.BodyPublishers.ofString(request[2]))
                      .header("Content-Type", "application/json")
                      .header("Authorization", authorization())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(request[1]).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(response.body())
          .contains("INVALID_ARGUMENT")
          .doesNotContainIgnoringCase("jackson")
          .doesNotContainIgnoringCase("exception")
          .doesNotContain("StreamReadConstraints")
          .doesNotContain("com.fasterxml")
          .doesNotContain("landwatch.engine.api")
          .contains("nest at most 1000 levels");
    }
    assertUnrelatedInstanceCompletes(JobActivation.IMMEDIATE);
  }

  private String authorization() {
    String credentials =
        environment.getProperty("landwatch.engine.api.username")
            + ":"
            + environment.getProperty("landwatch.engine.api.password");
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void wideAndLargeDocumentsAreRefused() {
    String type = uniqueId("wide-in");
    String id = oneTaskProcess(type);
    long instance = start(id);
    ActivatedJob job = activateOne(type);
    Map<String, Object> wide = new LinkedHashMap<>();
    for (int i = 0; i < 300_000; i++) {
      wide.put("v" + i, i);
    }
    Map<String, Object> large = Map.of("list", Collections.nCopies(1_000_000, 12345));

    Map<String, Consumer<Map<String, Object>>> requests =
        requestsWithVariables(id, instance, job.getKey());
    // the size is measured by the same code for every request (see the depth test); four kinds
    // suffice
    for (String request :
        List.of("creation", "job completion", "message publication", "set variables")) {
      assertRefused(
          () -> requests.get(request).accept(wide),
          "Expected the variable document to be at most 4194304 bytes (" + SIZE_PROPERTY + ")");
      assertRefused(
          () -> requests.get(request).accept(large),
          "Expected the variable document to be at most 4194304 bytes",
          SIZE_PROPERTY);
    }
    assertUnrelatedInstanceCompletes(JobActivation.IMMEDIATE);
  }

  private static final String DEEP_LITERAL = "=" + nestedJson(70);

  private Incident theIncident(long instance) {
    List<Incident> incidents = activeIncidents(instance);
    assertThat(incidents).hasSize(1);
    return incidents.get(0);
  }

  @Test
  void aScriptResultTooDeepOrTooLargeRaisesAnIncidentAndIsNotStored() {
    String id = uniqueId("script-out");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .exclusiveGateway()
            .defaultFlow()
            .scriptTask(
                "deep", t -> t.zeebeExpression(DEEP_LITERAL.substring(1)).zeebeResultVariable("r"))
            .endEvent()
            .moveToLastGateway()
            .conditionExpression("large")
            .scriptTask("large", t -> t.zeebeExpression("[s, s]").zeebeResultVariable("r"))
            .endEvent()
            .done());
    long deepInstance = start(id, Map.of("large", false));
    long largeInstance = cancelAfterTheStateCheck(start(id, Map.of("large", true, "s", THREE_MB)));

    Incident deep = theIncident(deepInstance);
    assertThat(deep.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(deep.getElementId()).isEqualTo("deep");
    assertThat(deep.getErrorMessage())
        .contains(
            "Expected the variable 'r' to nest at most 64 levels ("
                + DEPTH_PROPERTY
                + "), but it nests 70 levels");
    Incident large = theIncident(largeInstance);
    assertThat(large.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(large.getErrorMessage())
        .contains(
            "Expected the variable document to be at most 4194304 bytes ("
                + SIZE_PROPERTY
                + "), but it was 6000013 bytes");
    assertThat(processState(deepInstance)).isEqualTo("ACTIVE");
    assertUnrelatedInstanceCompletes(JobActivation.IMMEDIATE);
  }

  @Test
  void mappingsProducingTooDeepOrTooLargeValuesRaiseIncidents() {
    String type = uniqueId("mapping-out");
    String id = uniqueId("mapping-out");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .exclusiveGateway()
            .defaultFlow()
            .serviceTask(
                "input",
                t -> t.zeebeJobType(type).zeebeInputExpression(DEEP_LITERAL.substring(1), "deep"))
            .endEvent()
            .moveToLastGateway()
            .conditionExpression("output")
            .serviceTask("output", t -> t.zeebeJobType(type).zeebeOutputExpression("[s, s]", "big"))
            .endEvent()
            .done());
    long inputInstance = start(id, Map.of("output", false));
    long outputInstance =
        cancelAfterTheStateCheck(start(id, Map.of("output", true, "s", THREE_MB)));
    completeJob(type, Map.of());

    Incident input = theIncident(inputInstance);
    assertThat(input.getErrorType().name()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(input.getErrorMessage())
        .contains("input mappings", "nest at most 64 levels (" + DEPTH_PROPERTY + ")");
    Incident output = theIncident(outputInstance);
    assertThat(output.getErrorType().name()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(output.getErrorMessage())
        .contains("output mappings", "at most 4194304 bytes (" + SIZE_PROPERTY + ")");
    assertThat(elementIds(outputInstance, "COMPLETED")).doesNotContain("output");
    assertUnrelatedInstanceCompletes(JobActivation.IMMEDIATE);
  }

  @Test
  void aMultiInstanceOutputCollectionGrowingTooLargeRaisesAnIncident() {
    String id = uniqueId("collection-out");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .manualTask("each")
            .multiInstance(
                m ->
                    m.sequential()
                        .zeebeInputCollectionExpression("[1, 2, 3]")
                        .zeebeOutputCollection("out")
                        .zeebeOutputElementExpression("s"))
            .endEvent()
            .done());
    long instance = cancelAfterTheStateCheck(start(id, Map.of("s", "y".repeat(1_500_000))));

    Incident incident = theIncident(instance);
    assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.getErrorMessage())
        .contains("output element", "at most 4194304 bytes (" + SIZE_PROPERTY + ")");
    assertThat(processState(instance)).isEqualTo("ACTIVE");
    assertUnrelatedInstanceCompletes(JobActivation.IMMEDIATE);
  }

  @Test
  void aJobWhoseVariablesTogetherExceedTheDocumentGetsAnIncidentAndOthersAreDelivered() {
    String type = uniqueId("together");
    String id = oneTaskProcess(type);
    long poisoned = cancelAfterTheStateCheck(start(id, Map.of("a", THREE_MB)));
    client.newSetVariablesCommand(poisoned).variables(Map.of("b", THREE_MB)).send().join();
    long ordinary = start(id, Map.of("n", 1));

    List<ActivatedJob> delivered = activate(type, 10);

    assertThat(delivered).extracting(ActivatedJob::getProcessInstanceKey).containsExactly(ordinary);
    Incident incident = theIncident(poisoned);
    assertThat(incident.getErrorType().name()).isEqualTo("MESSAGE_SIZE_EXCEEDED");
    assertThat(incident.getErrorMessage())
        .contains(
            "can not be activated",
            "Expected the variable document to be at most 4194304 bytes (" + SIZE_PROPERTY + ")");
    client.newCompleteCommand(delivered.get(0).getKey()).send().join();
    client.newCorrelateMessageCommand().messageName(type).correlationKey("k").send().join();
    assertThat(processState(ordinary)).isEqualTo("COMPLETED");
    assertThat(activate(type, 10)).isEmpty();

    // once the variables are reduced, resolving the incident makes the job deliverable
    client.newSetVariablesCommand(poisoned).variables(Map.of("b", "small")).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    assertThat(activateOne(type).getProcessInstanceKey()).isEqualTo(poisoned);
    assertUnrelatedInstanceCompletes(JobActivation.IMMEDIATE);
  }

  @Test
  void jobsBeyondTheActivationResponseSizeStayForTheNextRequest() {
    String type = uniqueId("response-size");
    String id = oneTaskProcess(type);
    Set<Long> instances = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      instances.add(cancelAfterTheStateCheck(start(id, Map.of("a", THREE_MB))));
    }

    List<ActivatedJob> first = activate(type, 10);
    List<ActivatedJob> second = activate(type, 10);

    // 16 MB hold five jobs of 3 MB
    assertThat(first).hasSize(5);
    assertThat(second).hasSize(1);
    assertThat(keysOf(first, second)).isEqualTo(instances);
    assertUnrelatedInstanceCompletes(JobActivation.IMMEDIATE);
  }

  @SafeVarargs
  private static Set<Long> keysOf(List<ActivatedJob>... responses) {
    return Arrays.stream(responses)
        .flatMap(List::stream)
        .map(ActivatedJob::getProcessInstanceKey)
        .collect(Collectors.toSet());
  }

  /**
   * The worker reads the status line of a large activation response and resets the connection: the
   * server's write fails midway, and the jobs are activatable again long before their five-minute
   * timeout.
   */
  @Test
  void jobsOfAResponseThatCouldNotBeWrittenAreActivatableAgainAtOnce() throws Exception {
    String type = uniqueId("write-fails");
    String id = oneTaskProcess(type);
    Set<Long> instances = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      instances.add(cancelAfterTheStateCheck(start(id, Map.of("a", "z".repeat(3_500_000)))));
    }
    String body =
        "{\"type\":\""
            + type
            + "\",\"worker\":\"gone\",\"maxJobsToActivate\":4,\"timeout\":300000,"
            + "\"requestTimeout\":-1}";
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v2/jobs/activation HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                  + authorization()
                  + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] statusLine = in.readNBytes(12);
      assertThat(new String(statusLine, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
      // reset, not close: the server's next write fails instead of filling a buffer no one reads
      socket.setSoLinger(true, 0);
    }

    List<ActivatedJob> again =
        new ArrayList<>(
            client
                .newActivateJobsCommand()
                .jobType(type)
                .maxJobsToActivate(10)
                .timeout(Duration.ofMinutes(5))
                .requestTimeout(Duration.ofSeconds(20))
                .send()
                .join()
                .getJobs());

    assertThat(keysOf(again)).isEqualTo(instances);
    assertUnrelatedInstanceCompletes(JobActivation.IMMEDIATE);
  }
}
