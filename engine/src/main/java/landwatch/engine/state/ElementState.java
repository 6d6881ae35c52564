package landwatch.engine.state;

import landwatch.engine.record.intent.ProcessInstanceIntent;

/** Zeebe's element instance lifecycle; each state is written as the intent of the same name. */
public enum ElementState {
  ELEMENT_ACTIVATING(ProcessInstanceIntent.ELEMENT_ACTIVATING),
  ELEMENT_ACTIVATED(ProcessInstanceIntent.ELEMENT_ACTIVATED),
  ELEMENT_COMPLETING(ProcessInstanceIntent.ELEMENT_COMPLETING),
  ELEMENT_COMPLETED(ProcessInstanceIntent.ELEMENT_COMPLETED),
  ELEMENT_TERMINATING(ProcessInstanceIntent.ELEMENT_TERMINATING),
  ELEMENT_TERMINATED(ProcessInstanceIntent.ELEMENT_TERMINATED);

  private final ProcessInstanceIntent intent;

  ElementState(ProcessInstanceIntent intent) {
    this.intent = intent;
  }

  /** The intent of the record written when an instance enters this state. */
  public ProcessInstanceIntent intent() {
    return intent;
  }

  /** The state the REST API reports: ACTIVE, COMPLETED or TERMINATED. */
  public String apiState() {
    return switch (this) {
      case ELEMENT_COMPLETED -> "COMPLETED";
      case ELEMENT_TERMINATED -> "TERMINATED";
      default -> "ACTIVE";
    };
  }
}
