package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.IncidentSearchQueryResult;
import landwatch.engine.Engine;
import landwatch.engine.processing.Rejection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Incidents: search and resolve. */
@RestController
public class IncidentController {

  private final Engine engine;
  private final HistoryQueries queries;

  public IncidentController(Engine engine, HistoryQueries queries) {
    this.engine = engine;
    this.queries = queries;
  }

  @PostMapping(path = "/v2/incidents/search", produces = MediaType.APPLICATION_JSON_VALUE)
  public IncidentSearchQueryResult search(@RequestBody(required = false) JsonNode request) {
    HistoryQueries.Page<IncidentResult> page = queries.incidents(request);
    return new IncidentSearchQueryResult().items(page.items()).page(page.page());
  }

  @GetMapping(path = "/v2/incidents/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
  public IncidentResult get(@PathVariable("key") long key) {
    IncidentResult result = queries.incident(key);
    if (result == null) {
      throw Rejection.notFound("Incident with key '%d' not found", key);
    }
    return result;
  }

  @PostMapping(path = "/v2/incidents/{key}/resolution")
  public ResponseEntity<Void> resolve(@PathVariable("key") long key) {
    return Committed.await(
        engine.writer.submit(
            batch -> {
              engine.incidents.resolve(batch, key);
              return ResponseEntity.noContent().<Void>build();
            }));
  }
}
