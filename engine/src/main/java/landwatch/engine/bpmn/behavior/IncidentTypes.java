package landwatch.engine.bpmn.behavior;

/** The incident error types of Zeebe that this engine raises. */
public final class IncidentTypes {
  public static final String IO_MAPPING_ERROR = "IO_MAPPING_ERROR";
  public static final String EXTRACT_VALUE_ERROR = "EXTRACT_VALUE_ERROR";
  public static final String CONDITION_ERROR = "CONDITION_ERROR";
  public static final String JOB_NO_RETRIES = "JOB_NO_RETRIES";
  public static final String TASK_LISTENER_NO_RETRIES = "TASK_LISTENER_NO_RETRIES";
  public static final String UNHANDLED_ERROR_EVENT = "UNHANDLED_ERROR_EVENT";
  public static final String CALLED_ELEMENT_ERROR = "CALLED_ELEMENT_ERROR";
  public static final String CALLED_DECISION_ERROR = "CALLED_DECISION_ERROR";
  public static final String DECISION_EVALUATION_ERROR = "DECISION_EVALUATION_ERROR";
  public static final String FORM_NOT_FOUND = "FORM_NOT_FOUND";

  /** A job that no activation response can carry. */
  public static final String MESSAGE_SIZE_EXCEEDED = "MESSAGE_SIZE_EXCEEDED";

  public static final String UNKNOWN = "UNKNOWN";

  private IncidentTypes() {}
}
