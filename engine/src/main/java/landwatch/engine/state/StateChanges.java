package landwatch.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one batch changed, coalesced per row: an instance created and completed in the same batch is
 * written once, with its final value. Taken for the batch's transaction ({@link
 * StateStore#prepare}) and then cleared ({@link #clear()}).
 */
final class StateChanges {

  /** The tables whose rows are objects of the hot state ({@link StateRow}s). */
  enum Table {
    JOB,
    TIMER,
    SUBSCRIPTION,
    MESSAGE,
    INCIDENT,
    ELEMENT_INSTANCE,
    USER_TASK
  }

  /** A variable value to write, with its key and the process instance it belongs to. */
  record VariableRow(long processInstanceKey, long key, Object value) {}

  /** The changed rows of one table, each queued once, and the keys of the deleted ones. */
  static final class TableChanges {
    private final List<StateRow> queued = new ArrayList<>();
    private final Set<Long> deleted = new LinkedHashSet<>();

    void queue(StateRow row) {
      queued.add(row);
    }

    void delete(StateRow row) {
      row.untrack();
      deleted.add(row.key());
    }

    void undelete(long key) {
      if (!deleted.isEmpty()) {
        deleted.remove(key);
      }
    }

    /** The rows to write: those changed and still part of the state. */
    List<StateRow> upserts() {
      List<StateRow> rows = new ArrayList<>(queued.size());
      for (StateRow row : queued) {
        if (row.isTracked()) {
          rows.add(row);
        }
      }
      return rows;
    }

    Set<Long> deletes() {
      return deleted;
    }

    boolean isEmpty() {
      return queued.isEmpty() && deleted.isEmpty();
    }

    void clear() {
      queued.forEach(StateRow::written);
      queued.clear();
      deleted.clear();
    }
  }

  private final Map<Table, TableChanges> tables = new EnumMap<>(Table.class);

  /** Per scope, so that an ended scope drops its pending rows without scanning everyone's. */
  final Map<Long, Map<String, VariableRow>> variableUpserts = new LinkedHashMap<>();

  final Map<Long, DeployedProcess> processes = new LinkedHashMap<>();

  /** History rows (sequence flows, message subscriptions, correlations): written, never loaded. */
  final HistoryChanges history = new HistoryChanges();

  /** Every table is emptied before this batch's changes are written. */
  boolean purged;

  final Map<Long, DeployedResource> resources = new LinkedHashMap<>();
  final Map<Long, DeployedDecision> decisions = new LinkedHashMap<>();

  /** History: inserted once, never read back into the hot state. */
  final List<DecisionInstance> decisionInstances = new ArrayList<>();

  StateChanges() {
    for (Table table : Table.values()) {
      tables.put(table, new TableChanges());
    }
  }

  TableChanges table(Table table) {
    return tables.get(table);
  }

  Collection<Map.Entry<Table, TableChanges>> tables() {
    return tables.entrySet();
  }

  void variable(long scopeKey, String name, long processInstanceKey, long key, Object value) {
    variableUpserts
        .computeIfAbsent(scopeKey, k -> new LinkedHashMap<>())
        .put(name, new VariableRow(processInstanceKey, key, value));
  }

  boolean isEmpty() {
    for (TableChanges table : tables.values()) {
      if (!table.isEmpty()) {
        return false;
      }
    }
    return variableUpserts.isEmpty()
        && history.isEmpty()
        && !purged
        && processes.isEmpty()
        && resources.isEmpty()
        && decisions.isEmpty()
        && decisionInstances.isEmpty();
  }

  void clear() {
    tables.values().forEach(TableChanges::clear);
    variableUpserts.clear();
    history.clear();
    purged = false;
    processes.clear();
    resources.clear();
    decisions.clear();
    decisionInstances.clear();
  }
}
