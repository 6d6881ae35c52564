package landwatch.operations;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ModifyProcessInstanceCommandStep1;
import io.camunda.client.api.command.ModifyProcessInstanceCommandStep1.ModifyProcessInstanceCommandStep2;
import io.camunda.client.api.search.response.Incident;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** What an operator does to a stuck instance, each step audited with what it changed. */
@Component
class InstanceRepairs {

  /** A job's incident is retried once more: its worker takes it again. */
  private static final int RETRIES = 1;

  private final CamundaClient camunda;
  private final AuditTrail audit;

  InstanceRepairs(CamundaClient camunda, AuditTrail audit) {
    this.camunda = camunda;
    this.audit = audit;
  }

  /**
   * @param activate elements to start a token at
   * @param terminate element instances to end
   */
  record Modification(List<String> activate, List<Long> terminate) {}

  /** Resolves the incident; one on a job gives the job its retry back first, as Operate does. */
  void resolve(long incidentKey) {
    Incident incident =
        EngineRefusal.call("事件", () -> camunda.newIncidentGetRequest(incidentKey).send().join());
    EngineRefusal.call(
        "重试",
        () -> {
          if (incident.getJobKey() != null && incident.getJobKey() > 0) {
            camunda.newUpdateRetriesCommand(incident.getJobKey()).retries(RETRIES).send().join();
          }
          return camunda.newResolveIncidentCommand(incidentKey).send().join();
        });
    Map<String, Object> resolved = new LinkedHashMap<>();
    resolved.put("processInstanceKey", incident.getProcessInstanceKey());
    resolved.put("elementId", incident.getElementId());
    resolved.put("errorType", String.valueOf(incident.getErrorType()));
    resolved.put("errorMessage", incident.getErrorMessage());
    resolved.put(
        "jobRetries", incident.getJobKey() != null && incident.getJobKey() > 0 ? RETRIES : null);
    audit.record(
        AuditEntry.done("incident.resolve", "incident", String.valueOf(incidentKey))
            .before(resolved));
  }

  void modify(long instanceKey, Modification modification) {
    List<String> activate = modification.activate() == null ? List.of() : modification.activate();
    List<Long> terminate = modification.terminate() == null ? List.of() : modification.terminate();
    if (activate.isEmpty() && terminate.isEmpty()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              "请至少选择一个要激活的节点或要终止的节点实例 / name an element to activate or an element"
                  + " instance to terminate");
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
    EngineRefusal.call(
        "修改流程实例",
        () -> {
          ModifyProcessInstanceCommandStep1 first =
              camunda.newModifyProcessInstanceCommand(instanceKey);
          ModifyProcessInstanceCommandStep2 built = null;
          for (String elementId : activate) {
            built = (built == null ? first : built.and()).activateElement(elementId);
          }
          for (long elementInstance : terminate) {
            built = (built == null ? first : built.and()).terminateElement(elementInstance);
          }
          return built.send().join();
        });
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("activate", activate);
    change.put("terminate", terminate);
    audit.record(
        AuditEntry.done("instance.modify", "process-instance", String.valueOf(instanceKey))
            .after(change));
  }
}
