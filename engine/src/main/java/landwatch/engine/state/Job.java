package landwatch.engine.state;

import java.util.Collections;
import java.util.Map;

/**
 * A unit of work for a job worker, created when a job-based element is activated. Its row of {@code
 * engine.job} is written whenever it changes (see {@link StateRow}) and deleted when the job ends.
 */
public final class Job extends StateRow {

  public enum State {
    ACTIVATABLE,
    ACTIVATED,
    FAILED,
    ERROR_THROWN
  }

  /** Zeebe's job kinds this engine creates. */
  public enum Kind {
    BPMN_ELEMENT,
    TASK_LISTENER
  }

  private long key;

  /**
   * Null for an element's job ({@link Kind#BPMN_ELEMENT}), so its row stays as it was before task
   * listeners; the same for the two fields below.
   */
  private Kind kind;

  /** A task listener's event type (CREATING, ASSIGNING, …), else null. */
  private String listenerEventType;

  /** A task listener's user task, else null. */
  private Long userTaskKey;

  private String type;
  private State state = State.ACTIVATABLE;
  private int retries;
  private String worker = "";
  private long deadline = -1;

  /** After a failure with back-off, activatable again from this time. */
  private long retryBackoffUntil = -1;

  private String errorMessage = "";
  private Map<String, String> customHeaders;
  private long elementInstanceKey;
  private long processInstanceKey;
  private long processDefinitionKey;
  private String bpmnProcessId;
  private int version;
  private String elementId;

  /** Keeps its activatable jobs per type while the job is part of the hot state. */
  private transient JobState store;

  /** For reading rows. */
  private Job() {}

  /** A new job of the element instance, ACTIVATABLE. */
  public Job(
      long key,
      String type,
      int retries,
      Map<String, String> customHeaders,
      ElementInstance instance) {
    this.key = key;
    this.type = type;
    this.retries = retries;
    this.customHeaders = customHeaders;
    this.elementInstanceKey = instance.key();
    this.processInstanceKey = instance.processInstanceKey();
    this.processDefinitionKey = instance.processDefinitionKey();
    this.bpmnProcessId = instance.bpmnProcessId();
    this.version = instance.version();
    this.elementId = instance.elementId();
  }

  /** A task listener's job: it runs before the task's transition takes effect. */
  public static Job taskListener(
      long key,
      String type,
      int retries,
      Map<String, String> customHeaders,
      ElementInstance instance,
      String listenerEventType,
      long userTaskKey) {
    Job job = new Job(key, type, retries, customHeaders, instance);
    job.kind = Kind.TASK_LISTENER;
    job.listenerEventType = listenerEventType;
    job.userTaskKey = userTaskKey;
    return job;
  }

  void heldBy(JobState store) {
    this.store = store;
  }

  private void transitionTo(State state) {
    this.state = state;
    if (store != null) {
      store.stateChanged(this);
    }
    changed();
  }

  /** Handed to a worker until the deadline. */
  public void activate(String worker, long deadline) {
    this.worker = worker;
    this.deadline = deadline;
    transitionTo(State.ACTIVATED);
  }

  /**
   * Back from its worker (timed out, or its response never reached the worker): activatable again.
   */
  public void release() {
    worker = "";
    deadline = -1;
    transitionTo(State.ACTIVATABLE);
  }

  /** The worker failed it: it is no longer held, and what happens next depends on its retries. */
  public void fail(int retries, String errorMessage) {
    this.retries = retries;
    this.errorMessage = errorMessage;
    this.worker = "";
    this.deadline = -1;
    changed();
  }

  /** Failed with retries left, activatable again at once. */
  public void retry() {
    transitionTo(State.ACTIVATABLE);
  }

  /** Failed with retries left, activatable again once the back-off has passed. */
  public void backOff(long until) {
    retryBackoffUntil = until;
    transitionTo(State.FAILED);
  }

  /** Failed for good: activatable only once its incident is resolved. */
  public void stop() {
    retryBackoffUntil = -1;
    transitionTo(State.FAILED);
  }

  /** Its back-off has passed or its incident was resolved: activatable again. */
  public void recur() {
    retryBackoffUntil = -1;
    transitionTo(State.ACTIVATABLE);
  }

  /** The worker threw a BPMN error that nothing caught: it waits for its incident. */
  public void errorThrown(String errorMessage) {
    this.errorMessage = errorMessage;
    transitionTo(State.ERROR_THROWN);
  }

  /** Migration: the job belongs to the element of the target version; its type stays. */
  public void migrateTo(
      long processDefinitionKey, String bpmnProcessId, int version, String elementId) {
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.version = version;
    this.elementId = elementId;
    changed();
  }

  public void setRetries(int retries) {
    this.retries = retries;
    changed();
  }

  public void setDeadline(long deadline) {
    this.deadline = deadline;
    changed();
  }

  @Override
  public long key() {
    return key;
  }

  public String type() {
    return type;
  }

  public Kind kind() {
    return kind == null ? Kind.BPMN_ELEMENT : kind;
  }

  public String listenerEventType() {
    return listenerEventType;
  }

  /** A task listener's user task, else -1. */
  public long userTaskKey() {
    return userTaskKey == null ? -1 : userTaskKey;
  }

  public State state() {
    return state;
  }

  public int retries() {
    return retries;
  }

  public String worker() {
    return worker;
  }

  /** While ACTIVATED, when its worker's time is up; else -1. */
  public long deadline() {
    return deadline;
  }

  public long retryBackoffUntil() {
    return retryBackoffUntil;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public Map<String, String> customHeaders() {
    return Collections.unmodifiableMap(customHeaders);
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

  public int version() {
    return version;
  }

  public String elementId() {
    return elementId;
  }
}
