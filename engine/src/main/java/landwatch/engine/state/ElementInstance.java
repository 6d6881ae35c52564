package landwatch.engine.state;

import java.util.HashMap;
import java.util.Map;
import landwatch.engine.model.ElementType;

/**
 * A live element instance. Every element instance is also a variable scope (its key is the scope
 * key); the process instance is the element instance of the process itself.
 */
public final class ElementInstance {
  public long key;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int version;
  public String elementId;
  public ElementType type;
  public ElementState state;
  public long flowScopeKey = -1;
  public long parentProcessInstanceKey = -1;
  public long parentElementInstanceKey = -1;
  public long startDate;
  public Long endDate;
  public long incidentKey = -1;
  public long jobKey = -1;

  /** Children not yet completed or terminated; a container completes when this reaches zero. */
  public int activeChildren;
  /** Parallel joins: "gatewayId/flowId" to the number of tokens waiting on that flow. */
  public Map<String, Integer> joinTokens = new HashMap<>();

  /** Call activity: the process instance it started. */
  public long calledInstanceKey = -1;

  /** Multi-instance: the body's progress; the inner instance's position (1-based). */
  public int loopCounter;
  public int loopTotal;
  public int loopCompleted;
  public boolean loopCompletionConditionMet;
  /** Multi-instance body: the size of its output collection as a variable document, kept as it grows. */
  public long outputCollectionBytes;

  /**
   * An event that interrupted this instance: the element to activate once it has terminated, and
   * the variables the event carried.
   */
  public String triggerElementId;
  public Map<String, Object> triggerVariables;
  /** The instance whose children are terminated by an interrupting event sub-process. */
  public boolean interruptedByEventSubProcess;

  /** A process instance started by a message with a correlation key: the key, while it runs. */
  public String startCorrelationKey;

  /** The lifecycle step an incident stopped: re-run on resolution. */
  public String failedStep;
}
