package landwatch.engine.bpmn.behavior;

import java.util.Map;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/** Input and output mappings of a lifecycle step; a failing mapping fails the step. */
public final class VariableMappingBehavior {

  private final VariableBehavior variables;

  public VariableMappingBehavior(VariableBehavior variables) {
    this.variables = variables;
  }

  /** Returns null, or why the activation cannot go on. */
  public Failure applyInputs(ExecutableElement element, ElementInstance instance) {
    String failure = variables.applyInputMappings(element, instance);
    return failure == null ? null : new Failure(IncidentTypes.IO_MAPPING_ERROR, failure);
  }

  /** Returns null, or why the completion cannot go on. */
  public Failure applyOutputs(
      ExecutableElement element, ElementInstance instance, Map<String, Object> result) {
    String failure = variables.applyOutput(element, instance, result);
    return failure == null ? null : new Failure(IncidentTypes.IO_MAPPING_ERROR, failure);
  }
}
