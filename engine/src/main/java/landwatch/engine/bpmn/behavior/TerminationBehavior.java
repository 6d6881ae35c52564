package landwatch.engine.bpmn.behavior;

import landwatch.engine.state.ElementInstance;

/**
 * The termination of an element instance that holds no children (tasks, events, gateways): what it
 * still holds in the engine is released before it ends, so that no job stays activatable, no
 * subscription can trigger it and no incident stays open for an instance that is gone.
 */
public final class TerminationBehavior {

  private final JobBehavior jobs;
  private final EventSubscriptionBehavior subscriptions;
  private final IncidentBehavior incidents;
  private final BpmnStateTransitions transitions;

  public TerminationBehavior(
      JobBehavior jobs,
      EventSubscriptionBehavior subscriptions,
      IncidentBehavior incidents,
      BpmnStateTransitions transitions) {
    this.jobs = jobs;
    this.subscriptions = subscriptions;
    this.incidents = incidents;
    this.transitions = transitions;
  }

  /**
   * Cancels the instance's job, closes its subscriptions, resolves its incidents and ends it
   * terminated.
   */
  public void terminateLeaf(ElementInstance instance) {
    jobs.cancelJob(instance);
    subscriptions.unsubscribe(instance);
    incidents.resolveAll(instance);
    transitions.transitionToTerminated(instance);
  }
}
