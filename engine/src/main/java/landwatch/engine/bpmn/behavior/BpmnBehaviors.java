package landwatch.engine.bpmn.behavior;

import landwatch.engine.bpmn.BpmnContext;

/** The shared behaviours every element processor is built from. */
public record BpmnBehaviors(
    BpmnContext ctx,
    BpmnStateTransitions transitions,
    VariableBehavior variables,
    VariableMappingBehavior mappings,
    IncidentBehavior incidents,
    JobBehavior jobs,
    TerminationBehavior termination,
    EventSubscriptionBehavior subscriptions,
    EventTriggerBehavior events,
    ProcessInstanceCreation creation,
    SignalBroadcaster signals) {}
