package landwatch.engine.processinstance;

import java.util.Map;
import landwatch.engine.bpmn.BpmnEngine;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.Rejection;
import landwatch.engine.record.intent.VariableDocumentIntent;
import landwatch.engine.state.ElementInstance;

/** {@code PUT /element-instances/{key}/variables}: local to that scope, or propagated from it. */
public final class VariableCommands {

  private final BpmnEngine bpmn;

  public VariableCommands(BpmnEngine bpmn) {
    this.bpmn = bpmn;
  }

  public long set(Batch batch, long scopeKey, Map<String, Object> variables, boolean local) {
    ElementInstance scope = batch.state.instances().get(scopeKey);
    if (scope == null) {
      throw Rejection.notFound(
          "Expected to update variables for element with key '%d', but no such element was found",
          scopeKey);
    }
    long key = batch.keys.next();
    batch.records.append(
        key, VariableDocumentIntent.UPDATED, Map.of("scopeKey", scopeKey, "local", local));
    if (local) {
      bpmn.behaviors.variables().setLocalDocument(scope, variables);
    } else {
      bpmn.behaviors.variables().merge(scope, variables);
    }
    return key;
  }
}
