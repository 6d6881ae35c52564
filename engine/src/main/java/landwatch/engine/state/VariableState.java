package landwatch.engine.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The variables of the running scopes (element instances), by scope. */
public final class VariableState {

  private final Map<Long, Map<String, Object>> variables = new HashMap<>();
  private final StateChanges changes;

  VariableState(StateChanges changes) {
    this.changes = changes;
  }

  /** The scope's own variables, read-only: they change through {@link #set}. */
  public Map<String, Object> local(long scopeKey) {
    Map<String, Object> local = variables.get(scopeKey);
    return local == null ? Map.of() : Collections.unmodifiableMap(local);
  }

  public void set(long scopeKey, long processInstanceKey, String name, Object value) {
    variables.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>()).put(name, value);
    changes.variable(scopeKey, name, processInstanceKey, value);
  }

  void load(long scopeKey, String name, Object value) {
    variables.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>()).put(name, value);
  }

  /** The scope ended: its variables go. */
  void removeScope(long scopeKey) {
    if (variables.remove(scopeKey) != null) {
      changes.deleteScope(scopeKey);
    }
  }

  /** The scopes holding variables. */
  public Iterable<Long> scopes() {
    return Collections.unmodifiableSet(variables.keySet());
  }
}
