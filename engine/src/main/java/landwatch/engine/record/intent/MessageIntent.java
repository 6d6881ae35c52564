package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A published message, and its leaving the buffer when its time to live has passed. */
public enum MessageIntent implements Intent {
  PUBLISHED,
  EXPIRED;

  @Override
  public ValueType valueType() {
    return ValueType.MESSAGE;
  }
}
