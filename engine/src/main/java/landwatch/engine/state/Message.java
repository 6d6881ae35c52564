package landwatch.engine.state;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A published message, buffered until its time to live has passed. */
public final class Message {
  public long key;
  public String name;
  public String correlationKey;
  public String messageId;
  public Map<String, Object> variables;
  public long deadline;
  /** A message is correlated at most once per process instance and per process for start events. */
  public Set<Long> correlatedInstances = new HashSet<>();
  public Set<String> startedProcesses = new HashSet<>();
}
