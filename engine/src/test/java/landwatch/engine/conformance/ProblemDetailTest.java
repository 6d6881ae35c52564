package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile and careless requests to every {@code /v2} endpoint answer a 4xx problem detail that
 * names what is wrong, in Zeebe's words, and never an exception's message, a class, SQL or a stack
 * trace; meanwhile the engine goes on.
 */
class ProblemDetailTest extends EngineTest {

  private static final String JSON = "application/json";
  private static final String MULTIPART = "multipart/form-data; boundary=hostile";

  /** A request and the answer it must get: status, title, and a text the detail must contain. */
  record Hostile(
      String method,
      String path,
      String contentType,
      String body,
      String accept,
      int status,
      String title,
      String mentions) {

    static Hostile json(String method, String path, String body, int status, String mentions) {
      return new Hostile(
          method,
          path,
          JSON,
          body,
          null,
          status,
          status == 400 ? "INVALID_ARGUMENT" : null,
          mentions);
    }
  }

  private RawApi api;

  @BeforeEach
  void raw() {
    api =
        new RawApi(
            port,
            environment.getProperty("landwatch.engine.api.username"),
            environment.getProperty("landwatch.engine.api.password"));
  }

  @Test
  void everyEndpointAnswersHostileRequestsWithACleanProblem() {
    UnrelatedInstance unrelated = startUnrelatedInstance();
    SoftAssertions softly = new SoftAssertions();
    for (Hostile hostile : battery()) {
      HttpResponse<String> response =
          api.send(
              hostile.method(),
              hostile.path(),
              hostile.contentType(),
              hostile.body(),
              hostile.accept());
      softly.check(
          () -> {
            JsonNode problem = RawApi.assertCleanProblem(response);
            String what =
                hostile.method()
                    + " "
                    + hostile.path()
                    + " "
                    + hostile.body()
                    + " -> "
                    + response.body();
            assertThat(response.statusCode()).as(what).isEqualTo(hostile.status());
            if (hostile.title() != null) {
              assertThat(problem.path("title").asText()).as(what).isEqualTo(hostile.title());
            }
            assertThat(problem.path("detail").asText()).as(what).contains(hostile.mentions());
          });
    }
    softly.assertAll();
    assertUnrelatedInstanceCompletes(unrelated, JobActivation.IMMEDIATE);
  }

  @Test
  void aMethodNotAllowedNamesTheAllowedOnes() {
    HttpResponse<String> response = api.send("GET", "/v2/signals/broadcast", null, null, null);
    RawApi.assertCleanProblem(response);
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void theClientsCursorsPageForwardAndBack() {
    String id = uniqueId("pages");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    long first = start(id);
    long second = start(id);
    SearchResponse<ProcessInstance> page1 =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(id))
            .sort(s -> s.processInstanceKey().asc())
            .page(p -> p.limit(1))
            .send()
            .join();
    assertThat(page1.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(first);
    SearchResponse<ProcessInstance> page2 =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(id))
            .sort(s -> s.processInstanceKey().asc())
            .page(p -> p.limit(1).after(page1.page().endCursor()))
            .send()
            .join();
    assertThat(page2.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(second);
    SearchResponse<ProcessInstance> back =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(id))
            .sort(s -> s.processInstanceKey().asc())
            .page(p -> p.limit(1).before(page2.page().startCursor()))
            .send()
            .join();
    assertThat(back.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(first);
  }

  @Test
  void likePatternsTakeZeebesWildcardsOnlyAndALoneTrailingBackslashIsLiteral() {
    String underscore = uniqueId("pct_a");
    deploy(Bpmn.createExecutableProcess(underscore).startEvent().endEvent().done());
    deploy(Bpmn.createExecutableProcess(uniqueId("pctXa")).startEvent().endEvent().done());
    assertThat(definitionsLike("pct_a*")).isEqualTo(1);
    assertThat(definitionsLike("pct?a*")).isEqualTo(2);
    assertThat(definitionsLike(underscore.replace("-", "\\-"))).isEqualTo(1);
    assertThat(definitionsLike("pct_a\\")).isZero();
  }

  /** How many definitions a Zeebe {@code $like} pattern matches, asked over raw HTTP. */
  private int definitionsLike(String pattern) {
    HttpResponse<String> response =
        api.send(
            "POST",
            "/v2/process-definitions/search",
            JSON,
            "{\"filter\":{\"processDefinitionId\":{\"$like\":\""
                + pattern.replace("\\", "\\\\")
                + "\"}}}",
            null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return new ObjectMapper().readTree(response.body()).path("page").path("totalItems").asInt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Hostile> battery() {
    List<Hostile> all = new ArrayList<>();
    String search = "/v2/process-instances/search";
    // paging
    all.add(Hostile.json("POST", search, "{\"page\":{\"from\":-1}}", 400, "'page.from'"));
    all.add(Hostile.json("POST", search, "{\"page\":{\"from\":\"first\"}}", 400, "'page.from'"));
    all.add(Hostile.json("POST", search, "{\"page\":{\"limit\":-5}}", 400, "'page.limit'"));
    all.add(Hostile.json("POST", search, "{\"page\":{\"limit\":100000000}}", 400, "'page.limit'"));
    all.add(Hostile.json("POST", search, "{\"page\":{\"limit\":2.5}}", 400, "'page.limit'"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"page\":{\"after\":\"WzIyNTE3OTk4MTM2ODcxMDJd\"}}",
            400,
            "'page.after'"));
    all.add(Hostile.json("POST", search, "{\"page\":{\"before\":\"-3\"}}", 400, "'page.before'"));
    all.add(
        Hostile.json("POST", search, "{\"page\":{\"searchAfter\":\"abc\"}}", 400, "'searchAfter'"));
    all.add(Hostile.json("POST", search, "{\"page\":[1]}", 400, "'page'"));
    // sorting
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"sort\":[{\"field\":\"processInstanceKey\",\"order\":\"SIDEWAYS\"}]}",
            400,
            "ASC or DESC"));
    all.add(Hostile.json("POST", search, "{\"sort\":[{\"field\":\"secret\"}]}", 400, "'secret'"));
    all.add(
        Hostile.json(
            "POST", search, "{\"sort\":{\"field\":\"processInstanceKey\"}}", 400, "'sort'"));
    // filters: values of the wrong type, unknown values and operators
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"processInstanceKey\":\"abc\"}}",
            400,
            "'processInstanceKey'"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"processInstanceKey\":{\"$gt\":\"99999999999999999999\"}}}",
            400,
            "'processInstanceKey.$gt'"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"processDefinitionVersion\":\"latest\"}}",
            400,
            "'processDefinitionVersion'"));
    all.add(Hostile.json("POST", search, "{\"filter\":{\"state\":\"SLEEPING\"}}", 400, "ACTIVE"));
    all.add(
        Hostile.json(
            "POST", search, "{\"filter\":{\"state\":{\"$gt\":\"ACTIVE\"}}}", 400, "'state.$gt'"));
    all.add(
        Hostile.json(
            "POST", search, "{\"filter\":{\"hasIncident\":\"yes\"}}", 400, "'hasIncident'"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"startDate\":{\"$gt\":\"yesterday\"}}}",
            400,
            "'startDate.$gt'"));
    all.add(
        Hostile.json("POST", search, "{\"filter\":{\"endDate\":1700000000000}}", 400, "ISO 8601"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"processDefinitionId\":{\"$regex\":\".*\"}}}",
            400,
            "$regex"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"processInstanceKey\":{\"$in\":\"1\"}}}",
            400,
            "'processInstanceKey.$in'"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"processInstanceKey\":{\"$exists\":\"yes\"}}}",
            400,
            "'processInstanceKey.$exists'"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"processInstanceKey\":{\"$like\":\"1*\"}}}",
            400,
            "'processInstanceKey.$like'"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"processDefinitionId\":\"a\\u0000b\"}}",
            400,
            "'processDefinitionId' to be a text without NUL characters"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"processDefinitionId\":{\"$like\":\"\\u0000*\"}}}",
            400,
            "'processDefinitionId.$like' to be a text without NUL characters"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"processInstanceKey\":[1,2]}}",
            400,
            "'processInstanceKey'"));
    all.add(
        Hostile.json(
            "POST", search, "{\"filter\":{\"variables\":[{\"name\":\"x\"}]}}", 400, "'variables'"));
    all.add(
        Hostile.json(
            "POST",
            search,
            "{\"filter\":{\"processInstanceKey\":{\"$in\":["
                + IntStream.range(0, 10_001)
                    .mapToObj(String::valueOf)
                    .collect(Collectors.joining(","))
                + "]}}}",
            400,
            "10000"));
    all.add(Hostile.json("POST", search, "{\"filter\":[]}", 400, "'filter'"));
    all.add(Hostile.json("POST", search, "[]", 400, "JSON object"));
    all.add(Hostile.json("POST", search, "{\"filter\":", 400, "malformed"));
    all.add(Hostile.json("POST", search, "[".repeat(5000) + "]".repeat(5000), 400, "limits"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/element-instances/search",
            "{\"filter\":{\"type\":\"ROCKET\"}}",
            400,
            "SERVICE_TASK"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/element-instances/search",
            "{\"filter\":{\"endDate\":{\"$lt\":\"noon\"}}}",
            400,
            "'endDate.$lt'"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/incidents/search",
            "{\"filter\":{\"errorType\":\"OOPS\"}}",
            400,
            "JOB_NO_RETRIES"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/incidents/search",
            "{\"filter\":{\"creationTime\":{\"$gte\":\"2025-13-45T00:00Z\"}}}",
            400,
            "'creationTime.$gte'"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/process-definitions/search",
            "{\"filter\":{\"version\":\"one\"}}",
            400,
            "'version'"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/process-definitions/search",
            "{\"filter\":{\"isLatestVersion\":1}}",
            400,
            "'isLatestVersion'"));
    // typed bodies: wrong types, missing and malformed bodies
    all.add(
        Hostile.json(
            "POST",
            "/v2/process-instances",
            "{\"processDefinitionKey\":\"abc\"}",
            400,
            "'processDefinitionKey'"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/process-instances",
            "{\"processDefinitionId\":\"x\",\"variables\":\"all\"}",
            400,
            "'variables' to be a JSON object"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/process-instances",
            "{\"processDefinitionId\":\"x\",\"processDefinitionVersion\":\"new\"}",
            400,
            "'processDefinitionVersion'"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/process-instances",
            "{\"processDefinitionId\":\"x\",\"awaitCompletion\":\"sure\"}",
            400,
            "'awaitCompletion'"));
    all.add(Hostile.json("POST", "/v2/process-instances", null, 400, "none was given"));
    all.add(
        Hostile.json(
            "POST", "/v2/process-instances", "{\"processDefinitionId\":", 400, "malformed"));
    all.add(
        new Hostile(
            "POST",
            "/v2/process-instances",
            "text/plain",
            "start it",
            null,
            415,
            "UNSUPPORTED_MEDIA_TYPE",
            "application/json"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/jobs/activation",
            "{\"type\":\"x\",\"maxJobsToActivate\":\"many\",\"timeout\":1000}",
            400,
            "'maxJobsToActivate'"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/jobs/activation",
            "{\"type\":\"x\",\"maxJobsToActivate\":99999999999,\"timeout\":1000}",
            400,
            "'maxJobsToActivate'"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/jobs/activation",
            "{\"type\":\"x\",\"maxJobsToActivate\":1,\"timeout\":1000,"
                + "\"fetchVariable\":{\"a\":1}}",
            400,
            "'fetchVariable' to be a JSON array"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/jobs/activation",
            "{\"type\":{\"name\":\"x\"}}",
            400,
            "'type' to be a text"));
    all.add(
        Hostile.json("POST", "/v2/jobs/1/completion", "{\"variables\":[1,2]}", 400, "'variables'"));
    all.add(
        Hostile.json("POST", "/v2/jobs/1/failure", "{\"retries\":\"three\"}", 400, "'retries'"));
    all.add(
        Hostile.json("POST", "/v2/jobs/1/error", "{\"errorCode\":[\"E\"]}", 400, "'errorCode'"));
    all.add(
        Hostile.json(
            "PATCH",
            "/v2/jobs/1",
            "{\"changeset\":{\"retries\":\"x\"}}",
            400,
            "'changeset.retries'"));
    all.add(Hostile.json("PATCH", "/v2/jobs/1", null, 400, "none was given"));
    all.add(
        Hostile.json(
            "PUT", "/v2/element-instances/1/variables", "{\"variables\":5}", 400, "'variables'"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/messages/publication",
            "{\"name\":\"m\",\"timeToLive\":\"long\"}",
            400,
            "'timeToLive'"));
    all.add(
        Hostile.json("POST", "/v2/messages/correlation", "{\"name\":{\"a\":1}}", 400, "'name'"));
    all.add(
        Hostile.json(
            "POST", "/v2/signals/broadcast", "{\"signalName\":[\"s\"]}", 400, "'signalName'"));
    all.add(Hostile.json("PUT", "/v2/clock", "{\"timestamp\":\"noon\"}", 400, "'timestamp'"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/process-instances/1/modification",
            "{\"terminateInstructions\":[{\"elementInstanceKey\":\"k\"}]}",
            400,
            "'terminateInstructions[].elementInstanceKey'"));
    all.add(
        Hostile.json(
            "POST",
            "/v2/process-instances/1/migration",
            "{\"targetProcessDefinitionKey\":\"v2\",\"mappingInstructions\":[]}",
            400,
            "'targetProcessDefinitionKey'"));
    all.add(Hostile.json("POST", "/v2/process-instances/1/migration", null, 400, "none was given"));
    // keys in paths
    all.add(Hostile.json("GET", "/v2/process-instances/abc", null, 400, "'abc'"));
    all.add(Hostile.json("GET", "/v2/process-instances/99999999999999999999", null, 400, "key"));
    all.add(Hostile.json("POST", "/v2/process-instances/abc/cancellation", null, 400, "'abc'"));
    all.add(Hostile.json("POST", "/v2/process-instances/abc/modification", "{}", 400, "'abc'"));
    all.add(Hostile.json("GET", "/v2/process-definitions/abc", null, 400, "'abc'"));
    all.add(Hostile.json("GET", "/v2/process-definitions/abc/xml", null, 400, "'abc'"));
    all.add(Hostile.json("GET", "/v2/element-instances/1.5", null, 400, "'1.5'"));
    all.add(
        Hostile.json(
            "PUT", "/v2/element-instances/abc/variables", "{\"variables\":{}}", 400, "'abc'"));
    all.add(Hostile.json("GET", "/v2/incidents/abc", null, 400, "'abc'"));
    all.add(Hostile.json("POST", "/v2/incidents/abc/resolution", null, 400, "'abc'"));
    all.add(Hostile.json("POST", "/v2/jobs/abc/completion", "{}", 400, "'abc'"));
    all.add(Hostile.json("PATCH", "/v2/jobs/abc", "{\"changeset\":{}}", 400, "'abc'"));
    // unknown paths, methods and media types: refused before any controller is chosen
    all.add(new Hostile("GET", "/v2/secrets", null, null, null, 404, "NOT_FOUND", "/v2/secrets"));
    all.add(
        new Hostile(
            "GET",
            "/v2/process-instances/1/children",
            null,
            null,
            null,
            404,
            "NOT_FOUND",
            "/children"));
    all.add(
        new Hostile(
            "DELETE",
            "/v2/process-instances/1",
            null,
            null,
            null,
            405,
            "METHOD_NOT_ALLOWED",
            "DELETE"));
    all.add(
        new Hostile("POST", "/v2/topology", JSON, "{}", null, 405, "METHOD_NOT_ALLOWED", "GET"));
    all.add(new Hostile("PUT", search, JSON, "{}", null, 405, "METHOD_NOT_ALLOWED", "POST"));
    all.add(
        new Hostile(
            "GET",
            "/v2/topology",
            null,
            null,
            "text/csv",
            406,
            "NOT_ACCEPTABLE",
            "application/json"));
    all.add(
        new Hostile(
            "POST",
            search,
            "application/xml",
            "<search/>",
            null,
            415,
            "UNSUPPORTED_MEDIA_TYPE",
            "application/json"));
    all.add(
        new Hostile(
            "POST",
            "/v2/deployments",
            JSON,
            "{\"resources\":[]}",
            null,
            415,
            "UNSUPPORTED_MEDIA_TYPE",
            "multipart/form-data"));
    all.add(
        new Hostile(
            "POST",
            "/v2/deployments",
            MULTIPART,
            part("tenantId", null, "<default>") + "--hostile--\r\n",
            null,
            400,
            "INVALID_ARGUMENT",
            "'resources'"));
    all.add(
        new Hostile(
            "POST",
            "/v2/deployments",
            MULTIPART,
            part("resources", "garbage.bpmn", "no xml here") + "--hostile--\r\n",
            null,
            400,
            "INVALID_ARGUMENT",
            "garbage.bpmn"));
    String deepCondition = "[".repeat(5000) + "1" + "]".repeat(5000);
    all.add(
        new Hostile(
            "POST",
            "/v2/deployments",
            MULTIPART,
            part(
                    "resources",
                    "deep.bpmn",
                    Bpmn.convertToString(
                        Bpmn.createExecutableProcess("deep-expression")
                            .startEvent()
                            .scriptTask(
                                "t", t -> t.zeebeExpression(deepCondition).zeebeResultVariable("r"))
                            .endEvent()
                            .done()))
                + "--hostile--\r\n",
            null,
            400,
            "INVALID_ARGUMENT",
            "nests too deeply"));
    all.add(
        new Hostile(
            "POST",
            "/v2/deployments",
            MULTIPART,
            part("resources", "garbage.form", "{not json") + "--hostile--\r\n",
            null,
            400,
            "INVALID_ARGUMENT",
            "garbage.form"));
    return all;
  }

  private static String part(String name, String filename, String content) {
    return "--hostile\r\nContent-Disposition: form-data; name=\""
        + name
        + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"")
        + "\r\nContent-Type: application/octet-stream\r\n\r\n"
        + content
        + "\r\n";
  }
}
