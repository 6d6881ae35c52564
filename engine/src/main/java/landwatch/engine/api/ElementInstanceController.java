package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ElementInstanceResult;
import io.camunda.client.protocol.rest.ElementInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.SetVariableRequest;
import java.util.Map;
import landwatch.engine.Engine;
import landwatch.engine.processing.Rejection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Element instances: search, and setting variables in an element instance's scope. */
@RestController
public class ElementInstanceController {

  private final Engine engine;
  private final HistoryQueries queries;
  private final VariableLimits limits;

  public ElementInstanceController(Engine engine, HistoryQueries queries, VariableLimits limits) {
    this.engine = engine;
    this.queries = queries;
    this.limits = limits;
  }

  @PostMapping(path = "/v2/element-instances/search", produces = MediaType.APPLICATION_JSON_VALUE)
  public ElementInstanceSearchQueryResult search(@RequestBody(required = false) JsonNode request) {
    HistoryQueries.Page<ElementInstanceResult> page = queries.elementInstances(request);
    return new ElementInstanceSearchQueryResult().items(page.items()).page(page.page());
  }

  @GetMapping(path = "/v2/element-instances/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ElementInstanceResult get(@PathVariable("key") long key) {
    ElementInstanceResult result = queries.elementInstance(key);
    if (result == null) {
      throw Rejection.notFound("Element instance with key '%d' not found", key);
    }
    return result;
  }

  @PutMapping(path = "/v2/element-instances/{key}/variables")
  public ResponseEntity<Void> setVariables(
      @PathVariable("key") long key, @RequestBody SetVariableRequest request) {
    if (request.getVariables() == null) {
      throw Rejection.invalidArgument("No variables provided");
    }
    Map<String, Object> variables = limits.check(request.getVariables());
    boolean local = Boolean.TRUE.equals(request.getLocal());
    return Committed.await(
        engine.writer.submit(
            batch -> {
              engine.variables.set(batch, key, variables, local);
              return ResponseEntity.noContent().<Void>build();
            }));
  }
}
