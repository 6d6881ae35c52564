package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.UserTaskStateEnum;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import landwatch.engine.Engine;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.EngineJson;
import landwatch.engine.state.UserTask;

/**
 * Searches over {@code engine.user_task} (open tasks and their history) and the variables a task
 * sees, immediately consistent as every search of the engine.
 */
public final class UserTaskQueries {

  private static final String FROM = "engine.user_task t";

  private static final Map<String, SearchQuery.Field> FIELDS =
      Map.ofEntries(
          Map.entry("userTaskKey", SearchQuery.Field.key("t.key")),
          Map.entry("state", SearchQuery.Field.oneOf("t.state", UserTaskStateEnum.values())),
          Map.entry("assignee", SearchQuery.Field.text("t.assignee")),
          Map.entry("candidateGroup", SearchQuery.Field.textList("t.candidate_groups")),
          Map.entry("candidateUser", SearchQuery.Field.textList("t.candidate_users")),
          Map.entry("processInstanceKey", SearchQuery.Field.key("t.process_instance_key")),
          Map.entry("processDefinitionKey", SearchQuery.Field.key("t.process_definition_key")),
          Map.entry("processDefinitionId", SearchQuery.Field.text("t.bpmn_process_id")),
          Map.entry("elementId", SearchQuery.Field.text("t.element_id")),
          Map.entry("elementInstanceKey", SearchQuery.Field.key("t.element_instance_key")),
          Map.entry("name", SearchQuery.Field.text("(t.data->>'name')")),
          Map.entry("priority", SearchQuery.Field.integer("t.priority")),
          Map.entry("creationDate", SearchQuery.Field.date("t.creation_date")),
          Map.entry("completionDate", SearchQuery.Field.date("t.completion_date")),
          Map.entry("dueDate", SearchQuery.Field.date("t.due_date")),
          Map.entry("followUpDate", SearchQuery.Field.date("t.follow_up_date")),
          Map.entry("tenantId", SearchQuery.Field.text("'" + DeploymentController.TENANT + "'")));

  /** The variable filters and the scope whose variables each filters by. */
  private static final Map<String, String> VARIABLE_FILTERS =
      Map.of(
          "processInstanceVariables", "t.process_instance_key",
          "localVariables", "t.element_instance_key");

  private static final Map<String, SearchQuery.Field> VARIABLE_FIELDS =
      Map.of(
          "variableKey", SearchQuery.Field.key("v.key"),
          "name", SearchQuery.Field.text("v.name"),
          "value", SearchQuery.Field.text("v.value"),
          "scopeKey", SearchQuery.Field.key("v.scope_key"),
          "processInstanceKey", SearchQuery.Field.key("v.process_instance_key"));

  private final HistoryQueries history;
  private final Engine engine;

  public UserTaskQueries(HistoryQueries history, Engine engine) {
    this.history = history;
    this.engine = engine;
  }

  public HistoryQueries.Page<UserTaskResult> search(JsonNode request) {
    SearchQuery query = new SearchQuery(FIELDS, "t.key");
    JsonNode filter = request == null ? null : request.get("filter");
    if (filter instanceof ObjectNode filters) {
      ObjectNode rest = filters.deepCopy();
      for (Map.Entry<String, String> variables : VARIABLE_FILTERS.entrySet()) {
        JsonNode conditions = rest.remove(variables.getKey());
        if (conditions != null && !conditions.isNull()) {
          variableConditions(query, variables.getKey(), variables.getValue(), conditions);
        }
      }
      ObjectNode withoutVariables = ((ObjectNode) request).deepCopy();
      withoutVariables.set("filter", rest);
      request = withoutVariables;
    }
    query.read(request);
    return history.page(query, FROM, "t.data", this::userTask);
  }

  /** Each {@code {name, value}} must match a variable of the scope; the value is its JSON. */
  private static void variableConditions(
      SearchQuery query, String property, String scopeColumn, JsonNode conditions) {
    if (!conditions.isArray()) {
      throw Rejection.invalidArgument(
          "Expected 'filter.%s' to be a JSON array of {name, value}, but it was not", property);
    }
    int i = 0;
    for (JsonNode condition : conditions) {
      String at = property + "[" + i++ + "]";
      JsonNode name = condition.get("name");
      JsonNode value = condition.get("value");
      if (name == null || !name.isTextual() || value == null || value.isNull()) {
        throw Rejection.invalidArgument(
            "Expected '%s' to have a text 'name' and a 'value', but it had not", at);
      }
      SearchQuery valueQuery =
          new SearchQuery(VARIABLE_FIELDS, "v.name").filter(at + ".value", "v.value", value);
      Object[] args = new Object[valueQuery.args().length + 1];
      args[0] = name.asText();
      System.arraycopy(valueQuery.args(), 0, args, 1, valueQuery.args().length);
      query.where(
          "EXISTS (SELECT 1 FROM engine.variable v WHERE v.scope_key = "
              + scopeColumn
              + " AND v.name = ? AND "
              + valueQuery.conditions()
              + ")",
          args);
    }
  }

  /** The task (open or ended), or null. */
  public UserTaskResult get(long key) {
    SearchQuery query = new SearchQuery(FIELDS, "t.key").where("t.key = ?", key);
    List<UserTaskResult> found = history.page(query, FROM, "t.data", this::userTask).items();
    return found.isEmpty() ? null : found.get(0);
  }

  /** The task's row as the hot state keeps it, or null. */
  public UserTask task(long key) {
    SearchQuery query = new SearchQuery(FIELDS, "t.key").where("t.key = ?", key);
    List<UserTask> found = history.page(query, FROM, "t.data", UserTaskQueries::row).items();
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * The variables visible at the task's element: its own scope's and every enclosing scope's, each
   * name once, the nearest scope's winning (as a job worker sees them).
   */
  public HistoryQueries.Page<VariableSearchResult> variables(
      long elementInstanceKey, JsonNode request, boolean truncate) {
    String visible =
        "(WITH RECURSIVE scope(key, depth) AS (SELECT ?::bigint, 0 UNION ALL "
            + "SELECT e.flow_scope_key, s.depth + 1 FROM scope s JOIN engine.element_instance e "
            + "ON e.key = s.key WHERE e.flow_scope_key >= 0) "
            + "SELECT DISTINCT ON (w.name) w.* FROM scope s JOIN engine.variable w ON w.scope_key = s.key "
            + "ORDER BY w.name, s.depth) v";
    // the scope's key is the first parameter: it comes before the query's own in the SQL
    SearchQuery scoped =
        new SearchQuery(VARIABLE_FIELDS, "v.name").where("TRUE", elementInstanceKey);
    scoped.read(request);
    return history.page(scoped, visible, "v.*", rs -> CockpitQueries.variable(rs, truncate));
  }

  private static UserTask row(ResultSet rs) throws SQLException {
    return EngineJson.read(rs.getString("data"), UserTask.class);
  }

  private UserTaskResult userTask(ResultSet rs) throws SQLException {
    UserTask task = row(rs);
    DeployedProcess process = engine.definitions.get(task.processDefinitionKey());
    return new UserTaskResult()
        .userTaskKey(String.valueOf(task.key()))
        .name(task.name())
        .state(UserTaskStateEnum.fromValue(task.state().name()))
        .assignee(task.assignee())
        .elementId(task.elementId())
        .elementInstanceKey(String.valueOf(task.elementInstanceKey()))
        .candidateGroups(task.candidateGroups())
        .candidateUsers(task.candidateUsers())
        .processDefinitionId(task.bpmnProcessId())
        .processDefinitionKey(String.valueOf(task.processDefinitionKey()))
        .processDefinitionVersion(task.version())
        .processName(process == null ? null : process.name())
        .processInstanceKey(String.valueOf(task.processInstanceKey()))
        .creationDate(HistoryQueries.date(task.creationDate()))
        .completionDate(
            task.completionDate() < 0 ? null : HistoryQueries.date(task.completionDate()))
        .dueDate(task.dueDate())
        .followUpDate(task.followUpDate())
        .priority(task.priority())
        .formKey(task.formKey() < 0 ? null : String.valueOf(task.formKey()))
        .externalFormReference(task.externalFormReference())
        .customHeaders(task.customHeaders())
        .tenantId(DeploymentController.TENANT);
  }
}
