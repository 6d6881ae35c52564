package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ProcessDefinitionResult;
import io.camunda.client.protocol.rest.ProcessDefinitionSearchQueryResult;
import java.nio.charset.StandardCharsets;
import landwatch.engine.Engine;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.DeployedProcess;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Deployed process definitions and their BPMN XML, for diagrams (bpmn-js) in the cockpit. */
@RestController
public class ProcessDefinitionController {

  private final Engine engine;
  private final HistoryQueries queries;

  public ProcessDefinitionController(Engine engine, HistoryQueries queries) {
    this.engine = engine;
    this.queries = queries;
  }

  @GetMapping(path = "/v2/process-definitions/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ProcessDefinitionResult get(@PathVariable("key") long key) {
    return toResult(definition(key));
  }

  /** Always text/xml, as the real API answers, whatever the client's Accept header says. */
  @GetMapping(path = "/v2/process-definitions/{key}/xml")
  public ResponseEntity<String> xml(@PathVariable("key") long key) {
    // read from the database: the engine holds no resource in memory
    byte[] resource = engine.resource(definition(key).resourceKey());
    if (resource == null) {
      throw Rejection.notFound("Process definition with key '%d' not found", key);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_XML)
        .body(new String(resource, StandardCharsets.UTF_8));
  }

  @PostMapping(path = "/v2/process-definitions/search", produces = MediaType.APPLICATION_JSON_VALUE)
  public ProcessDefinitionSearchQueryResult search(
      @RequestBody(required = false) JsonNode request) {
    HistoryQueries.Page<Long> page = queries.processDefinitionKeys(request);
    return new ProcessDefinitionSearchQueryResult()
        .items(
            page.items().stream()
                .map(this::definition)
                .map(ProcessDefinitionController::toResult)
                .toList())
        .page(page.page());
  }

  private DeployedProcess definition(long key) {
    DeployedProcess process = engine.definitions.get(key);
    if (process == null) {
      throw Rejection.notFound("Process definition with key '%d' not found", key);
    }
    return process;
  }

  static ProcessDefinitionResult toResult(DeployedProcess process) {
    return new ProcessDefinitionResult()
        .processDefinitionKey(String.valueOf(process.key()))
        .processDefinitionId(process.bpmnProcessId())
        .name(process.name())
        .version(process.version())
        .versionTag(process.versionTag())
        .resourceName(process.resourceName())
        .hasStartForm(false)
        .tenantId(DeploymentController.TENANT);
  }
}
