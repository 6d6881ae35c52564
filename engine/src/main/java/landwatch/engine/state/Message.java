package landwatch.engine.state;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A published message, buffered until its time to live has passed. Its row of {@code
 * engine.message} is written whenever it changes (see {@link StateRow}) and deleted when it
 * expires. A message correlated at once, or published without a time to live, is never part of the
 * state: it is only correlated.
 */
public final class Message extends StateRow {
  private long key;
  private String name;
  private String correlationKey;
  private String messageId;
  private Map<String, Object> variables;
  private long deadline;

  /** A message is correlated at most once per process instance and per process for start events. */
  private Set<Long> correlatedInstances = new HashSet<>();

  private Set<String> startedProcesses = new HashSet<>();

  /** For reading rows. */
  private Message() {}

  /** An empty {@code messageId} is none (null). */
  public Message(
      long key,
      String name,
      String correlationKey,
      String messageId,
      Map<String, Object> variables,
      long deadline) {
    this.key = key;
    this.name = name;
    this.correlationKey = correlationKey;
    this.messageId = messageId == null || messageId.isEmpty() ? null : messageId;
    this.variables = variables;
    this.deadline = deadline;
  }

  @Override
  public long key() {
    return key;
  }

  public String name() {
    return name;
  }

  public String correlationKey() {
    return correlationKey;
  }

  /** The publisher's id for de-duplication, or null. */
  public String messageId() {
    return messageId;
  }

  public Map<String, Object> variables() {
    return variables == null ? null : Collections.unmodifiableMap(variables);
  }

  /** When its time to live has passed. */
  public long deadline() {
    return deadline;
  }

  public boolean isCorrelatedTo(long processInstanceKey) {
    return correlatedInstances.contains(processInstanceKey);
  }

  public void correlatedTo(long processInstanceKey) {
    correlatedInstances.add(processInstanceKey);
    changed();
  }

  public boolean hasStarted(String bpmnProcessId) {
    return startedProcesses.contains(bpmnProcessId);
  }

  /** The message started an instance of the process through a message start event. */
  public void started(String bpmnProcessId) {
    startedProcesses.add(bpmnProcessId);
    changed();
  }
}
