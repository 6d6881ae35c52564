package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** Variables set through the API on an element instance. */
public enum VariableDocumentIntent implements Intent {
  UPDATED;

  @Override
  public ValueType valueType() {
    return ValueType.VARIABLE_DOCUMENT;
  }
}
