package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.DecisionDefinitionResult;
import io.camunda.client.protocol.rest.DecisionDefinitionTypeEnum;
import io.camunda.client.protocol.rest.DecisionInstanceStateEnum;
import io.camunda.client.protocol.rest.DecisionRequirementsResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import landwatch.engine.state.DecisionInstance;
import landwatch.engine.state.EngineJson;

/**
 * Searches over the decision tables: definitions ({@code engine.decision_definition}), decision
 * requirements (the DMN rows of {@code engine.resource}) and decision instances ({@code
 * engine.decision_instance}), written in the same transaction as their records.
 */
public final class DecisionQueries {

  private static final String REQUIREMENTS_NAME =
      "(SELECT max(d.decision_requirements_name) FROM engine.decision_definition d"
          + " WHERE d.decision_requirements_key = r.key)";

  /** No multi-tenancy: everything belongs to the default tenant. */
  private static final SearchQuery.Field ONE_TENANT =
      SearchQuery.Field.text("'" + DeploymentController.TENANT + "'");

  private static final Map<String, SearchQuery.Field> DEFINITION_FIELDS =
      Map.of(
          "decisionDefinitionKey", SearchQuery.Field.key("d.key"),
          "decisionDefinitionId", SearchQuery.Field.text("d.decision_id"),
          "name", SearchQuery.Field.text("d.name"),
          "version", SearchQuery.Field.integer("d.version"),
          "decisionRequirementsId", SearchQuery.Field.text("d.decision_requirements_id"),
          "decisionRequirementsKey", SearchQuery.Field.key("d.decision_requirements_key"),
          "tenantId", ONE_TENANT);

  private static final Map<String, SearchQuery.Field> REQUIREMENTS_FIELDS =
      Map.of(
          "decisionRequirementsKey", SearchQuery.Field.key("r.key"),
          "decisionRequirementsId", SearchQuery.Field.text("r.resource_id"),
          "decisionRequirementsName", SearchQuery.Field.text(REQUIREMENTS_NAME),
          "version", SearchQuery.Field.integer("r.version"),
          "resourceName", SearchQuery.Field.text("r.resource_name"),
          "tenantId", ONE_TENANT);

  private static final Map<String, SearchQuery.Field> INSTANCE_FIELDS =
      Map.ofEntries(
          Map.entry("decisionEvaluationInstanceKey", SearchQuery.Field.text("i.key")),
          Map.entry("decisionEvaluationKey", SearchQuery.Field.key("i.evaluation_key")),
          Map.entry(
              "state", SearchQuery.Field.oneOf("i.state", DecisionInstanceStateEnum.values())),
          Map.entry("evaluationFailure", SearchQuery.Field.text("(i.data->>'evaluationFailure')")),
          Map.entry("evaluationDate", SearchQuery.Field.date("i.evaluation_date")),
          Map.entry("decisionDefinitionKey", SearchQuery.Field.key("i.decision_key")),
          Map.entry("decisionDefinitionId", SearchQuery.Field.text("i.decision_id")),
          Map.entry("decisionDefinitionName", SearchQuery.Field.text("(i.data->>'decisionName')")),
          Map.entry(
              "decisionDefinitionVersion",
              SearchQuery.Field.integer("((i.data->>'decisionVersion')::int)")),
          Map.entry(
              "decisionDefinitionType",
              SearchQuery.Field.oneOf(
                  "(i.data->>'decisionType')", DecisionDefinitionTypeEnum.values())),
          Map.entry(
              "processDefinitionKey",
              SearchQuery.Field.key("((i.data->>'processDefinitionKey')::bigint)")),
          Map.entry("processInstanceKey", SearchQuery.Field.key("i.process_instance_key")),
          Map.entry("elementInstanceKey", SearchQuery.Field.key("i.element_instance_key")),
          Map.entry("tenantId", ONE_TENANT));

  private final HistoryQueries history;

  public DecisionQueries(HistoryQueries history) {
    this.history = history;
  }

  public HistoryQueries.Page<DecisionDefinitionResult> definitions(JsonNode request) {
    return history.page(
        new SearchQuery(DEFINITION_FIELDS, "d.key").read(request),
        "engine.decision_definition d",
        "d.*",
        DecisionQueries::definition);
  }

  public DecisionDefinitionResult definition(long key) {
    return first(
        history.page(
            new SearchQuery(DEFINITION_FIELDS, "d.key").where("d.key = ?", key),
            "engine.decision_definition d",
            "d.*",
            DecisionQueries::definition));
  }

  public HistoryQueries.Page<DecisionRequirementsResult> requirements(JsonNode request) {
    return history.page(
        requirementsQuery().read(request),
        "engine.resource r",
        "r.*, " + REQUIREMENTS_NAME + " AS name",
        DecisionQueries::requirements);
  }

  public DecisionRequirementsResult requirements(long key) {
    return first(
        history.page(
            requirementsQuery().where("r.key = ?", key),
            "engine.resource r",
            "r.*, " + REQUIREMENTS_NAME + " AS name",
            DecisionQueries::requirements));
  }

  /**
   * DMN resources stored before decisions were (V6) have no decisions: not evaluable, not shown.
   */
  private static SearchQuery requirementsQuery() {
    return new SearchQuery(REQUIREMENTS_FIELDS, "r.key")
        .where("r.kind = 'dmn'")
        .where(
            "EXISTS (SELECT 1 FROM engine.decision_definition d"
                + " WHERE d.decision_requirements_key = r.key)");
  }

  public HistoryQueries.Page<DecisionInstance> instances(JsonNode request) {
    return history.page(
        new SearchQuery(INSTANCE_FIELDS, "i.evaluation_key, i.key").read(request),
        "engine.decision_instance i",
        "i.data",
        DecisionQueries::instance);
  }

  public DecisionInstance instance(String key) {
    return first(
        history.page(
            new SearchQuery(INSTANCE_FIELDS, "i.key").where("i.key = ?", key),
            "engine.decision_instance i",
            "i.data",
            DecisionQueries::instance));
  }

  private static <T> T first(HistoryQueries.Page<T> page) {
    return page.items().isEmpty() ? null : page.items().get(0);
  }

  private static DecisionDefinitionResult definition(ResultSet rs) throws SQLException {
    return new DecisionDefinitionResult()
        .decisionDefinitionKey(String.valueOf(rs.getLong("key")))
        .decisionDefinitionId(rs.getString("decision_id"))
        .name(rs.getString("name"))
        .version(rs.getInt("version"))
        .decisionRequirementsId(rs.getString("decision_requirements_id"))
        .decisionRequirementsKey(String.valueOf(rs.getLong("decision_requirements_key")))
        .tenantId(DeploymentController.TENANT);
  }

  private static DecisionRequirementsResult requirements(ResultSet rs) throws SQLException {
    return new DecisionRequirementsResult()
        .decisionRequirementsKey(String.valueOf(rs.getLong("key")))
        .decisionRequirementsId(rs.getString("resource_id"))
        .decisionRequirementsName(rs.getString("name"))
        .version(rs.getInt("version"))
        .resourceName(rs.getString("resource_name"))
        .tenantId(DeploymentController.TENANT);
  }

  private static DecisionInstance instance(ResultSet rs) throws SQLException {
    try {
      return EngineJson.VALUES.readValue(rs.getString("data"), DecisionInstance.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("unreadable decision instance", e);
    }
  }
}
