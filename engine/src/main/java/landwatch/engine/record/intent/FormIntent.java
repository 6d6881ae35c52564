package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A new version of a form deployed. */
public enum FormIntent implements Intent {
  CREATED;

  @Override
  public ValueType valueType() {
    return ValueType.FORM;
  }
}
