package landwatch.operations;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import java.time.OffsetDateTime;
import java.util.List;
import landwatch.app.engine.DecisionAudit;
import org.springframework.stereotype.Component;

/**
 * What the process view reads from the engine, through the Camunda client only, so that it shows a
 * Camunda 8 cluster the same as the embedded engine.
 */
@Component
class ProcessView {

  /** An instance's element instances, variables and incidents beyond this are not shown. */
  static final int DETAIL_LIMIT = 500;

  private final CamundaClient camunda;

  ProcessView(CamundaClient camunda) {
    this.camunda = camunda;
  }

  record Definition(long key, String id, String name, int version, String resourceName) {}

  record ElementCount(
      String elementId, long active, long incidents, long completed, long canceled) {

    static ElementCount of(ProcessElementStatistics s) {
      return new ElementCount(
          s.getElementId(),
          zero(s.getActive()),
          zero(s.getIncidents()),
          zero(s.getCompleted()),
          zero(s.getCanceled()));
    }
  }

  record InstanceRow(
      long key,
      long definitionKey,
      String processId,
      int version,
      String state,
      boolean incident,
      OffsetDateTime startDate,
      OffsetDateTime endDate) {}

  record InstancePage(List<InstanceRow> items, long total) {}

  List<Definition> latestDefinitions() {
    return EngineRefusal.call(
        "流程定义",
        () ->
            camunda
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.isLatestVersion(true))
                .page(p -> p.limit(DETAIL_LIMIT))
                .send()
                .join()
                .items()
                .stream()
                .map(
                    d ->
                        new Definition(
                            d.getProcessDefinitionKey(),
                            d.getProcessDefinitionId(),
                            d.getName(),
                            d.getVersion(),
                            d.getResourceName()))
                .toList());
  }

  String xml(long definitionKey) {
    return EngineRefusal.call(
        "流程图", () -> camunda.newProcessDefinitionGetXmlRequest(definitionKey).send().join());
  }

  List<ElementCount> statistics(long definitionKey) {
    return EngineRefusal.call(
        "流程统计",
        () ->
            camunda
                .newProcessDefinitionElementStatisticsRequest(definitionKey)
                .send()
                .join()
                .stream()
                .map(ElementCount::of)
                .toList());
  }

  /** The definition's instances, newest first, by state and incident if asked. */
  InstancePage instances(
      long definitionKey, ProcessInstanceState state, Boolean incident, int page, int size) {
    SearchResponse<ProcessInstance> found =
        EngineRefusal.call(
            "流程实例",
            () ->
                camunda
                    .newProcessInstanceSearchRequest()
                    .filter(
                        f -> {
                          f.processDefinitionKey(definitionKey);
                          if (state != null) {
                            f.state(state);
                          }
                          if (incident != null) {
                            f.hasIncident(incident);
                          }
                        })
                    .sort(s -> s.startDate().desc())
                    .page(p -> p.from(page * size).limit(size))
                    .send()
                    .join());
    return new InstancePage(
        found.items().stream().map(ProcessView::row).toList(), found.page().totalItems());
  }

  InstanceRow instance(long key) {
    return row(
        EngineRefusal.call("流程实例", () -> camunda.newProcessInstanceGetRequest(key).send().join()));
  }

  DecisionAudit decision(String id) {
    return DecisionAudit.of(
        EngineRefusal.call("决策实例", () -> camunda.newDecisionInstanceGetRequest(id).send().join()));
  }

  static InstanceRow row(ProcessInstance instance) {
    return new InstanceRow(
        instance.getProcessInstanceKey(),
        instance.getProcessDefinitionKey(),
        instance.getProcessDefinitionId(),
        instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
        instance.getState() == null ? null : instance.getState().name(),
        Boolean.TRUE.equals(instance.getHasIncident()),
        instance.getStartDate(),
        instance.getEndDate());
  }

  private static long zero(Long count) {
    return count == null ? 0 : count;
  }
}
