package landwatch.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.CorrelatedMessageSubscriptionResult;
import io.camunda.client.protocol.rest.MessageSubscriptionResult;
import io.camunda.client.protocol.rest.MessageSubscriptionStateEnum;
import io.camunda.client.protocol.rest.ProcessElementStatisticsResult;
import io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import io.camunda.client.protocol.rest.VariableResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.EngineJson;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cockpit's searches, over the history tables: variables (of running and ended scopes), process
 * message subscriptions and their correlations, the sequence flows taken, and element statistics.
 * Immediately consistent, as {@link HistoryQueries}.
 */
public final class CockpitQueries {

  /**
   * Camunda's variable size threshold: longer values are answered truncated by searches, in full by
   * {@code GET /variables/{key}}.
   */
  static final int VARIABLE_SIZE_THRESHOLD = 8191;

  private static final SearchQuery.Field TENANT =
      SearchQuery.Field.text("'" + DeploymentController.TENANT + "'");

  private static final Map<String, SearchQuery.Field> VARIABLE_FIELDS =
      Map.of(
          "variableKey", SearchQuery.Field.key("v.key"),
          "name", SearchQuery.Field.text("v.name"),
          "value", SearchQuery.Field.text("v.value"),
          "processInstanceKey", SearchQuery.Field.key("v.process_instance_key"),
          "scopeKey", SearchQuery.Field.key("v.scope_key"),
          "isTruncated",
              SearchQuery.Field.bool("(length(v.value) > " + VARIABLE_SIZE_THRESHOLD + ")"),
          "tenantId", TENANT);

  private static final Map<String, SearchQuery.Field> SUBSCRIPTION_FIELDS =
      Map.of(
          "messageSubscriptionKey", SearchQuery.Field.key("s.key"),
          "processDefinitionId", SearchQuery.Field.text("(s.data->>'bpmnProcessId')"),
          "processInstanceKey", SearchQuery.Field.key("s.process_instance_key"),
          "elementId", SearchQuery.Field.text("(s.data->>'targetElementId')"),
          "elementInstanceKey", SearchQuery.Field.key("(s.data->>'elementInstanceKey')::bigint"),
          "messageSubscriptionState",
              SearchQuery.Field.oneOf("s.state", MessageSubscriptionStateEnum.values()),
          "lastUpdatedDate", SearchQuery.Field.date("s.last_updated"),
          "messageName", SearchQuery.Field.text("(s.data->>'name')"),
          "correlationKey", SearchQuery.Field.text("(s.data->>'correlationKey')"),
          "tenantId", TENANT);

  private static final Map<String, SearchQuery.Field> CORRELATION_FIELDS =
      Map.ofEntries(
          Map.entry("correlationKey", SearchQuery.Field.text("(c.data->>'correlationKey')")),
          Map.entry("correlationTime", SearchQuery.Field.date("c.correlation_time")),
          Map.entry("elementId", SearchQuery.Field.text("(c.data->>'targetElementId')")),
          Map.entry(
              "elementInstanceKey",
              SearchQuery.Field.key("(c.data->>'elementInstanceKey')::bigint")),
          Map.entry("messageKey", SearchQuery.Field.key("c.message_key")),
          Map.entry("messageName", SearchQuery.Field.text("(c.data->>'name')")),
          Map.entry("partitionId", SearchQuery.Field.integer("1")),
          Map.entry("processDefinitionId", SearchQuery.Field.text("(c.data->>'bpmnProcessId')")),
          Map.entry(
              "processDefinitionKey",
              SearchQuery.Field.key("(c.data->>'processDefinitionKey')::bigint")),
          Map.entry("processInstanceKey", SearchQuery.Field.key("c.process_instance_key")),
          Map.entry("subscriptionKey", SearchQuery.Field.key("c.subscription_key")),
          Map.entry("tenantId", TENANT));

  /** The process-instance filter of the definition statistics, on the instance's row {@code e}. */
  private static final Map<String, SearchQuery.Field> STATISTICS_FIELDS =
      Map.of(
          "processInstanceKey", SearchQuery.Field.key("e.key"),
          "parentProcessInstanceKey", SearchQuery.Field.key("e.parent_process_instance_key"),
          "parentElementInstanceKey", SearchQuery.Field.key("e.parent_element_instance_key"),
          "state", SearchQuery.Field.oneOf("e.state", ProcessInstanceStateEnum.values()),
          "startDate", SearchQuery.Field.date("e.start_date"),
          "endDate", SearchQuery.Field.date("e.end_date"),
          "hasIncident",
              SearchQuery.Field.bool(
                  "EXISTS (SELECT 1 FROM engine.incident i WHERE i.process_instance_key = e.key AND i.state = 'ACTIVE')"),
          "tenantId", TENANT);

  /**
   * Per element id: an element instance with an incident counts as an incident, not as active (as
   * Operate's overlays); the multi-instance body is left out, its inner instances counted.
   */
  private static final String STATISTICS =
      "SELECT s.element_id, "
          + "count(*) FILTER (WHERE s.state = 'ACTIVE' AND s.incident_key < 0) AS active, "
          + "count(*) FILTER (WHERE s.state = 'TERMINATED') AS canceled, "
          + "count(*) FILTER (WHERE s.state = 'ACTIVE' AND s.incident_key >= 0) AS incidents, "
          + "count(*) FILTER (WHERE s.state = 'COMPLETED') AS completed "
          + "FROM engine.element_instance s WHERE s.element_type NOT IN ('PROCESS', 'MULTI_INSTANCE_BODY') AND ";

  private final JdbcTemplate jdbc;
  private final HistoryQueries queries;

  public CockpitQueries(JdbcTemplate jdbc, HistoryQueries queries) {
    this.jdbc = jdbc;
    this.queries = queries;
  }

  public HistoryQueries.Page<VariableSearchResult> variables(JsonNode request, boolean truncate) {
    SearchQuery query = new SearchQuery(VARIABLE_FIELDS, "v.key").read(request);
    return queries.page(query, "engine.variable v", "v.*", rs -> variable(rs, truncate));
  }

  public VariableResult variable(long key) {
    List<VariableResult> found =
        jdbc.query(
            "SELECT * FROM engine.variable WHERE key = ?",
            (rs, n) ->
                new VariableResult()
                    .variableKey(String.valueOf(rs.getLong("key")))
                    .name(rs.getString("name"))
                    .value(rs.getString("value"))
                    .scopeKey(String.valueOf(rs.getLong("scope_key")))
                    .processInstanceKey(String.valueOf(rs.getLong("process_instance_key")))
                    .tenantId(DeploymentController.TENANT),
            key);
    return found.isEmpty() ? null : found.get(0);
  }

  public HistoryQueries.Page<MessageSubscriptionResult> messageSubscriptions(JsonNode request) {
    SearchQuery query = new SearchQuery(SUBSCRIPTION_FIELDS, "s.key").read(request);
    return queries.page(
        query, "engine.message_subscription_history s", "s.*", CockpitQueries::subscription);
  }

  public HistoryQueries.Page<CorrelatedMessageSubscriptionResult> correlatedMessageSubscriptions(
      JsonNode request) {
    SearchQuery query =
        new SearchQuery(CORRELATION_FIELDS, "c.correlation_time, c.message_key, c.subscription_key")
            .read(request);
    return queries.page(
        query, "engine.correlated_message_subscription c", "c.*", CockpitQueries::correlation);
  }

  public List<ProcessInstanceSequenceFlowResult> sequenceFlows(long processInstanceKey) {
    return jdbc.query(
        "SELECT * FROM engine.sequence_flow WHERE process_instance_key = ? ORDER BY element_id",
        (rs, n) ->
            new ProcessInstanceSequenceFlowResult()
                .sequenceFlowId(processInstanceKey + "_" + rs.getString("element_id"))
                .elementId(rs.getString("element_id"))
                .processInstanceKey(String.valueOf(processInstanceKey))
                .processDefinitionKey(String.valueOf(rs.getLong("process_definition_key")))
                .processDefinitionId(rs.getString("bpmn_process_id"))
                .tenantId(DeploymentController.TENANT),
        processInstanceKey);
  }

  public List<ProcessElementStatisticsResult> processInstanceStatistics(long processInstanceKey) {
    return jdbc.query(
        STATISTICS + "s.process_instance_key = ? GROUP BY s.element_id ORDER BY s.element_id",
        (rs, n) -> statistics(rs),
        processInstanceKey);
  }

  /** The filter selects process instances of the definition; their elements are counted. */
  public List<ProcessElementStatisticsResult> processDefinitionStatistics(
      long processDefinitionKey, JsonNode request) {
    if (request != null && request.isObject() && (request.has("sort") || request.has("page"))) {
      throw Rejection.invalidArgument("Expected only a 'filter' in an element statistics request");
    }
    SearchQuery instances =
        new SearchQuery(STATISTICS_FIELDS, "e.key")
            .where("e.element_type = 'PROCESS'")
            .where("e.process_definition_key = ?", processDefinitionKey)
            .read(request);
    return jdbc.query(
        STATISTICS
            + "s.process_definition_key = ? AND s.process_instance_key IN "
            + "(SELECT e.key FROM engine.element_instance e"
            + instances.whereClause()
            + ") GROUP BY s.element_id ORDER BY s.element_id",
        (rs, n) -> statistics(rs),
        prepend(processDefinitionKey, instances.args()));
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static ProcessElementStatisticsResult statistics(ResultSet rs) throws SQLException {
    return new ProcessElementStatisticsResult()
        .elementId(rs.getString("element_id"))
        .active(rs.getLong("active"))
        .canceled(rs.getLong("canceled"))
        .incidents(rs.getLong("incidents"))
        .completed(rs.getLong("completed"));
  }

  static VariableSearchResult variable(ResultSet rs, boolean truncate) throws SQLException {
    String value = rs.getString("value");
    boolean truncated = truncate && value.length() > VARIABLE_SIZE_THRESHOLD;
    return new VariableSearchResult()
        .variableKey(String.valueOf(rs.getLong("key")))
        .name(rs.getString("name"))
        .value(truncated ? value.substring(0, VARIABLE_SIZE_THRESHOLD) : value)
        .isTruncated(truncated)
        .scopeKey(String.valueOf(rs.getLong("scope_key")))
        .processInstanceKey(String.valueOf(rs.getLong("process_instance_key")))
        .tenantId(DeploymentController.TENANT);
  }

  private static MessageSubscriptionResult subscription(ResultSet rs) throws SQLException {
    JsonNode data = json(rs.getString("data"));
    return new MessageSubscriptionResult()
        .messageSubscriptionKey(String.valueOf(rs.getLong("key")))
        .processDefinitionId(data.path("bpmnProcessId").asText())
        .processDefinitionKey(data.path("processDefinitionKey").asText())
        .processInstanceKey(String.valueOf(rs.getLong("process_instance_key")))
        .elementId(data.path("targetElementId").asText())
        .elementInstanceKey(data.path("elementInstanceKey").asText())
        .messageSubscriptionState(MessageSubscriptionStateEnum.fromValue(rs.getString("state")))
        .lastUpdatedDate(HistoryQueries.date(rs.getLong("last_updated")))
        .messageName(data.path("name").asText())
        .correlationKey(data.path("correlationKey").asText(null))
        .tenantId(DeploymentController.TENANT);
  }

  private static CorrelatedMessageSubscriptionResult correlation(ResultSet rs) throws SQLException {
    JsonNode data = json(rs.getString("data"));
    return new CorrelatedMessageSubscriptionResult()
        .correlationKey(data.path("correlationKey").asText(null))
        .correlationTime(HistoryQueries.date(rs.getLong("correlation_time")))
        .elementId(data.path("targetElementId").asText())
        .elementInstanceKey(data.path("elementInstanceKey").asText())
        .messageKey(String.valueOf(rs.getLong("message_key")))
        .messageName(data.path("name").asText())
        .partitionId(1)
        .processDefinitionId(data.path("bpmnProcessId").asText())
        .processDefinitionKey(data.path("processDefinitionKey").asText())
        .processInstanceKey(String.valueOf(rs.getLong("process_instance_key")))
        .subscriptionKey(String.valueOf(rs.getLong("subscription_key")))
        .tenantId(DeploymentController.TENANT);
  }

  private static JsonNode json(String text) {
    try {
      return EngineJson.VALUES.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
