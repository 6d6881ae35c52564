package landwatch.engine.api;

import io.camunda.client.protocol.rest.MigrateProcessInstanceMappingInstruction;
import io.camunda.client.protocol.rest.ModifyProcessInstanceVariableInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceMigrationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceModificationActivateInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceModificationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceModificationTerminateInstruction;
import java.util.List;
import java.util.Map;
import landwatch.engine.Engine;
import landwatch.engine.processing.Rejection;
import landwatch.engine.processinstance.ProcessInstanceMigration;
import landwatch.engine.processinstance.ProcessInstanceModification;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operator's repairs of a running instance: modification and migration. */
@RestController
public class ProcessInstanceRepairController {

  private final Engine engine;
  private final VariableLimits limits;

  public ProcessInstanceRepairController(Engine engine, VariableLimits limits) {
    this.engine = engine;
    this.limits = limits;
  }

  @PostMapping(path = "/v2/process-instances/{key}/modification")
  public ResponseEntity<Void> modify(
      @PathVariable("key") long key, @RequestBody ProcessInstanceModificationInstruction request) {
    List<ProcessInstanceModification.Activate> activations =
        orEmpty(request.getActivateInstructions()).stream().map(this::activation).toList();
    List<Long> terminations =
        orEmpty(request.getTerminateInstructions()).stream()
            .map(ProcessInstanceModificationTerminateInstruction::getElementInstanceKey)
            .map(k -> key("terminateInstructions[].elementInstanceKey", k))
            .toList();
    return Committed.await(
        engine.writer.submit(
            batch -> {
              engine.modifications.modify(batch, key, activations, terminations);
              return ResponseEntity.noContent().<Void>build();
            }));
  }

  private ProcessInstanceModification.Activate activation(
      ProcessInstanceModificationActivateInstruction instruction) {
    String ancestor = instruction.getAncestorElementInstanceKey();
    List<ProcessInstanceModification.VariableInstruction> variables =
        orEmpty(instruction.getVariableInstructions()).stream().map(this::variables).toList();
    return new ProcessInstanceModification.Activate(
        instruction.getElementId(),
        ancestor == null ? -1 : key("activateInstructions[].ancestorElementInstanceKey", ancestor),
        variables);
  }

  private ProcessInstanceModification.VariableInstruction variables(
      ModifyProcessInstanceVariableInstruction instruction) {
    Map<String, Object> variables = limits.check(instruction.getVariables());
    return new ProcessInstanceModification.VariableInstruction(
        instruction.getScopeId(), variables == null ? Map.of() : variables);
  }

  @PostMapping(path = "/v2/process-instances/{key}/migration")
  public ResponseEntity<Void> migrate(
      @PathVariable("key") long key, @RequestBody ProcessInstanceMigrationInstruction request) {
    if (request.getTargetProcessDefinitionKey() == null) {
      throw Rejection.invalidArgument("No targetProcessDefinitionKey provided.");
    }
    long target = key("targetProcessDefinitionKey", request.getTargetProcessDefinitionKey());
    List<ProcessInstanceMigration.Mapping> mappings =
        orEmpty(request.getMappingInstructions()).stream().map(this::mapping).toList();
    return Committed.await(
        engine.writer.submit(
            batch -> {
              engine.migrations.migrate(batch, key, target, mappings);
              return ResponseEntity.noContent().<Void>build();
            }));
  }

  private ProcessInstanceMigration.Mapping mapping(
      MigrateProcessInstanceMappingInstruction instruction) {
    if (instruction.getSourceElementId() == null || instruction.getTargetElementId() == null) {
      throw Rejection.invalidArgument(
          "Expected every mapping instruction to have a 'sourceElementId' and a"
              + " 'targetElementId', but one has not");
    }
    return new ProcessInstanceMigration.Mapping(
        instruction.getSourceElementId(), instruction.getTargetElementId());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Keys travel as strings in JSON: JavaScript's numbers cannot hold them. */
  private static long key(String property, String value) {
    if (value == null) {
      throw Rejection.invalidArgument("Expected '%s' to be a key, but none was provided", property);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw Rejection.invalidArgument(
          "Expected '%s' to be a key (a 64-bit integer), but it was '%s'",
          property, value.length() > 100 ? value.substring(0, 100) + "…" : value);
    }
  }
}
