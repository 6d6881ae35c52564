package landwatch.engine.state;

/**
 * A timer waiting to fire. For start events of a process the element instance key is -1; for a
 * boundary event it is the instance of the activity it is attached to; for an event sub-process
 * start it is the instance of the enclosing scope. A timer does not change: a cycle's next
 * repetition is a timer of its own. Its row of {@code engine.timer} is deleted when it fires or is
 * cancelled.
 */
public final class Timer extends StateRow {
  private long key;
  private long elementInstanceKey = -1;
  private long processInstanceKey = -1;
  private long processDefinitionKey;
  private String bpmnProcessId;
  private String targetElementId;
  private long dueDate;

  /** Repetitions left for a cycle; -1 repeats forever; 1 for a date or duration. */
  private int repetitions = 1;

  /** ISO-8601 interval of a cycle, else null. */
  private String interval;

  /** For reading rows. */
  private Timer() {}

  private Timer(
      long key,
      long processDefinitionKey,
      String bpmnProcessId,
      String targetElementId,
      long dueDate,
      int repetitions,
      String interval) {
    this.key = key;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.targetElementId = targetElementId;
    this.dueDate = dueDate;
    this.repetitions = repetitions;
    this.interval = interval;
  }

  /** The timer of a process version's timer start event. */
  public static Timer ofStartEvent(
      long key,
      DeployedProcess process,
      String startEventId,
      long dueDate,
      int repetitions,
      String interval) {
    return new Timer(
        key, process.key(), process.bpmnProcessId(), startEventId, dueDate, repetitions, interval);
  }

  /**
   * The timer of an element the instance waits at (itself, a boundary event, an event sub-process
   * start).
   */
  public static Timer of(
      long key,
      ElementInstance instance,
      String targetElementId,
      long dueDate,
      int repetitions,
      String interval) {
    Timer timer =
        new Timer(
            key,
            instance.processDefinitionKey(),
            instance.bpmnProcessId(),
            targetElementId,
            dueDate,
            repetitions,
            interval);
    timer.elementInstanceKey = instance.key();
    timer.processInstanceKey = instance.processInstanceKey();
    return timer;
  }

  /**
   * The next repetition of a cycle, due at {@code dueDate}: one repetition less, unless it repeats
   * forever.
   */
  public Timer next(long key, long dueDate) {
    Timer next =
        new Timer(
            key,
            processDefinitionKey,
            bpmnProcessId,
            targetElementId,
            dueDate,
            repetitions < 0 ? -1 : repetitions - 1,
            interval);
    next.elementInstanceKey = elementInstanceKey;
    next.processInstanceKey = processInstanceKey;
    return next;
  }

  /** Migration: the timer triggers the catch element of the target version; its due date stays. */
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

  public long dueDate() {
    return dueDate;
  }

  public int repetitions() {
    return repetitions;
  }

  public String interval() {
    return interval;
  }
}
