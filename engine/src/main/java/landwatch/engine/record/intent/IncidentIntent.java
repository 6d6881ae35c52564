package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** An incident raised or resolved. */
public enum IncidentIntent implements Intent {
  CREATED,
  RESOLVED,
  MIGRATED;

  @Override
  public ValueType valueType() {
    return ValueType.INCIDENT;
  }
}
