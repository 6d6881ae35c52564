package landwatch.engine.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import landwatch.engine.model.ElementType;

/**
 * A live element instance. Every element instance is also a variable scope (its key is the scope
 * key); the process instance is the element instance of the process itself. Its row of {@code
 * engine.element_instance} is written whenever it changes (see {@link StateRow}), and stays as
 * history once it has ended.
 */
public final class ElementInstance extends StateRow {
  private long key;
  private long processInstanceKey;
  private long processDefinitionKey;
  private String bpmnProcessId;
  private int version;
  private String elementId;
  private ElementType type;
  private ElementState state;
  private long flowScopeKey = -1;
  private long parentProcessInstanceKey = -1;
  private long parentElementInstanceKey = -1;
  private long startDate;
  private Long endDate;
  private long incidentKey = -1;
  private long jobKey = -1;

  /** Children not yet completed or terminated; a container completes when this reaches zero. */
  private int activeChildren;

  /** Parallel joins: "gatewayId/flowId" to the number of tokens waiting on that flow. */
  private Map<String, Integer> joinTokens = new HashMap<>();

  /** Call activity: the process instance it started. */
  private long calledInstanceKey = -1;

  /** Multi-instance: the body's progress; the inner instance's position (1-based). */
  private int loopCounter;

  private int loopTotal;
  private int loopCompleted;
  private boolean loopCompletionConditionMet;

  /**
   * Multi-instance body: the size of its output collection as a variable document, kept as it
   * grows.
   */
  private long outputCollectionBytes;

  /**
   * An event that interrupted this instance: the element to activate once it has terminated, and
   * the variables the event carried.
   */
  private String triggerElementId;

  private Map<String, Object> triggerVariables;

  /** The instance whose children are terminated by an interrupting event sub-process. */
  private boolean interruptedByEventSubProcess;

  /** A process instance started by a message with a correlation key: the key, while it runs. */
  private String startCorrelationKey;

  /** The lifecycle step an incident stopped: re-run on resolution. */
  private String failedStep;

  /** Kept up to date with the fields it indexes while the instance is part of the hot state. */
  private transient ElementInstanceState store;

  /** For reading rows. */
  private ElementInstance() {}

  private ElementInstance(
      long key,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      String elementId,
      ElementType type,
      long startDate) {
    this.key = key;
    this.processInstanceKey = processInstanceKey;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.version = version;
    this.elementId = elementId;
    this.type = type;
    this.state = ElementState.ELEMENT_ACTIVATING;
    this.startDate = startDate;
  }

  /**
   * A new process instance of the version, ACTIVATING; its key is also its process instance key.
   */
  public static ElementInstance processInstance(long key, DeployedProcess process, long startDate) {
    return new ElementInstance(
        key,
        key,
        process.key(),
        process.bpmnProcessId(),
        process.version(),
        process.bpmnProcessId(),
        ElementType.PROCESS,
        startDate);
  }

  /** A new child of the flow scope, ACTIVATING. */
  public static ElementInstance child(
      long key, ElementInstance flowScope, String elementId, ElementType type, long startDate) {
    ElementInstance child =
        new ElementInstance(
            key,
            flowScope.processInstanceKey,
            flowScope.processDefinitionKey,
            flowScope.bpmnProcessId,
            flowScope.version,
            elementId,
            type,
            startDate);
    child.flowScopeKey = flowScope.key;
    return child;
  }

  void heldBy(ElementInstanceState store) {
    this.store = store;
  }

  @Override
  public long key() {
    return key;
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

  public ElementType type() {
    return type;
  }

  /**
   * Migration: the instance goes on as an instance of the element of the target version; its type
   * stays (the migration checked that the target element has it).
   */
  public void migrateTo(DeployedProcess target, String targetElementId) {
    String previousProcessId = bpmnProcessId;
    processDefinitionKey = target.key();
    bpmnProcessId = target.bpmnProcessId();
    version = target.version();
    elementId = targetElementId;
    if (store != null && startCorrelationKey != null) {
      store.processIdChanged(this, previousProcessId);
    }
    changed();
  }

  public ElementState state() {
    return state;
  }

  public void transitionTo(ElementState state) {
    this.state = state;
    changed();
  }

  /** -1 for a process instance. */
  public long flowScopeKey() {
    return flowScopeKey;
  }

  /** The calling process instance, or -1. */
  public long parentProcessInstanceKey() {
    return parentProcessInstanceKey;
  }

  /** The calling call activity's instance, or -1. */
  public long parentElementInstanceKey() {
    return parentElementInstanceKey;
  }

  /** A process instance started by a call activity. */
  public void calledBy(ElementInstance callActivity) {
    parentProcessInstanceKey = callActivity.processInstanceKey;
    parentElementInstanceKey = callActivity.key;
    changed();
  }

  public long startDate() {
    return startDate;
  }

  /** Null while the instance runs. */
  public Long endDate() {
    return endDate;
  }

  public void setEndDate(long endDate) {
    this.endDate = endDate;
    changed();
  }

  /** The incident that stopped the instance, or -1. */
  public long incidentKey() {
    return incidentKey;
  }

  public void setIncidentKey(long incidentKey) {
    this.incidentKey = incidentKey;
    changed();
  }

  /** The job of a job-based element, or -1. */
  public long jobKey() {
    return jobKey;
  }

  public void setJobKey(long jobKey) {
    this.jobKey = jobKey;
    changed();
  }

  public int activeChildren() {
    return activeChildren;
  }

  public void childActivated() {
    activeChildren++;
    changed();
  }

  public void childEnded() {
    activeChildren--;
    changed();
  }

  /** The flows that tokens wait on at joins of this scope, as "gatewayId/flowId". */
  public Set<String> joinTokenNames() {
    return Collections.unmodifiableSet(joinTokens.keySet());
  }

  public boolean hasJoinTokens() {
    return !joinTokens.isEmpty();
  }

  /** The tokens waiting on "gatewayId/flowId"; 0 when none. */
  public int joinTokens(String token) {
    return joinTokens.getOrDefault(token, 0);
  }

  public void addJoinToken(String token) {
    joinTokens.merge(token, 1, Integer::sum);
    changed();
  }

  /** Takes one of the tokens waiting on "gatewayId/flowId", if there is one. */
  public void consumeJoinToken(String token) {
    Integer count = joinTokens.get(token);
    if (count != null) {
      if (count == 1) {
        joinTokens.remove(token);
      } else {
        joinTokens.put(token, count - 1);
      }
      changed();
    }
  }

  public void clearJoinTokens() {
    joinTokens.clear();
    changed();
  }

  /** The process instance a call activity started, or -1. */
  public long calledInstanceKey() {
    return calledInstanceKey;
  }

  public void setCalledInstanceKey(long calledInstanceKey) {
    this.calledInstanceKey = calledInstanceKey;
    changed();
  }

  public int loopCounter() {
    return loopCounter;
  }

  public void setLoopCounter(int loopCounter) {
    this.loopCounter = loopCounter;
    changed();
  }

  public int loopTotal() {
    return loopTotal;
  }

  public void setLoopTotal(int loopTotal) {
    this.loopTotal = loopTotal;
    changed();
  }

  public int loopCompleted() {
    return loopCompleted;
  }

  public boolean loopCompletionConditionMet() {
    return loopCompletionConditionMet;
  }

  /**
   * An inner instance of the body counted as completed; once the condition was met it stays met.
   */
  public void loopIterationCompleted(boolean completionConditionMet) {
    loopCompleted++;
    loopCompletionConditionMet |= completionConditionMet;
    changed();
  }

  public long outputCollectionBytes() {
    return outputCollectionBytes;
  }

  public void setOutputCollectionBytes(long outputCollectionBytes) {
    this.outputCollectionBytes = outputCollectionBytes;
    changed();
  }

  public String triggerElementId() {
    return triggerElementId;
  }

  public void setTriggerElementId(String triggerElementId) {
    this.triggerElementId = triggerElementId;
    changed();
  }

  /** Read-only: a change goes through {@link #setTriggerVariables}, which records it. */
  public Map<String, Object> triggerVariables() {
    return triggerVariables == null ? null : Collections.unmodifiableMap(triggerVariables);
  }

  public void setTriggerVariables(Map<String, Object> triggerVariables) {
    this.triggerVariables = triggerVariables;
    changed();
  }

  public boolean interruptedByEventSubProcess() {
    return interruptedByEventSubProcess;
  }

  public void setInterruptedByEventSubProcess(boolean interruptedByEventSubProcess) {
    this.interruptedByEventSubProcess = interruptedByEventSubProcess;
    changed();
  }

  public String startCorrelationKey() {
    return startCorrelationKey;
  }

  /** A process instance a message start event created for this correlation key. */
  public void setStartCorrelationKey(String startCorrelationKey) {
    String previous = this.startCorrelationKey;
    this.startCorrelationKey = startCorrelationKey;
    if (store != null) {
      store.startCorrelationKeyChanged(this, previous);
    }
    changed();
  }

  public String failedStep() {
    return failedStep;
  }

  public void setFailedStep(String failedStep) {
    this.failedStep = failedStep;
    changed();
  }
}
