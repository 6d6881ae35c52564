package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** An element instance's message subscription opened, closed, or handed a buffered message. */
public enum ProcessMessageSubscriptionIntent implements Intent {
  CREATED,
  CORRELATED,
  DELETED,
  MIGRATED;

  @Override
  public ValueType valueType() {
    return ValueType.PROCESS_MESSAGE_SUBSCRIPTION;
  }
}
