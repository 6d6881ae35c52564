package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A new version of a DMN resource deployed. */
public enum DecisionRequirementsIntent implements Intent {
  CREATED;

  @Override
  public ValueType valueType() {
    return ValueType.DECISION_REQUIREMENTS;
  }
}
