package landwatch.engine.state;

/**
 * The decision instances evaluations produce: history, written with the batch to {@code
 * engine.decision_instance} and not kept in the hot state (searches read the table).
 */
public final class DecisionHistory {

  private final StateChanges changes;

  DecisionHistory(StateChanges changes) {
    this.changes = changes;
  }

  public void add(DecisionInstance instance) {
    changes.decisionInstances.add(instance);
  }
}
