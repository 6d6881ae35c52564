package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceSearchQueryResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import landwatch.engine.Engine;
import landwatch.engine.processing.CommandTimeout;
import landwatch.engine.processing.Rejection;
import landwatch.engine.processinstance.ProcessInstanceCommands;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** Process instances: create (optionally awaiting the result), get, cancel, search. */
@RestController
public class ProcessInstanceController {

  /**
   * After the writer's own timeouts: the servlet's async timeout must never be what answers (503).
   */
  private static final long ANSWER_MARGIN_MILLIS = 5_000;

  private final Engine engine;
  private final HistoryQueries queries;
  private final VariableLimits limits;
  private final long defaultAwaitMillis;
  private final long commandTimeoutMillis;

  public ProcessInstanceController(
      Engine engine,
      HistoryQueries queries,
      VariableLimits limits,
      long defaultAwaitMillis,
      long commandTimeoutMillis) {
    this.engine = engine;
    this.queries = queries;
    this.limits = limits;
    this.defaultAwaitMillis = defaultAwaitMillis;
    this.commandTimeoutMillis = commandTimeoutMillis;
  }

  @PostMapping(path = "/v2/process-instances", produces = MediaType.APPLICATION_JSON_VALUE)
  public DeferredResult<CreateProcessInstanceResult> create(
      @RequestBody ProcessInstanceCreationInstruction request) {
    Map<String, Object> variables = limits.check(request.getVariables());
    Long definitionKey = definitionKey(request.getProcessDefinitionKey());
    boolean await = Boolean.TRUE.equals(request.getAwaitCompletion());
    long timeout =
        request.getRequestTimeout() == null || request.getRequestTimeout() <= 0
            ? defaultAwaitMillis
            : request.getRequestTimeout();
    CompletableFuture<Map<String, Object>> completion = new CompletableFuture<>();
    long answerWithin = commandTimeoutMillis + (await ? timeout : 0) + ANSWER_MARGIN_MILLIS;
    DeferredResult<CreateProcessInstanceResult> response = new DeferredResult<>(answerWithin);
    response.onTimeout(
        () ->
            response.setErrorResult(
                new CommandTimeout(
                    "Expected to answer the creation within "
                        + answerWithin
                        + " ms, but the engine did not; its outcome is unknown: the instance may have been created")));
    engine
        .writer
        .submit(
            batch -> {
              ProcessInstanceCommands.Created created =
                  engine.processInstances.create(
                      batch,
                      request.getProcessDefinitionId(),
                      request.getProcessDefinitionVersion(),
                      definitionKey,
                      variables);
              if (await) {
                engine.results.await(
                    created.instance().key(), request.getFetchVariables(), timeout, completion);
              }
              return created;
            })
        .whenComplete(
            (created, failure) -> {
              if (failure != null) {
                response.setErrorResult(failure);
                return;
              }
              CreateProcessInstanceResult result =
                  new CreateProcessInstanceResult()
                      .processDefinitionId(created.process().bpmnProcessId())
                      .processDefinitionVersion(created.process().version())
                      .processDefinitionKey(String.valueOf(created.process().key()))
                      .processInstanceKey(String.valueOf(created.instance().key()))
                      .tenantId(DeploymentController.TENANT);
              if (!await) {
                response.setResult(result);
                return;
              }
              completion.whenComplete(
                  (variablesAtEnd, awaitFailure) -> {
                    if (awaitFailure != null) {
                      response.setErrorResult(awaitFailure);
                    } else {
                      response.setResult(result.variables(variablesAtEnd));
                    }
                  });
            });
    return response;
  }

  /** Keys travel as strings in JSON: JavaScript's numbers cannot hold them. */
  private static Long definitionKey(String key) {
    if (key == null) {
      return null;
    }
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw Rejection.invalidArgument(
          "Expected 'processDefinitionKey' to be a key (a 64-bit integer), but it was '%s'",
          key.length() > 100 ? key.substring(0, 100) + "…" : key);
    }
  }

  @GetMapping(path = "/v2/process-instances/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ProcessInstanceResult get(@PathVariable("key") long key) {
    ProcessInstanceResult result = queries.processInstance(key);
    if (result == null) {
      throw Rejection.notFound("Process instance with key '%d' not found", key);
    }
    return result;
  }

  @PostMapping(path = "/v2/process-instances/{key}/cancellation")
  public ResponseEntity<Void> cancel(@PathVariable("key") long key) {
    return Committed.await(
        engine.writer.submit(
            batch -> {
              engine.processInstances.cancel(batch, key);
              return ResponseEntity.noContent().<Void>build();
            }));
  }

  @PostMapping(path = "/v2/process-instances/search", produces = MediaType.APPLICATION_JSON_VALUE)
  public ProcessInstanceSearchQueryResult search(@RequestBody(required = false) JsonNode request) {
    HistoryQueries.Page<ProcessInstanceResult> page = queries.processInstances(request);
    return new ProcessInstanceSearchQueryResult().items(page.items()).page(page.page());
  }
}
