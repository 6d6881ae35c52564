package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** An element instance's signal subscription opened or closed. */
public enum SignalSubscriptionIntent implements Intent {
  CREATED,
  DELETED,
  MIGRATED;

  @Override
  public ValueType valueType() {
    return ValueType.SIGNAL_SUBSCRIPTION;
  }
}
