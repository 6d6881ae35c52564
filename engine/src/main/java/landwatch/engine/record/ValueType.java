package landwatch.engine.record;

/**
 * What a record is about, named as Zeebe names its value types: {@code engine.record.value_type}.
 */
public enum ValueType {
  PROCESS_INSTANCE,
  JOB,
  TIMER,
  VARIABLE,
  VARIABLE_DOCUMENT,
  INCIDENT,
  MESSAGE,
  MESSAGE_CORRELATION,
  PROCESS_MESSAGE_SUBSCRIPTION,
  SIGNAL,
  SIGNAL_SUBSCRIPTION,
  DEPLOYMENT,
  PROCESS,
  DECISION_REQUIREMENTS,
  FORM,
  CLOCK,
  USER_TASK
}
