package landwatch.operations;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstanceSequenceFlow;
import io.camunda.client.api.search.response.SearchResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * One instance as the operator inspects it: the path it took (elements and sequence flows), where
 * it waits, its variables, its open incidents and the decisions it evaluated.
 */
@Component
class InstanceDetails {

  private final CamundaClient camunda;
  private final ProcessView view;

  InstanceDetails(CamundaClient camunda, ProcessView view) {
    this.camunda = camunda;
    this.view = view;
  }

  record Element(
      long key,
      String elementId,
      String name,
      String type,
      String state,
      OffsetDateTime startDate,
      OffsetDateTime endDate) {}

  record VariableValue(long scopeKey, String name, String value, boolean truncated) {}

  record OpenIncident(
      long key,
      String elementId,
      long elementInstanceKey,
      String errorType,
      String message,
      Long jobKey,
      OffsetDateTime created) {}

  record Decision(
      String id,
      String decisionId,
      String name,
      int version,
      String state,
      OffsetDateTime evaluated,
      String result) {}

  record Details(
      ProcessView.InstanceRow instance,
      List<ProcessView.ElementCount> statistics,
      List<String> sequenceFlows,
      List<Element> elements,
      List<VariableValue> variables,
      List<OpenIncident> incidents,
      List<Decision> decisions) {}

  Details of(long key) {
    ProcessView.InstanceRow instance = view.instance(key);
    return EngineRefusal.call(
        "流程实例",
        () ->
            new Details(
                instance,
                camunda.newProcessInstanceElementStatisticsRequest(key).send().join().stream()
                    .map(ProcessView.ElementCount::of)
                    .toList(),
                camunda.newProcessInstanceSequenceFlowsRequest(key).send().join().stream()
                    .map(ProcessInstanceSequenceFlow::getElementId)
                    .distinct()
                    .toList(),
                items(
                    camunda
                        .newElementInstanceSearchRequest()
                        .filter(f -> f.processInstanceKey(key))
                        .sort(s -> s.startDate().asc())
                        .page(p -> p.limit(ProcessView.DETAIL_LIMIT))
                        .send()
                        .join(),
                    InstanceDetails::element),
                items(
                    camunda
                        .newVariableSearchRequest()
                        .filter(f -> f.processInstanceKey(key))
                        .page(p -> p.limit(ProcessView.DETAIL_LIMIT))
                        .send()
                        .join(),
                    v ->
                        new VariableValue(
                            v.getScopeKey(),
                            v.getName(),
                            v.getValue(),
                            Boolean.TRUE.equals(v.isTruncated()))),
                items(
                    camunda
                        .newIncidentSearchRequest()
                        .filter(f -> f.processInstanceKey(key).state(IncidentState.ACTIVE))
                        .page(p -> p.limit(ProcessView.DETAIL_LIMIT))
                        .send()
                        .join(),
                    InstanceDetails::incident),
                items(
                    camunda
                        .newDecisionInstanceSearchRequest()
                        .filter(f -> f.processInstanceKey(key))
                        .page(p -> p.limit(ProcessView.DETAIL_LIMIT))
                        .send()
                        .join(),
                    InstanceDetails::decision)));
  }

  private static <T, R> List<R> items(SearchResponse<T> found, Function<T, R> shown) {
    return found.items().stream().map(shown).toList();
  }

  private static Element element(ElementInstance e) {
    return new Element(
        e.getElementInstanceKey(),
        e.getElementId(),
        e.getElementName(),
        e.getType() == null ? null : e.getType().name(),
        e.getState() == null ? null : e.getState().name(),
        e.getStartDate(),
        e.getEndDate());
  }

  private static OpenIncident incident(Incident i) {
    return new OpenIncident(
        i.getIncidentKey(),
        i.getElementId(),
        i.getElementInstanceKey(),
        i.getErrorType() == null ? null : i.getErrorType().name(),
        i.getErrorMessage(),
        i.getJobKey(),
        i.getCreationTime());
  }

  private static Decision decision(DecisionInstance d) {
    return new Decision(
        d.getDecisionInstanceId(),
        d.getDecisionDefinitionId(),
        d.getDecisionDefinitionName(),
        d.getDecisionDefinitionVersion(),
        d.getState() == null ? null : d.getState().name(),
        d.getEvaluationDate(),
        d.getResult());
  }
}
