package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A deployment stored. */
public enum DeploymentIntent implements Intent {
  CREATED;

  @Override
  public ValueType valueType() {
    return ValueType.DEPLOYMENT;
  }
}
