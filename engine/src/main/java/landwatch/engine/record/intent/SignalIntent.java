package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A broadcast signal. */
public enum SignalIntent implements Intent {
  BROADCASTED;

  @Override
  public ValueType valueType() {
    return ValueType.SIGNAL;
  }
}
