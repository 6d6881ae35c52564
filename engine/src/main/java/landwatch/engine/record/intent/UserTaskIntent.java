package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/**
 * What happens to a Zeebe user task, as Zeebe's {@code UserTaskIntent} names it: each transition is
 * written as its command-like "-ING" event followed by its result.
 */
public enum UserTaskIntent implements Intent {
  CREATING,
  CREATED,
  ASSIGNING,
  ASSIGNED,
  ASSIGNMENT_DENIED,
  UPDATING,
  UPDATED,
  UPDATE_DENIED,
  COMPLETING,
  COMPLETED,
  COMPLETION_DENIED,
  CORRECTED,
  CANCELING,
  CANCELED,
  MIGRATED;

  @Override
  public ValueType valueType() {
    return ValueType.USER_TASK;
  }
}
