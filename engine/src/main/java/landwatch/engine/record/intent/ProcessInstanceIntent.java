package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/**
 * An element instance's lifecycle steps (see {@code ElementState}), a flow taken, a cancellation.
 */
public enum ProcessInstanceIntent implements Intent {
  ELEMENT_ACTIVATING,
  ELEMENT_ACTIVATED,
  ELEMENT_COMPLETING,
  ELEMENT_COMPLETED,
  ELEMENT_TERMINATING,
  ELEMENT_TERMINATED,
  SEQUENCE_FLOW_TAKEN,
  CANCEL,
  ELEMENT_MIGRATED;

  @Override
  public ValueType valueType() {
    return ValueType.PROCESS_INSTANCE;
  }
}
