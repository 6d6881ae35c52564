package landwatch.engine.state;

/**
 * What the cockpit's searches read and the writer never does: the sequence flows taken, the process
 * message subscriptions with their last state, and every correlation of a message to a
 * subscription. Write-only, so it holds nothing between batches and loads nothing on start.
 */
public final class HistoryState {

  static final String CREATED = "CREATED";
  static final String CORRELATED = "CORRELATED";
  static final String DELETED = "DELETED";

  private final HistoryChanges changes;

  HistoryState(HistoryChanges changes) {
    this.changes = changes;
  }

  /** Kept once per flow and process instance, however often a loop takes it. */
  public void sequenceFlowTaken(ElementInstance flowScope, String flowId) {
    changes.sequenceFlows.add(
        new HistoryChanges.SequenceFlow(
            flowScope.processInstanceKey(),
            flowId,
            flowScope.processDefinitionKey(),
            flowScope.bpmnProcessId()));
  }

  public void subscriptionOpened(EventSubscription subscription, long now) {
    if (subscription.kind() == EventSubscription.Kind.MESSAGE) {
      state(subscription, CREATED, now);
    }
  }

  public void messageCorrelated(EventSubscription subscription, long messageKey, long now) {
    state(subscription, CORRELATED, now);
    changes.correlations.add(new HistoryChanges.Correlation(subscription, messageKey, now));
  }

  /**
   * An interrupting subscription closed because its message correlated in this batch stays
   * CORRELATED, as in Zeebe, where such a subscription is not deleted but consumed.
   */
  public void subscriptionClosed(EventSubscription subscription, long now) {
    if (subscription.kind() != EventSubscription.Kind.MESSAGE) {
      return;
    }
    HistoryChanges.Subscription pending = changes.subscriptions.get(subscription.key());
    if (pending != null && pending.state().equals(CORRELATED) && subscription.interrupting()) {
      return;
    }
    state(subscription, DELETED, now);
  }

  private void state(EventSubscription subscription, String state, long now) {
    changes.subscriptions.put(
        subscription.key(), new HistoryChanges.Subscription(subscription, state, now));
  }
}
