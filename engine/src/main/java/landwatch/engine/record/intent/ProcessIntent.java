package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A new process version deployed. */
public enum ProcessIntent implements Intent {
  CREATED;

  @Override
  public ValueType valueType() {
    return ValueType.PROCESS;
  }
}
