package landwatch.engine.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import landwatch.engine.bpmn.behavior.TimerSchedule;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.Expression;
import landwatch.engine.model.TimerDefinition;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.Rejection;
import landwatch.engine.record.intent.DecisionRequirementsIntent;
import landwatch.engine.record.intent.DeploymentIntent;
import landwatch.engine.record.intent.FormIntent;
import landwatch.engine.record.intent.ProcessIntent;
import landwatch.engine.record.intent.TimerIntent;
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

  /** What was deployed: one entry per process, decision or form. */
  public record Deployed(
      long deploymentKey,
      List<DeployedProcess> processes,
      List<DeployedResource> resources,
      List<ParsedResource> dmnSources) {}

  private final TimerStartEvents timerStartEvents;
  private final ProcessModels models;

  public DeploymentCommand(TimerStartEvents timerStartEvents, ProcessModels models) {
    this.timerStartEvents = timerStartEvents;
    this.models = models;
  }

  public Deployed deploy(Batch batch, List<ParsedResource> resources) {
    for (ParsedResource resource : resources) {
      resource.processes().forEach(p -> timerStartEvents.check(batch, p));
    }
    long deploymentKey = batch.keys.next();
    List<DeployedProcess> processes = new ArrayList<>();
    List<DeployedResource> others = new ArrayList<>();
    List<ParsedResource> dmn = new ArrayList<>();
    for (ParsedResource resource : resources) {
      if (resource.kind().equals("bpmn")) {
        for (ExecutableProcess process : resource.processes()) {
          processes.add(deployProcess(batch, deploymentKey, resource, process));
        }
      } else {
        others.add(deployResource(batch, deploymentKey, resource));
        if (resource.kind().equals("dmn")) {
          dmn.add(resource);
        }
      }
    }
    batch.records.append(
        deploymentKey, DeploymentIntent.CREATED, Map.of("resources", resources.size()));
    return new Deployed(deploymentKey, processes, others, dmn);
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
