package landwatch.engine.state;

/**
 * A timer waiting to fire. For start events of a process the element instance key is -1; for a
 * boundary event it is the instance of the activity it is attached to; for an event sub-process
 * start it is the instance of the enclosing scope.
 */
public final class Timer {
  public long key;
  public long elementInstanceKey = -1;
  public long processInstanceKey = -1;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public String targetElementId;
  public long dueDate;
  /** Repetitions left for a cycle; -1 repeats forever; 1 for a date or duration. */
  public int repetitions = 1;
  /** ISO-8601 interval of a cycle, else null. */
  public String interval;
}
