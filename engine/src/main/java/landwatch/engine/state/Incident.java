package landwatch.engine.state;

/**
 * A problem that stops an element instance until someone resolves it. Its row of {@code
 * engine.incident} stays as history once it is resolved.
 */
public final class Incident extends StateRow {

  private static final String ACTIVE = "ACTIVE";
  private static final String RESOLVED = "RESOLVED";

  private long key;
  private String errorType;
  private String errorMessage;
  private String state = ACTIVE;
  private long elementInstanceKey;
  private long processInstanceKey;
  private long processDefinitionKey;
  private String bpmnProcessId;
  private String elementId;
  private long jobKey = -1;
  private long creationTime;

  /** For reading rows. */
  private Incident() {}

  /** A new incident of the element instance (and of its job, else {@code jobKey} -1), ACTIVE. */
  public Incident(
      long key,
      String errorType,
      String errorMessage,
      ElementInstance instance,
      long jobKey,
      long creationTime) {
    this.key = key;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
    this.elementInstanceKey = instance.key();
    this.processInstanceKey = instance.processInstanceKey();
    this.processDefinitionKey = instance.processDefinitionKey();
    this.bpmnProcessId = instance.bpmnProcessId();
    this.elementId = instance.elementId();
    this.jobKey = jobKey;
    this.creationTime = creationTime;
  }

  void resolved() {
    state = RESOLVED;
    changed();
  }

  /** Migration: the incident is about the element of the target version. */
  public void migrateTo(long processDefinitionKey, String bpmnProcessId, String elementId) {
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.elementId = elementId;
    changed();
  }

  @Override
  public long key() {
    return key;
  }

  public String errorType() {
    return errorType;
  }

  public String errorMessage() {
    return errorMessage;
  }

  /** {@code ACTIVE} or {@code RESOLVED}. */
  public String state() {
    return state;
  }

  public long elementInstanceKey() {
    return elementInstanceKey;
  }

  public long processInstanceKey() {
    return processInstanceKey;
  }

  public long processDefinitionKey() {
    return processDefinitionKey;
  }

  public String bpmnProcessId() {
    return bpmnProcessId;
  }

  public String elementId() {
    return elementId;
  }

  /** The job whose failure raised it, or -1. */
  public long jobKey() {
    return jobKey;
  }

  public long creationTime() {
    return creationTime;
  }
}
