package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A message correlated at once, without buffering. */
public enum MessageCorrelationIntent implements Intent {
  CORRELATED;

  @Override
  public ValueType valueType() {
    return ValueType.MESSAGE_CORRELATION;
  }
}
