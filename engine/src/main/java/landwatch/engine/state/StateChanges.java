package landwatch.engine.state;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one batch changed, coalesced per row: an instance created and completed in the same batch
 * is written once. Applied to the state tables in the batch's transaction.
 */
public final class StateChanges {

  public enum Table { JOB, TIMER, SUBSCRIPTION, MESSAGE, INCIDENT, ELEMENT_INSTANCE, PROCESS, RESOURCE }

  /** A variable value to write, with the process instance it belongs to. */
  public record VariableRow(long processInstanceKey, Object value) {}

  final Map<Table, Map<Long, Object>> upserts = new EnumMap<>(Table.class);
  final Map<Table, Set<Long>> deletes = new EnumMap<>(Table.class);
  /** Per scope, so that an ended scope drops its pending rows without scanning everyone's. */
  final Map<Long, Map<String, VariableRow>> variableUpserts = new LinkedHashMap<>();
  final Set<Long> deletedScopes = new LinkedHashSet<>();

  public void upsert(Table table, long key, Object row) {
    upserts.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, row);
    Set<Long> deleted = deletes.get(table);
    if (deleted != null) {
      deleted.remove(key);
    }
  }

  public void delete(Table table, long key) {
    Map<Long, Object> pending = upserts.get(table);
    if (pending != null) {
      pending.remove(key);
    }
    deletes.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(key);
  }

  public void variable(long scopeKey, String name, long processInstanceKey, Object value) {
    variableUpserts.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>()).put(name, new VariableRow(processInstanceKey, value));
  }

  public void deleteScope(long scopeKey) {
    variableUpserts.remove(scopeKey);
    deletedScopes.add(scopeKey);
  }

  public boolean isEmpty() {
    return upserts.values().stream().allMatch(Map::isEmpty)
        && deletes.values().stream().allMatch(Set::isEmpty)
        && variableUpserts.isEmpty()
        && deletedScopes.isEmpty();
  }

  public void clear() {
    upserts.clear();
    deletes.clear();
    variableUpserts.clear();
    deletedScopes.clear();
  }
}
