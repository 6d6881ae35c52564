package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A running instance moved to another process definition by mapping instructions. */
public enum ProcessInstanceMigrationIntent implements Intent {
  MIGRATE,
  MIGRATED;

  @Override
  public ValueType valueType() {
    return ValueType.PROCESS_INSTANCE_MIGRATION;
  }
}
