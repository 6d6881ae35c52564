package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.CorrelatedMessageSubscriptionResult;
import io.camunda.client.protocol.rest.CorrelatedMessageSubscriptionSearchQueryResult;
import io.camunda.client.protocol.rest.MessageSubscriptionResult;
import io.camunda.client.protocol.rest.MessageSubscriptionSearchQueryResult;
import io.camunda.client.protocol.rest.ProcessDefinitionElementStatisticsQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceElementStatisticsQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowsQueryResult;
import io.camunda.client.protocol.rest.VariableResult;
import io.camunda.client.protocol.rest.VariableSearchQueryResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import landwatch.engine.processing.Rejection;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a cockpit (Operate) and Camunda Process Test read: variables, message subscriptions and
 * correlations, the sequence flows taken and element statistics.
 */
@RestController
public class CockpitController {

  private final CockpitQueries queries;

  public CockpitController(CockpitQueries queries) {
    this.queries = queries;
  }

  /** Values longer than Camunda's threshold come truncated unless {@code truncateValues=false}. */
  @PostMapping(path = "/v2/variables/search", produces = MediaType.APPLICATION_JSON_VALUE)
  public VariableSearchQueryResult variables(
      @RequestParam(name = "truncateValues", defaultValue = "true") boolean truncateValues,
      @RequestBody(required = false) JsonNode request) {
    HistoryQueries.Page<VariableSearchResult> page = queries.variables(request, truncateValues);
    return new VariableSearchQueryResult().items(page.items()).page(page.page());
  }

  @GetMapping(path = "/v2/variables/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
  public VariableResult variable(@PathVariable("key") long key) {
    VariableResult variable = queries.variable(key);
    if (variable == null) {
      throw Rejection.notFound("Variable with key '%d' not found", key);
    }
    return variable;
  }

  @PostMapping(
      path = "/v2/message-subscriptions/search",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public MessageSubscriptionSearchQueryResult messageSubscriptions(
      @RequestBody(required = false) JsonNode request) {
    HistoryQueries.Page<MessageSubscriptionResult> page = queries.messageSubscriptions(request);
    return new MessageSubscriptionSearchQueryResult().items(page.items()).page(page.page());
  }

  @PostMapping(
      path = "/v2/correlated-message-subscriptions/search",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public CorrelatedMessageSubscriptionSearchQueryResult correlatedMessageSubscriptions(
      @RequestBody(required = false) JsonNode request) {
    HistoryQueries.Page<CorrelatedMessageSubscriptionResult> page =
        queries.correlatedMessageSubscriptions(request);
    return new CorrelatedMessageSubscriptionSearchQueryResult()
        .items(page.items())
        .page(page.page());
  }

  @GetMapping(
      path = "/v2/process-instances/{key}/sequence-flows",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ProcessInstanceSequenceFlowsQueryResult sequenceFlows(@PathVariable("key") long key) {
    return new ProcessInstanceSequenceFlowsQueryResult().items(queries.sequenceFlows(key));
  }

  @GetMapping(
      path = "/v2/process-instances/{key}/statistics/element-instances",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ProcessInstanceElementStatisticsQueryResult processInstanceStatistics(
      @PathVariable("key") long key) {
    return new ProcessInstanceElementStatisticsQueryResult()
        .items(queries.processInstanceStatistics(key));
  }

  @PostMapping(
      path = "/v2/process-definitions/{key}/statistics/element-instances",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ProcessDefinitionElementStatisticsQueryResult processDefinitionStatistics(
      @PathVariable("key") long key, @RequestBody(required = false) JsonNode request) {
    return new ProcessDefinitionElementStatisticsQueryResult()
        .items(queries.processDefinitionStatistics(key, request));
  }
}
