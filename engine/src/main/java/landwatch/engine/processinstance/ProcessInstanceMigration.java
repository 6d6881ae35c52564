package landwatch.engine.processinstance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.BpmnEngine;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.EventSubscriptionBehavior;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.Rejection;
import landwatch.engine.record.intent.IncidentIntent;
import landwatch.engine.record.intent.JobIntent;
import landwatch.engine.record.intent.ProcessInstanceMigrationIntent;
import landwatch.engine.record.intent.ProcessMessageSubscriptionIntent;
import landwatch.engine.record.intent.SignalSubscriptionIntent;
import landwatch.engine.record.intent.TimerIntent;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.EventSubscription;
import landwatch.engine.state.Incident;
import landwatch.engine.state.Job;
import landwatch.engine.state.Timer;

/**
 * {@code POST /process-instances/{key}/migration}, Zeebe's
 * ProcessInstanceMigrationMigrateProcessor: every active element instance of the process instance
 * (not of the instances its call activities started) is checked against the mapping instructions
 * first; only then does each one, parents first, go on as an instance of its mapped element of the
 * target version, with what the state holds for it (its job, incidents, subscriptions and timers,
 * and every registered {@link MigratedState}).
 */
public final class ProcessInstanceMigration {

  /** A mapping instruction. */
  public record Mapping(String sourceElementId, String targetElementId) {}

  private final BpmnEngine bpmn;
  private final List<MigratedState> migratedStates = new CopyOnWriteArrayList<>();

  public ProcessInstanceMigration(BpmnEngine bpmn) {
    this.bpmn = bpmn;
    migratedStates.add(ProcessInstanceMigration::migrateJob);
    migratedStates.add(ProcessInstanceMigration::migrateIncidents);
  }

  /** A store that holds something per element instance (a user task) moves with the instance. */
  public void addMigratedState(MigratedState state) {
    migratedStates.add(state);
  }

  public void migrate(
      Batch batch, long processInstanceKey, long targetDefinitionKey, List<Mapping> mappings) {
    ElementInstance processInstance = batch.state.instances().get(processInstanceKey);
    if (processInstance == null || processInstance.type() != ElementType.PROCESS) {
      throw Rejection.notFound(
          "Expected to migrate process instance but no process instance found with key '%d'",
          processInstanceKey);
    }
    DeployedProcess target = batch.state.deployments().process(targetDefinitionKey);
    if (target == null) {
      throw Rejection.notFound(
          "Expected to migrate process instance to process definition but no process definition"
              + " found with key '%d'",
          targetDefinitionKey);
    }
    DeployedProcess source =
        batch.state.deployments().process(processInstance.processDefinitionKey());
    MigrationPreconditions.requireDistinctSources(
        processInstanceKey, mappings.stream().map(Mapping::sourceElementId).toList());
    Map<String, String> targetIds = new LinkedHashMap<>();
    mappings.forEach(m -> targetIds.put(m.sourceElementId(), m.targetElementId()));
    MigrationPreconditions.requireElementsExist(processInstanceKey, source, target, targetIds);

    List<ElementInstance> active = activeInstances(batch, processInstance);
    List<Plan> plans = new ArrayList<>();
    for (ElementInstance instance : active) {
      plans.add(plan(batch, processInstanceKey, instance, source, target, targetIds));
    }
    for (Plan plan : plans) {
      apply(plan, target);
    }
    batch.records.append(
        processInstanceKey,
        ProcessInstanceMigrationIntent.MIGRATED,
        Map.of(
            "processInstanceKey", processInstanceKey,
            "targetProcessDefinitionKey", targetDefinitionKey,
            "mappingInstructions", mappings));
  }

  /** The instance and its running descendants in this process instance, parents first. */
  private static List<ElementInstance> activeInstances(Batch batch, ElementInstance root) {
    List<ElementInstance> result = new ArrayList<>();
    Deque<ElementInstance> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty()) {
      ElementInstance instance = queue.poll();
      result.add(instance);
      queue.addAll(batch.state.instances().children(instance.key()));
    }
    return result;
  }

  /**
   * What migrating one instance does, decided before anything changes: its target element, which of
   * its subscriptions and timers go on (mapped to a catch element the target has), which close, and
   * which catch elements of the target are subscribed to anew.
   */
  private record Plan(
      ElementInstance instance,
      ExecutableElement targetElement,
      Map<String, String> keptCatches,
      Set<String> droppedCatches,
      List<ExecutableElement> newCatches) {}

  private Plan plan(
      Batch batch,
      long processInstanceKey,
      ElementInstance instance,
      DeployedProcess source,
      DeployedProcess target,
      Map<String, String> targetIds) {
    ExecutableElement sourceElement = source.executable().element(instance.elementId());
    MigrationPreconditions.requireSupported(processInstanceKey, instance, sourceElement);
    MigrationPreconditions.requireNoTokensAtJoins(processInstanceKey, instance);
    ExecutableElement targetElement;
    if (instance.type() == ElementType.PROCESS) {
      targetElement = target.executable().root;
    } else {
      String targetId = targetIds.get(instance.elementId());
      MigrationPreconditions.requireMapped(processInstanceKey, instance, targetId);
      targetElement = target.executable().element(targetId);
      ElementInstance flowScope = batch.state.instances().get(instance.flowScopeKey());
      boolean inner = flowScope.type() == ElementType.MULTI_INSTANCE_BODY;
      ElementType targetType =
          !inner && targetElement.isMultiInstance()
              ? ElementType.MULTI_INSTANCE_BODY
              : targetElement.type;
      MigrationPreconditions.requireSameType(processInstanceKey, instance, targetType, targetId);
      MigrationPreconditions.requireSameUserTaskImplementation(
          processInstanceKey, instance, sourceElement, targetElement);
      if (!inner) {
        // the flow scope was checked first: it is mapped (or the process instance)
        String expected =
            flowScope.type() == ElementType.PROCESS
                ? target.bpmnProcessId()
                : targetIds.get(flowScope.elementId());
        MigrationPreconditions.requireUnchangedFlowScope(
            processInstanceKey, instance, expected, targetElement.flowScope.id);
      }
      MigrationPreconditions.requireBoundaryEventsStayAttached(
          processInstanceKey, sourceElement, targetElement, targetIds);
    }
    EventSubscriptionBehavior subscriptions = bpmn.behaviors.subscriptions();
    Set<String> targetCatchIds = new HashSet<>();
    subscriptions.catchElements(targetElement, instance).forEach(c -> targetCatchIds.add(c.id));
    Map<String, String> kept = new LinkedHashMap<>();
    Set<String> dropped = new HashSet<>();
    List<String> subscribed = new ArrayList<>();
    batch
        .state
        .subscriptions()
        .of(instance.key())
        .forEach(s -> subscribed.add(s.targetElementId()));
    batch.state.timers().of(instance.key()).forEach(t -> subscribed.add(t.targetElementId()));
    for (String catchId : subscribed) {
      String mapped =
          catchId.equals(instance.elementId()) ? targetElement.id : targetIds.get(catchId);
      if (mapped != null && targetCatchIds.contains(mapped)) {
        kept.put(catchId, mapped);
      } else {
        dropped.add(catchId);
      }
    }
    List<ExecutableElement> newCatches =
        subscriptions.catchElements(targetElement, instance).stream()
            .filter(c -> !kept.containsValue(c.id))
            .toList();
    return new Plan(instance, targetElement, kept, dropped, newCatches);
  }

  private void apply(Plan plan, DeployedProcess target) {
    BpmnContext ctx = bpmn.behaviors.ctx();
    ElementInstance instance = plan.instance();
    instance.migrateTo(
        target,
        instance.type() == ElementType.PROCESS ? target.bpmnProcessId() : plan.targetElement().id);
    bpmn.behaviors.transitions().migrated(instance);
    migratedStates.forEach(state -> state.migrated(ctx, instance, target));
    migrateCatches(ctx, plan, target);
  }

  private void migrateCatches(BpmnContext ctx, Plan plan, DeployedProcess target) {
    ElementInstance instance = plan.instance();
    bpmn.behaviors.subscriptions().unsubscribe(instance, plan.droppedCatches());
    for (EventSubscription subscription : ctx.state().subscriptions().of(instance.key())) {
      String mapped = plan.keptCatches().get(subscription.targetElementId());
      if (mapped != null) {
        subscription.migrateTo(target.key(), target.bpmnProcessId(), mapped);
        ctx.records()
            .append(
                subscription.key(),
                subscription.kind() == EventSubscription.Kind.MESSAGE
                    ? ProcessMessageSubscriptionIntent.MIGRATED
                    : SignalSubscriptionIntent.MIGRATED,
                Map.of(
                    "name", subscription.name(),
                    "elementInstanceKey", instance.key(),
                    "elementId", mapped));
      }
    }
    for (Timer timer : ctx.state().timers().of(instance.key())) {
      String mapped = plan.keptCatches().get(timer.targetElementId());
      if (mapped != null) {
        timer.migrateTo(target.key(), target.bpmnProcessId(), mapped);
        ctx.records()
            .append(
                timer.key(),
                TimerIntent.MIGRATED,
                Map.of(
                    "elementInstanceKey", instance.key(),
                    "targetElementId", mapped,
                    "dueDate", timer.dueDate()));
      }
    }
    Failure failure = bpmn.behaviors.subscriptions().subscribe(plan.newCatches(), instance);
    if (failure != null) {
      throw Rejection.invalidState(
          "Expected to migrate process instance '%s' but active element with id '%s' could not"
              + " subscribe to the catch events of its target: %s",
          instance.processInstanceKey(), instance.elementId(), failure.message());
    }
  }

  private static void migrateJob(
      BpmnContext ctx, ElementInstance instance, DeployedProcess target) {
    Job job = instance.jobKey() < 0 ? null : ctx.state().jobs().get(instance.jobKey());
    if (job == null) {
      return;
    }
    job.migrateTo(target.key(), target.bpmnProcessId(), target.version(), instance.elementId());
    ctx.records()
        .append(
            job.key(),
            JobIntent.MIGRATED,
            Map.of(
                "type", job.type(),
                "elementInstanceKey", instance.key(),
                "elementId", instance.elementId(),
                "processDefinitionKey", target.key()));
  }

  private static void migrateIncidents(
      BpmnContext ctx, ElementInstance instance, DeployedProcess target) {
    for (Incident incident : ctx.state().incidents().of(instance.key())) {
      incident.migrateTo(target.key(), target.bpmnProcessId(), instance.elementId());
      ctx.records()
          .append(
              incident.key(),
              IncidentIntent.MIGRATED,
              Map.of(
                  "elementInstanceKey", instance.key(),
                  "elementId", instance.elementId(),
                  "processDefinitionKey", target.key()));
    }
  }
}
