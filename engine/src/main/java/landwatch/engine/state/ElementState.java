package landwatch.engine.state;

/** Zeebe's element instance lifecycle; the names are also the intents of the records written. */
public enum ElementState {
  ELEMENT_ACTIVATING,
  ELEMENT_ACTIVATED,
  ELEMENT_COMPLETING,
  ELEMENT_COMPLETED,
  ELEMENT_TERMINATING,
  ELEMENT_TERMINATED;

  /** The state the REST API reports: ACTIVE, COMPLETED or TERMINATED. */
  public String apiState() {
    return switch (this) {
      case ELEMENT_COMPLETED -> "COMPLETED";
      case ELEMENT_TERMINATED -> "TERMINATED";
      default -> "ACTIVE";
    };
  }
}
