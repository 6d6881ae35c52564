package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** An operator's modification of a running instance: elements activated and terminated. */
public enum ProcessInstanceModificationIntent implements Intent {
  MODIFY,
  MODIFIED;

  @Override
  public ValueType valueType() {
    return ValueType.PROCESS_INSTANCE_MODIFICATION;
  }
}
