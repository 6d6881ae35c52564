package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A variable set in a scope. */
public enum VariableIntent implements Intent {
  CREATED,
  UPDATED;

  @Override
  public ValueType valueType() {
    return ValueType.VARIABLE;
  }
}
