package landwatch.engine.state;

import java.util.List;
import landwatch.engine.model.ElementType;

/** Rows to put into a fresh {@link EngineState} in the stores' unit tests. */
final class StateFixtures {

  static final DeployedProcess PROCESS =
      new DeployedProcess(2, "p", 3, "process.bpmn", "checksum", 5, 6, null, null, List.of(), null);

  private StateFixtures() {}

  static ElementInstance processInstance(long key) {
    return ElementInstance.processInstance(key, PROCESS, 100);
  }

  static ElementInstance task(long key, ElementInstance flowScope) {
    return ElementInstance.child(key, flowScope, "task", ElementType.SERVICE_TASK, 100);
  }

  /** The rows the batch would write to the table now. */
  static List<Long> upserted(EngineState state, StateChanges.Table table) {
    return state.changes().table(table).upserts().stream().map(StateRow::key).toList();
  }

  static List<Long> deleted(EngineState state, StateChanges.Table table) {
    return List.copyOf(state.changes().table(table).deletes());
  }
}
