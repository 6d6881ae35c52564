package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A new version of a decision deployed (with a new version of its decision requirements). */
public enum DecisionIntent implements Intent {
  CREATED;

  @Override
  public ValueType valueType() {
    return ValueType.DECISION;
  }
}
