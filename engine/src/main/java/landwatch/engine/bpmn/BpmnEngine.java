package landwatch.engine.bpmn;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.bpmn.behavior.BpmnStateTransitions;
import landwatch.engine.bpmn.behavior.DecisionBehavior;
import landwatch.engine.bpmn.behavior.EventSubscriptionBehavior;
import landwatch.engine.bpmn.behavior.EventTriggerBehavior;
import landwatch.engine.bpmn.behavior.IncidentBehavior;
import landwatch.engine.bpmn.behavior.JobBehavior;
import landwatch.engine.bpmn.behavior.ProcessInstanceCreation;
import landwatch.engine.bpmn.behavior.SignalBroadcaster;
import landwatch.engine.bpmn.behavior.TerminationBehavior;
import landwatch.engine.bpmn.behavior.UserTaskBehavior;
import landwatch.engine.bpmn.behavior.VariableBehavior;
import landwatch.engine.bpmn.behavior.VariableMappingBehavior;
import landwatch.engine.bpmn.container.CallActivityProcessor;
import landwatch.engine.bpmn.container.MultiInstanceBodyProcessor;
import landwatch.engine.bpmn.container.ScopeProcessor;
import landwatch.engine.bpmn.event.BoundaryEventProcessor;
import landwatch.engine.bpmn.event.IntermediateCatchEventProcessor;
import landwatch.engine.bpmn.event.StartEventProcessor;
import landwatch.engine.bpmn.event.ThrowEventProcessor;
import landwatch.engine.bpmn.gateway.EventBasedGatewayProcessor;
import landwatch.engine.bpmn.gateway.ExclusiveGatewayProcessor;
import landwatch.engine.bpmn.gateway.InclusiveGatewayProcessor;
import landwatch.engine.bpmn.gateway.ParallelGatewayProcessor;
import landwatch.engine.bpmn.task.BusinessRuleTaskProcessor;
import landwatch.engine.bpmn.task.JobWorkerTaskProcessor;
import landwatch.engine.bpmn.task.PassThroughTaskProcessor;
import landwatch.engine.bpmn.task.ScriptTaskProcessor;
import landwatch.engine.bpmn.task.UserTaskProcessor;
import landwatch.engine.bpmn.task.VariantProcessor;
import landwatch.engine.bpmn.task.WaitingTaskProcessor;
import landwatch.engine.model.ElementType;

/** Builds the element processors and the behaviours they share, wired once at start-up. */
public final class BpmnEngine {

  public final BpmnBehaviors behaviors;

  /** Decision evaluation, shared by business-rule tasks and the API's evaluation command. */
  public final DecisionBehavior decisions;

  /** Zeebe user tasks: created by their processor, completed by the user task commands. */
  public final UserTaskBehavior userTasks;

  private final List<ProcessInstanceListener> listeners = new CopyOnWriteArrayList<>();

  public BpmnEngine(BpmnContext ctx) {
    BpmnProcessors processors = new BpmnProcessors();
    VariableBehavior variables = new VariableBehavior(ctx);
    IncidentBehavior incidents = new IncidentBehavior(ctx);
    BpmnStateTransitions transitions =
        new BpmnStateTransitions(ctx, processors, incidents, listeners);
    EventSubscriptionBehavior subscriptions = new EventSubscriptionBehavior(ctx, variables);
    EventTriggerBehavior events = new EventTriggerBehavior(ctx, transitions, subscriptions);
    ProcessInstanceCreation creation = new ProcessInstanceCreation(ctx, transitions, variables);
    SignalBroadcaster signals = new SignalBroadcaster(ctx, events, creation);
    JobBehavior jobs = new JobBehavior(ctx, variables);
    behaviors =
        new BpmnBehaviors(
            ctx,
            transitions,
            variables,
            new VariableMappingBehavior(variables),
            incidents,
            jobs,
            new TerminationBehavior(jobs, subscriptions, incidents, transitions),
            subscriptions,
            events,
            creation,
            signals);

    decisions = new DecisionBehavior(ctx);
    userTasks = new UserTaskBehavior(ctx, variables, transitions, jobs, behaviors.termination());

    JobWorkerTaskProcessor jobWorker = new JobWorkerTaskProcessor(behaviors);
    WaitingTaskProcessor waiting = new WaitingTaskProcessor(behaviors);
    ScopeProcessor scope = new ScopeProcessor(behaviors);
    processors.register(ElementType.PROCESS, scope);
    processors.register(ElementType.SUB_PROCESS, scope);
    processors.register(ElementType.EVENT_SUB_PROCESS, scope);
    processors.register(ElementType.SERVICE_TASK, jobWorker);
    processors.register(ElementType.SEND_TASK, jobWorker);
    // a Zeebe user task is a task of its own; a job-based one is a job, as in Zeebe
    processors.register(
        ElementType.USER_TASK,
        new VariantProcessor(
            e -> e.userTask != null, new UserTaskProcessor(behaviors, userTasks), jobWorker));
    processors.register(
        ElementType.BUSINESS_RULE_TASK,
        new VariantProcessor(
            e -> e.calledDecision != null,
            new BusinessRuleTaskProcessor(behaviors, decisions),
            jobWorker));
    processors.register(ElementType.SCRIPT_TASK, new ScriptTaskProcessor(behaviors, jobWorker));
    processors.register(ElementType.RECEIVE_TASK, waiting);
    processors.register(ElementType.MANUAL_TASK, new PassThroughTaskProcessor(behaviors));
    processors.register(ElementType.TASK, new PassThroughTaskProcessor(behaviors));
    processors.register(ElementType.START_EVENT, new StartEventProcessor(behaviors));
    processors.register(ElementType.BOUNDARY_EVENT, new BoundaryEventProcessor(behaviors));
    processors.register(
        ElementType.INTERMEDIATE_CATCH_EVENT, new IntermediateCatchEventProcessor(behaviors));
    ThrowEventProcessor throwEvents = new ThrowEventProcessor(behaviors, jobWorker);
    processors.register(ElementType.INTERMEDIATE_THROW_EVENT, throwEvents);
    processors.register(ElementType.END_EVENT, throwEvents);
    processors.register(ElementType.EXCLUSIVE_GATEWAY, new ExclusiveGatewayProcessor(behaviors));
    processors.register(ElementType.INCLUSIVE_GATEWAY, new InclusiveGatewayProcessor(behaviors));
    processors.register(ElementType.PARALLEL_GATEWAY, new ParallelGatewayProcessor(behaviors));
    processors.register(ElementType.EVENT_BASED_GATEWAY, new EventBasedGatewayProcessor(behaviors));
    processors.register(ElementType.CALL_ACTIVITY, new CallActivityProcessor(behaviors));
    processors.register(ElementType.MULTI_INSTANCE_BODY, new MultiInstanceBodyProcessor(behaviors));
  }

  public void addListener(ProcessInstanceListener listener) {
    listeners.add(listener);
  }
}
