package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** The engine's clock pinned, or running freely again. */
public enum ClockIntent implements Intent {
  PINNED,
  RESETTED;

  @Override
  public ValueType valueType() {
    return ValueType.CLOCK;
  }
}
