package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A timer created, fired, cancelled or migrated. */
public enum TimerIntent implements Intent {
  CREATED,
  TRIGGERED,
  CANCELED,
  MIGRATED;

  @Override
  public ValueType valueType() {
    return ValueType.TIMER;
  }
}
