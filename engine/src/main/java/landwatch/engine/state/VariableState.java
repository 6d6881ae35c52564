package landwatch.engine.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The variables of the running scopes (element instances), by scope, each with its key. The rows of
 * an ended scope stay in {@code engine.variable} as history; only the hot state drops them.
 */
public final class VariableState {

  private final Map<Long, Map<String, Object>> variables = new HashMap<>();
  private final Map<Long, Map<String, Long>> keys = new HashMap<>();
  private final StateChanges changes;

  VariableState(StateChanges changes) {
    this.changes = changes;
  }

  /** The scope's own variables, read-only: they change through {@link #set}. */
  public Map<String, Object> local(long scopeKey) {
    Map<String, Object> local = variables.get(scopeKey);
    return local == null ? Map.of() : Collections.unmodifiableMap(local);
  }

  /**
   * Sets the variable and returns its key: an existing variable keeps its own, a new one takes
   * {@code newKey}'s.
   */
  public long set(
      long scopeKey, long processInstanceKey, String name, Object value, LongSupplier newKey) {
    Map<String, Long> scopeKeys = keys.computeIfAbsent(scopeKey, k -> new HashMap<>());
    Long key = scopeKeys.get(name);
    if (key == null) {
      key = newKey.getAsLong();
      scopeKeys.put(name, key);
    }
    variables.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>()).put(name, value);
    changes.variable(scopeKey, name, processInstanceKey, key, value);
    return key;
  }

  /** The key of the scope's variable, or -1 when it has none of this name. */
  public long key(long scopeKey, String name) {
    Long key = keys.getOrDefault(scopeKey, Map.of()).get(name);
    return key == null ? -1 : key;
  }

  void load(long scopeKey, String name, long key, Object value) {
    variables.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>()).put(name, value);
    keys.computeIfAbsent(scopeKey, k -> new HashMap<>()).put(name, key);
  }

  /** The scope ended: its variables leave the hot state, their rows stay as history. */
  void removeScope(long scopeKey) {
    variables.remove(scopeKey);
    keys.remove(scopeKey);
  }

  /** The scopes holding variables. */
  public Iterable<Long> scopes() {
    return Collections.unmodifiableSet(variables.keySet());
  }
}
