package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** What happens to a job, from its creation by a job-based element to its end. */
public enum JobIntent implements Intent {
  CREATED,
  ACTIVATED,
  COMPLETED,
  FAILED,
  ERROR_THROWN,
  RETRIES_UPDATED,
  TIMEOUT_UPDATED,
  TIMED_OUT,
  RECURRED_AFTER_BACKOFF,
  YIELDED,
  CANCELED,
  MIGRATED;

  @Override
  public ValueType valueType() {
    return ValueType.JOB;
  }
}
