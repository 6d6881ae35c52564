package landwatch.engine.state;

/**
 * An element instance waiting for a message or a signal. The subscriber is the instance that
 * reacts: the catch event itself, the activity a boundary event is attached to, the event-based
 * gateway, or the scope of an event sub-process.
 */
public final class EventSubscription {

  public enum Kind { MESSAGE, SIGNAL }

  public long key;
  public Kind kind;
  public String name;
  public String correlationKey;
  public long elementInstanceKey;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public String targetElementId;
  public boolean interrupting = true;
}
