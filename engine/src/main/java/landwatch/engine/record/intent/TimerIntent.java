package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A timer created, fired or cancelled. */
public enum TimerIntent implements Intent {
  CREATED,
  TRIGGERED,
  CANCELED;

  @Override
  public ValueType valueType() {
    return ValueType.TIMER;
  }
}
