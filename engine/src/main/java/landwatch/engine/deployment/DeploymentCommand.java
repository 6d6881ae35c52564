package landwatch.engine.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import landwatch.engine.bpmn.behavior.TimerSchedule;
import landwatch.engine.dmn.DecisionModels;
import landwatch.engine.dmn.ParsedDrg;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.Expression;
import landwatch.engine.model.TimerDefinition;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.Rejection;
import landwatch.engine.record.intent.DecisionIntent;
import landwatch.engine.record.intent.DecisionRequirementsIntent;
import landwatch.engine.record.intent.DeploymentIntent;
import landwatch.engine.record.intent.FormIntent;
import landwatch.engine.record.intent.ProcessIntent;
import landwatch.engine.record.intent.TimerIntent;
import landwatch.engine.state.DeployedDecision;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.DeployedResource;
import landwatch.engine.state.ProcessModels;
import landwatch.engine.state.Timer;

/**
 * Versions deployed resources per id like Zeebe: content identical to the latest version keeps that
 * version and key; anything else becomes the next version. A new process version replaces the timer
 * start events of the previous one.
 */
public final class DeploymentCommand {

  /**
   * What was deployed: one entry per process, decision requirements (DMN resource), decision or
   * form.
   */
  public record Deployed(
      long deploymentKey,
      List<DeployedProcess> processes,
      List<DeployedResource> resources,
      List<DeployedDecision> decisions) {}

  private final TimerStartEvents timerStartEvents;
  private final ProcessModels models;
  private final DecisionModels decisionModels;

  public DeploymentCommand(
      TimerStartEvents timerStartEvents, ProcessModels models, DecisionModels decisionModels) {
    this.timerStartEvents = timerStartEvents;
    this.models = models;
    this.decisionModels = decisionModels;
  }

  public Deployed deploy(Batch batch, List<ParsedResource> resources) {
    for (ParsedResource resource : resources) {
      resource.processes().forEach(p -> timerStartEvents.check(batch, p));
    }
    long deploymentKey = batch.keys.next();
    List<DeployedProcess> processes = new ArrayList<>();
    List<DeployedResource> others = new ArrayList<>();
    List<DeployedDecision> decisions = new ArrayList<>();
    for (ParsedResource resource : resources) {
      if (resource.kind().equals("bpmn")) {
        for (ExecutableProcess process : resource.processes()) {
          processes.add(deployProcess(batch, deploymentKey, resource, process));
        }
      } else {
        DeployedResource latest =
            batch.state.deployments().latestResource(resource.kind(), resource.resourceId());
        DeployedResource deployed = deployResource(batch, deploymentKey, resource);
        others.add(deployed);
        if (resource.kind().equals("dmn")) {
          decisions.addAll(
              deployed == latest
                  ? batch.state.deployments().decisionsOf(deployed.key())
                  : deployDecisions(batch, resource, deployed));
        }
      }
    }
    batch.records.append(
        deploymentKey, DeploymentIntent.CREATED, Map.of("resources", resources.size()));
    return new Deployed(deploymentKey, processes, others, decisions);
  }

  private DeployedProcess deployProcess(
      Batch batch, long deploymentKey, ParsedResource resource, ExecutableProcess process) {
    DeployedProcess latest = batch.state.deployments().latestProcess(process.bpmnProcessId);
    if (latest != null && latest.checksum().equals(resource.checksum())) {
      return latest;
    }
    long key = batch.keys.next();
    DeployedProcess deployed =
        DeployedProcess.deployed(
            key,
            latest == null ? 1 : latest.version() + 1,
            resource.name(),
            resource.checksum(),
            deploymentKey,
            storeOnce(batch, deploymentKey, resource),
            process,
            resource.content().length / Math.max(1, resource.processes().size()),
            models);
    batch.state.deployments().putProcess(deployed);
    // committed: the model goes to the cache and the version stops holding it
    batch.afterCommit(deployed::committed);
    batch.records.append(
        deployed.key(),
        ProcessIntent.CREATED,
        Map.of(
            "bpmnProcessId",
            deployed.bpmnProcessId(),
            "version",
            deployed.version(),
            "resourceName",
            deployed.resourceName()));
    timerStartEvents.replace(batch, latest, deployed);
    return deployed;
  }

  /** The BPMN resource is stored once, however many process versions of it are deployed. */
  private static long storeOnce(Batch batch, long deploymentKey, ParsedResource resource) {
    Long stored = batch.state.deployments().bpmnResource(resource.checksum());
    if (stored != null) {
      return stored;
    }
    DeployedResource row =
        new DeployedResource(
            batch.keys.next(),
            "bpmn",
            resource.name(),
            0,
            resource.name(),
            resource.checksum(),
            deploymentKey,
            resource.content());
    batch.state.deployments().putBpmnResource(row);
    return row.key();
  }

  private DeployedResource deployResource(
      Batch batch, long deploymentKey, ParsedResource resource) {
    DeployedResource latest =
        batch.state.deployments().latestResource(resource.kind(), resource.resourceId());
    if (latest != null && latest.checksum().equals(resource.checksum())) {
      return latest;
    }
    DeployedResource deployed =
        new DeployedResource(
            batch.keys.next(),
            resource.kind(),
            resource.resourceId(),
            latest == null ? 1 : latest.version() + 1,
            resource.name(),
            resource.checksum(),
            deploymentKey,
            resource.content());
    batch.state.deployments().putResource(deployed);
    batch.records.append(
        deployed.key(),
        resource.kind().equals("dmn") ? DecisionRequirementsIntent.CREATED : FormIntent.CREATED,
        Map.of("id", deployed.resourceId(), "version", deployed.version()));
    return deployed;
  }

  /**
   * A new version of a decision requirements graph: each of its decisions becomes the next version
   * of its decision id, with a new key, as Zeebe versions them.
   */
  private List<DeployedDecision> deployDecisions(
      Batch batch, ParsedResource resource, DeployedResource drg) {
    ParsedDrg parsed = resource.drg();
    List<DeployedDecision> deployed = new ArrayList<>();
    for (ParsedDrg.Decision decision : parsed.decisions()) {
      DeployedDecision latest = batch.state.deployments().latestDecision(decision.id());
      DeployedDecision version =
          new DeployedDecision(
              batch.keys.next(),
              decision.id(),
              decision.name(),
              latest == null ? 1 : latest.version() + 1,
              decision.versionTag(),
              decision.type(),
              drg.key(),
              parsed.id(),
              parsed.name(),
              drg.version(),
              resource.name(),
              drg.deploymentKey());
      batch.state.deployments().putDecision(version);
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("decisionId", version.decisionId());
      value.put("version", version.version());
      value.put("decisionRequirementsKey", version.decisionRequirementsKey());
      batch.records.append(version.key(), DecisionIntent.CREATED, value);
      deployed.add(version);
    }
    // committed: the graph just parsed serves its first evaluations without a re-parse
    batch.afterCommit(
        () ->
            decisionModels.put(
                drg.key(), new DecisionModels.Loaded(parsed, resource.content().length)));
    return deployed;
  }

  /** Timer start events belong to the latest version of a process only. */
  public static final class TimerStartEvents {

    private final FeelEvaluator feel;

    public TimerStartEvents(FeelEvaluator feel) {
      this.feel = feel;
    }

    public void replace(Batch batch, DeployedProcess previous, DeployedProcess deployed) {
      if (previous != null) {
        for (Timer timer : new ArrayList<>(batch.state.timers().all())) {
          if (timer.elementInstanceKey() < 0 && timer.processDefinitionKey() == previous.key()) {
            batch.state.timers().remove(timer);
            batch.records.append(
                timer.key(),
                TimerIntent.CANCELED,
                Map.of("targetElementId", timer.targetElementId()));
          }
        }
      }
      for (ExecutableElement start : deployed.executable().eventStartEvents) {
        if (start.eventType == EventType.TIMER) {
          schedule(batch, deployed, start);
        }
      }
    }

    /**
     * Rejects a process whose timer start events have no valid schedule, before anything changes.
     */
    void check(Batch batch, ExecutableProcess process) {
      for (ExecutableElement start : process.eventStartEvents) {
        if (start.eventType == EventType.TIMER) {
          schedule(batch, start);
        }
      }
    }

    private TimerSchedule schedule(Batch batch, ExecutableElement start) {
      Expression expression = start.timer.expression();
      FeelResult value = feel.evaluate(expression, Map.of());
      if (value.isFailure() || value.value() == null) {
        throw Rejection.invalidArgument(
            "Expected a valid timer on start event '%s', but '%s' gave %s",
            start.id, expression.raw(), value.isFailure() ? value.failure() : "null");
      }
      TimerSchedule schedule;
      try {
        schedule =
            start.timer.kind() == TimerDefinition.Kind.DATE
                ? TimerSchedule.date(value.value())
                : start.timer.kind() == TimerDefinition.Kind.CYCLE
                    ? TimerSchedule.cycle(value.value(), batch.now)
                    : TimerSchedule.duration(value.value(), batch.now);
      } catch (RuntimeException e) {
        throw Rejection.invalidArgument(
            "Expected a valid timer on start event '%s', but: %s", start.id, e.getMessage());
      }
      return schedule;
    }

    private void schedule(Batch batch, DeployedProcess process, ExecutableElement start) {
      TimerSchedule schedule = schedule(batch, start);
      Timer timer =
          Timer.ofStartEvent(
              batch.keys.next(),
              process,
              start.id,
              schedule.dueDate(),
              schedule.repetitions(),
              schedule.interval());
      batch.state.timers().put(timer);
      batch.records.append(
          timer.key(),
          TimerIntent.CREATED,
          Map.of("targetElementId", start.id, "dueDate", timer.dueDate()));
    }
  }
}
