package landwatch.engine.state;

/**
 * An element instance waiting for a message or a signal. The subscriber is the instance that
 * reacts: the catch event itself, the activity a boundary event is attached to, the event-based
 * gateway, or the scope of an event sub-process. A subscription does not change; its row of {@code
 * engine.message_subscription} is deleted when it closes.
 */
public final class EventSubscription extends StateRow {

  public enum Kind {
    MESSAGE,
    SIGNAL
  }

  private long key;
  private Kind kind;
  private String name;
  private String correlationKey;
  private long elementInstanceKey;
  private long processInstanceKey;
  private long processDefinitionKey;
  private String bpmnProcessId;
  private String targetElementId;
  private boolean interrupting = true;

  /** For reading rows. */
  private EventSubscription() {}

  /**
   * The subscriber waits for the event of {@code targetElementId}; a signal subscription has no
   * correlation key (null).
   */
  public EventSubscription(
      long key,
      Kind kind,
      String name,
      String correlationKey,
      ElementInstance subscriber,
      String targetElementId,
      boolean interrupting) {
    this.key = key;
    this.kind = kind;
    this.name = name;
    this.correlationKey = correlationKey;
    this.elementInstanceKey = subscriber.key();
    this.processInstanceKey = subscriber.processInstanceKey();
    this.processDefinitionKey = subscriber.processDefinitionKey();
    this.bpmnProcessId = subscriber.bpmnProcessId();
    this.targetElementId = targetElementId;
    this.interrupting = interrupting;
  }

  /**
   * Migration: the subscription triggers the catch element of the target version; the event it
   * waits for (name, correlation key) stays, so its index entry does too.
   */
  public void migrateTo(long processDefinitionKey, String bpmnProcessId, String targetElementId) {
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.targetElementId = targetElementId;
    changed();
  }

  @Override
  public long key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public String correlationKey() {
    return correlationKey;
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

  public String targetElementId() {
    return targetElementId;
  }

  public boolean interrupting() {
    return interrupting;
  }
}
