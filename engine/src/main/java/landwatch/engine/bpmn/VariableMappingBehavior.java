package landwatch.engine.bpmn;

import java.util.Map;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/** Input and output mappings of a lifecycle step; a failing mapping stops the step with an incident. */
public final class VariableMappingBehavior {

  private final VariableBehavior variables;
  private final IncidentBehavior incidents;

  public VariableMappingBehavior(VariableBehavior variables, IncidentBehavior incidents) {
    this.variables = variables;
    this.incidents = incidents;
  }

  /** Returns false when an incident stopped the activation. */
  public boolean applyInputs(ExecutableElement element, ElementInstance instance) {
    String failure = variables.applyInputMappings(element, instance);
    if (failure != null) {
      incidents.raise(instance, IncidentTypes.IO_MAPPING_ERROR, failure, IncidentBehavior.STEP_ACTIVATE, -1);
      return false;
    }
    return true;
  }

  /** Returns false when an incident stopped the completion. */
  public boolean applyOutputs(ExecutableElement element, ElementInstance instance, Map<String, Object> result) {
    String failure = variables.applyOutput(element, instance, result);
    if (failure != null) {
      incidents.raise(instance, IncidentTypes.IO_MAPPING_ERROR, failure, IncidentBehavior.STEP_COMPLETE, -1);
      return false;
    }
    return true;
  }
}
