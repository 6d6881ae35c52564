package landwatch.engine.processinstance;

import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;

/**
 * A concern of the state that points at an element instance's process version and element: a
 * migration moves what it holds for the instance to the target version. Jobs and incidents are
 * registered by {@link ProcessInstanceMigration}; a new store (a user task's) registers one more
 * through {@link ProcessInstanceMigration#addMigratedState}.
 */
@FunctionalInterface
public interface MigratedState {

  /**
   * The instance has just been migrated (it already names the target element and version); moves
   * what this concern holds for it, writing its MIGRATED record.
   */
  void migrated(BpmnContext ctx, ElementInstance instance, DeployedProcess target);
}
