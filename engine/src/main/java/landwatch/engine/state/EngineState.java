package landwatch.engine.state;

import landwatch.engine.state.StateChanges.Table;

/**
 * The hot copy of the engine's state, read and changed only by the single writer: one store per
 * concern. Every change to it, whether through a store or a mutator of one of its objects, is
 * recorded in its pending changes, which the batch's write takes ({@link StateStore#prepare}) at
 * the end of the batch ({@link #changesTaken()}).
 */
public final class EngineState {

  private final StateChanges changes = new StateChanges();

  private final DeploymentState deployments = new DeploymentState(changes);
  private final VariableState variables = new VariableState(changes);
  private final ElementInstanceState instances =
      new ElementInstanceState(changes.table(Table.ELEMENT_INSTANCE), variables);
  private final JobState jobs = new JobState(changes.table(Table.JOB));
  private final TimerState timers = new TimerState(changes.table(Table.TIMER));
  private final EventSubscriptionState subscriptions =
      new EventSubscriptionState(changes.table(Table.SUBSCRIPTION));
  private final MessageState messages = new MessageState(changes.table(Table.MESSAGE));
  private final IncidentState incidents = new IncidentState(changes.table(Table.INCIDENT));
  private final DecisionHistory decisionHistory = new DecisionHistory(changes);
  private final UserTaskState userTasks = new UserTaskState(changes.table(Table.USER_TASK));
  private final HistoryState history = new HistoryState(changes.history);

  /** Whether anything changed since the last commit. */
  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /**
   * The pending changes were taken for the batch's transaction ({@link StateStore#prepare}): the
   * next batch starts empty.
   */
  public void changesTaken() {
    changes.clear();
  }

  StateChanges changes() {
    return changes;
  }

  /** Deployed process versions and stored resources. */
  public DeploymentState deployments() {
    return deployments;
  }

  public ElementInstanceState instances() {
    return instances;
  }

  public VariableState variables() {
    return variables;
  }

  public JobState jobs() {
    return jobs;
  }

  public TimerState timers() {
    return timers;
  }

  /** Message and signal subscriptions. */
  public EventSubscriptionState subscriptions() {
    return subscriptions;
  }

  /** Buffered messages. */
  public MessageState messages() {
    return messages;
  }

  public IncidentState incidents() {
    return incidents;
  }

  /** Decision instances, written once with their batch. */
  public DecisionHistory decisionHistory() {
    return decisionHistory;
  }

  /** Open Zeebe user tasks. */
  public UserTaskState userTasks() {
    return userTasks;
  }

  /** Sequence flows taken, message subscriptions and correlations, for the searches. */
  public HistoryState history() {
    return history;
  }

  /**
   * Every table is emptied when this batch commits (Zeebe's cluster purge, for tests); the writer
   * then loads the empty state.
   */
  public void purge() {
    changes.purged = true;
  }

  public boolean isPurged() {
    return changes.purged;
  }
}
