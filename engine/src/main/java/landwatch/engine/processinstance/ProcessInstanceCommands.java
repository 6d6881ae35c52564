package landwatch.engine.processinstance;

import java.util.Map;
import landwatch.engine.bpmn.BpmnEngine;
import landwatch.engine.model.ElementType;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.Rejection;
import landwatch.engine.record.intent.ProcessInstanceIntent;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;

/** Creating and cancelling process instances. */
public final class ProcessInstanceCommands {

  /** A created instance and the definition it runs. */
  public record Created(ElementInstance instance, DeployedProcess process) {}

  private final BpmnEngine bpmn;

  public ProcessInstanceCommands(BpmnEngine bpmn) {
    this.bpmn = bpmn;
  }

  public Created create(
      Batch batch,
      String processId,
      Integer version,
      Long definitionKey,
      Map<String, Object> variables) {
    DeployedProcess process;
    if (definitionKey != null) {
      process = batch.state.deployments().process(definitionKey);
      if (process == null) {
        throw Rejection.notFound(
            "Expected to find process definition with key '%d', but none found", definitionKey);
      }
    } else if (processId == null || processId.isBlank()) {
      throw Rejection.invalidArgument(
          "Expected either a processDefinitionId or a processDefinitionKey, but none provided");
    } else if (version == null || version < 0) {
      process = batch.state.deployments().latestProcess(processId);
      if (process == null) {
        throw Rejection.notFound(
            "Expected to find process definition with process ID '%s', but none found", processId);
      }
    } else {
      process = batch.state.deployments().process(processId, version);
      if (process == null) {
        throw Rejection.notFound(
            "Expected to find process definition with process ID '%s' and version '%d', but none found",
            processId, version);
      }
    }
    if (process.executable().root.noneStartEvent() == null) {
      throw Rejection.invalidArgument(
          "Expected to create instance of process with none start event, but there is no such event");
    }
    ElementInstance instance =
        bpmn.behaviors
            .creation()
            .create(process, process.executable().root.noneStartEvent(), variables, null);
    return new Created(instance, process);
  }

  public void cancel(Batch batch, long processInstanceKey) {
    ElementInstance instance = batch.state.instances().get(processInstanceKey);
    if (instance == null || instance.type() != ElementType.PROCESS) {
      throw Rejection.notFound(
          "Expected to cancel a process instance with key '%d', but no such process was found",
          processInstanceKey);
    }
    if (instance.parentElementInstanceKey() >= 0) {
      throw Rejection.invalidState(
          "Expected to cancel a process instance with key '%d', but it is created by a parent "
              + "process instance. Cancel the root process instance '%d' instead.",
          processInstanceKey, instance.parentProcessInstanceKey());
    }
    batch.records.append(
        processInstanceKey,
        ProcessInstanceIntent.CANCEL,
        Map.of("processInstanceKey", processInstanceKey));
    bpmn.behaviors.transitions().terminateElement(instance);
  }
}
