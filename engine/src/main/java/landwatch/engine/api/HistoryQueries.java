package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ElementInstanceResult;
import io.camunda.client.protocol.rest.ElementInstanceStateEnum;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import landwatch.engine.Engine;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.EngineJson;
import landwatch.engine.state.Incident;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Searches over the state tables. Rows are written in the same transaction as the records, so a
 * search sees everything any earlier 2xx answer reported.
 */
public final class HistoryQueries {

  /** One page of results with the total count. */
  public record Page<T>(List<T> items, SearchQueryPageResponse page) {}

  private static final String ACTIVE_INCIDENT =
      "EXISTS (SELECT 1 FROM engine.incident i WHERE i.process_instance_key = e.key AND i.state = 'ACTIVE')";

  private static final Map<String, SearchQuery.Field> PROCESS_INSTANCE_FIELDS =
      Map.of(
          "processInstanceKey", SearchQuery.Field.key("e.key"),
          "processDefinitionId", SearchQuery.Field.text("e.bpmn_process_id"),
          "processDefinitionKey", SearchQuery.Field.key("e.process_definition_key"),
          "processDefinitionVersion", SearchQuery.Field.integer("e.version"),
          "state", SearchQuery.Field.oneOf("e.state", ProcessInstanceStateEnum.values()),
          "parentProcessInstanceKey", SearchQuery.Field.key("e.parent_process_instance_key"),
          "parentElementInstanceKey", SearchQuery.Field.key("e.parent_element_instance_key"),
          "startDate", SearchQuery.Field.date("e.start_date"),
          "endDate", SearchQuery.Field.date("e.end_date"),
          "hasIncident", SearchQuery.Field.bool(ACTIVE_INCIDENT));

  private static final Map<String, SearchQuery.Field> ELEMENT_INSTANCE_FIELDS =
      Map.ofEntries(
          Map.entry("elementInstanceKey", SearchQuery.Field.key("e.key")),
          Map.entry("processInstanceKey", SearchQuery.Field.key("e.process_instance_key")),
          Map.entry("processDefinitionKey", SearchQuery.Field.key("e.process_definition_key")),
          Map.entry("processDefinitionId", SearchQuery.Field.text("e.bpmn_process_id")),
          Map.entry("elementId", SearchQuery.Field.text("e.element_id")),
          Map.entry(
              "type",
              SearchQuery.Field.oneOf("e.element_type", ElementInstanceResult.TypeEnum.values())),
          Map.entry("state", SearchQuery.Field.oneOf("e.state", ElementInstanceStateEnum.values())),
          Map.entry("incidentKey", SearchQuery.Field.key("e.incident_key")),
          Map.entry("startDate", SearchQuery.Field.date("e.start_date")),
          Map.entry("endDate", SearchQuery.Field.date("e.end_date")),
          Map.entry("hasIncident", SearchQuery.Field.bool("(e.incident_key >= 0)")));

  private static final Map<String, SearchQuery.Field> INCIDENT_FIELDS =
      Map.of(
          "incidentKey", SearchQuery.Field.key("i.key"),
          "processInstanceKey", SearchQuery.Field.key("i.process_instance_key"),
          "state", SearchQuery.Field.oneOf("i.state", IncidentResult.StateEnum.values()),
          "errorType",
              SearchQuery.Field.oneOf("i.error_type", IncidentResult.ErrorTypeEnum.values()),
          "elementInstanceKey", SearchQuery.Field.key("(i.data->>'elementInstanceKey')::bigint"),
          "jobKey", SearchQuery.Field.key("(i.data->>'jobKey')::bigint"),
          "elementId", SearchQuery.Field.text("(i.data->>'elementId')"),
          "processDefinitionId", SearchQuery.Field.text("(i.data->>'bpmnProcessId')"),
          "processDefinitionKey",
              SearchQuery.Field.key("(i.data->>'processDefinitionKey')::bigint"),
          "creationTime", SearchQuery.Field.date("i.creation_time"));

  private static final Map<String, SearchQuery.Field> PROCESS_DEFINITION_FIELDS =
      Map.of(
          "processDefinitionKey", SearchQuery.Field.key("d.key"),
          "processDefinitionId", SearchQuery.Field.text("d.bpmn_process_id"),
          "version", SearchQuery.Field.integer("d.version"),
          "resourceName", SearchQuery.Field.text("d.resource_name"),
          "isLatestVersion",
              SearchQuery.Field.bool(
                  "(d.version = (SELECT max(l.version) FROM engine.process_definition l WHERE l.bpmn_process_id = d.bpmn_process_id))"));

  private final JdbcTemplate jdbc;
  private final Engine engine;

  public HistoryQueries(JdbcTemplate jdbc, Engine engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  public Page<ProcessInstanceResult> processInstances(JsonNode request) {
    SearchQuery query =
        new SearchQuery(PROCESS_INSTANCE_FIELDS, "e.key")
            .where("e.element_type = 'PROCESS'")
            .read(request);
    return page(
        query,
        "engine.element_instance e",
        "e.*, " + ACTIVE_INCIDENT + " AS has_incident",
        this::processInstance);
  }

  public ProcessInstanceResult processInstance(long key) {
    SearchQuery query =
        new SearchQuery(PROCESS_INSTANCE_FIELDS, "e.key")
            .where("e.element_type = 'PROCESS'")
            .where("e.key = ?", key);
    List<ProcessInstanceResult> found =
        page(
                query,
                "engine.element_instance e",
                "e.*, " + ACTIVE_INCIDENT + " AS has_incident",
                this::processInstance)
            .items();
    return found.isEmpty() ? null : found.get(0);
  }

  public Page<ElementInstanceResult> elementInstances(JsonNode request) {
    SearchQuery query =
        new SearchQuery(ELEMENT_INSTANCE_FIELDS, "e.key")
            .where("e.element_type <> 'PROCESS'")
            .read(request);
    return page(query, "engine.element_instance e", "e.*", this::elementInstance);
  }

  public ElementInstanceResult elementInstance(long key) {
    SearchQuery query =
        new SearchQuery(ELEMENT_INSTANCE_FIELDS, "e.key")
            .where("e.element_type <> 'PROCESS'")
            .where("e.key = ?", key);
    List<ElementInstanceResult> found =
        page(query, "engine.element_instance e", "e.*", this::elementInstance).items();
    return found.isEmpty() ? null : found.get(0);
  }

  public IncidentResult incident(long key) {
    SearchQuery query = new SearchQuery(INCIDENT_FIELDS, "i.key").where("i.key = ?", key);
    List<IncidentResult> found = page(query, "engine.incident i", "i.*", this::incident).items();
    return found.isEmpty() ? null : found.get(0);
  }

  /** Keys only: the definitions themselves are immutable and held in memory. */
  public Page<Long> processDefinitionKeys(JsonNode request) {
    SearchQuery query = new SearchQuery(PROCESS_DEFINITION_FIELDS, "d.key").read(request);
    return page(query, "engine.process_definition d", "d.key", rs -> rs.getLong("key"));
  }

  public Page<IncidentResult> incidents(JsonNode request) {
    SearchQuery query = new SearchQuery(INCIDENT_FIELDS, "i.key").read(request);
    return page(query, "engine.incident i", "i.*", this::incident);
  }

  interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  <T> Page<T> page(SearchQuery query, String from, String columns, Mapper<T> mapper) {
    Long total =
        jdbc.queryForObject(
            "SELECT count(*) FROM " + from + query.whereClause(), Long.class, query.args());
    List<T> items =
        jdbc.query(
            "SELECT " + columns + " FROM " + from + query.whereClause() + query.orderAndPage(),
            (rs, n) -> mapper.map(rs),
            query.args());
    SearchQueryPageResponse page =
        new SearchQueryPageResponse()
            .totalItems(total)
            .hasMoreTotalItems(false)
            .startCursor(items.isEmpty() ? null : String.valueOf(query.from))
            .endCursor(items.isEmpty() ? null : String.valueOf(query.from + items.size() - 1));
    return new Page<>(items, page);
  }

  private ProcessInstanceResult processInstance(ResultSet rs) throws SQLException {
    long definitionKey = rs.getLong("process_definition_key");
    DeployedProcess process = engine.definitions.get(definitionKey);
    long parent = rs.getLong("parent_process_instance_key");
    long parentElement = rs.getLong("parent_element_instance_key");
    return new ProcessInstanceResult()
        .processInstanceKey(String.valueOf(rs.getLong("key")))
        .processDefinitionId(rs.getString("bpmn_process_id"))
        .processDefinitionName(process == null ? null : process.name())
        .processDefinitionVersion(rs.getInt("version"))
        .processDefinitionVersionTag(process == null ? null : process.versionTag())
        .processDefinitionKey(String.valueOf(definitionKey))
        .startDate(date(rs.getLong("start_date")))
        .endDate(date(rs.getObject("end_date", Long.class)))
        .state(ProcessInstanceStateEnum.fromValue(rs.getString("state")))
        .hasIncident(rs.getBoolean("has_incident"))
        .tenantId(DeploymentController.TENANT)
        .parentProcessInstanceKey(parent < 0 ? null : String.valueOf(parent))
        .parentElementInstanceKey(parentElement < 0 ? null : String.valueOf(parentElement));
  }

  private ElementInstanceResult elementInstance(ResultSet rs) throws SQLException {
    long definitionKey = rs.getLong("process_definition_key");
    DeployedProcess process = engine.definitions.get(definitionKey);
    String elementId = rs.getString("element_id");
    // element names come from the model: a page touches few versions, each parsed at most once on a
    // miss
    ExecutableElement element =
        process == null ? null : process.executable().elements.get(elementId);
    long incidentKey = rs.getLong("incident_key");
    return new ElementInstanceResult()
        .elementInstanceKey(String.valueOf(rs.getLong("key")))
        .processInstanceKey(String.valueOf(rs.getLong("process_instance_key")))
        .processDefinitionKey(String.valueOf(definitionKey))
        .processDefinitionId(rs.getString("bpmn_process_id"))
        .elementId(elementId)
        .elementName(element == null || element.name == null ? elementId : element.name)
        .type(ElementInstanceResult.TypeEnum.fromValue(rs.getString("element_type")))
        .state(ElementInstanceStateEnum.fromValue(rs.getString("state")))
        .startDate(date(rs.getLong("start_date")))
        .endDate(date(rs.getObject("end_date", Long.class)))
        .hasIncident(incidentKey >= 0)
        .incidentKey(incidentKey < 0 ? null : String.valueOf(incidentKey))
        .tenantId(DeploymentController.TENANT);
  }

  private IncidentResult incident(ResultSet rs) throws SQLException {
    Incident incident = EngineJson.read(rs.getString("data"), Incident.class);
    return new IncidentResult()
        .incidentKey(String.valueOf(incident.key()))
        .processDefinitionId(incident.bpmnProcessId())
        .processDefinitionKey(String.valueOf(incident.processDefinitionKey()))
        .processInstanceKey(String.valueOf(incident.processInstanceKey()))
        .elementId(incident.elementId())
        .elementInstanceKey(String.valueOf(incident.elementInstanceKey()))
        .jobKey(incident.jobKey() < 0 ? null : String.valueOf(incident.jobKey()))
        .errorType(IncidentResult.ErrorTypeEnum.fromValue(incident.errorType()))
        .errorMessage(incident.errorMessage())
        .state(IncidentResult.StateEnum.fromValue(incident.state()))
        .creationTime(date(incident.creationTime()))
        .tenantId(DeploymentController.TENANT);
  }

  static String date(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toString();
  }
}
