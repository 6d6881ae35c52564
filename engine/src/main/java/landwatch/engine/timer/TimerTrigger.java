package landwatch.engine.timer;

import java.util.Map;
import landwatch.engine.bpmn.BpmnEngine;
import landwatch.engine.bpmn.behavior.TimerSchedule;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.DueWork;
import landwatch.engine.record.intent.TimerIntent;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.Timer;

/**
 * Fires due timers. A timer that fell due while the engine was down fires once on start; a cycle
 * then continues with its next repetition that is still ahead, so downtime never causes a burst of
 * repetitions.
 */
public final class TimerTrigger implements DueWork {

  private final BpmnEngine bpmn;

  public TimerTrigger(BpmnEngine bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public long processDue(Batch batch) {
    Timer timer;
    while ((timer = batch.state.timers().next()) != null && timer.dueDate() <= batch.now) {
      fire(batch, timer);
    }
    return timer == null ? Long.MAX_VALUE : timer.dueDate() - batch.now;
  }

  private void fire(Batch batch, Timer timer) {
    batch.state.timers().remove(timer);
    batch.records.append(
        timer.key(),
        TimerIntent.TRIGGERED,
        Map.of("targetElementId", timer.targetElementId(), "dueDate", timer.dueDate()));
    if (timer.elementInstanceKey() < 0) {
      DeployedProcess process = batch.state.deployments().process(timer.processDefinitionKey());
      ExecutableElement start = process.executable().element(timer.targetElementId());
      bpmn.behaviors.creation().create(process, start, Map.of(), null);
      repeat(batch, timer);
      return;
    }
    ElementInstance subscriber = batch.state.instances().get(timer.elementInstanceKey());
    if (subscriber == null) {
      return;
    }
    ExecutableElement catchElement =
        bpmn.behaviors.ctx().process(subscriber).executable().element(timer.targetElementId());
    boolean repeats =
        !catchElement.interrupting
            && (catchElement.type == ElementType.BOUNDARY_EVENT
                || catchElement.type == ElementType.START_EVENT);
    if (bpmn.behaviors.events().trigger(subscriber, timer.targetElementId(), null) && repeats) {
      repeat(batch, timer);
    }
  }

  private void repeat(Batch batch, Timer fired) {
    if (fired.interval() == null || fired.repetitions() == 1 || fired.repetitions() == 0) {
      return;
    }
    long key = batch.keys.next();
    // As Zeebe: the next repetition follows the one that fired, unless that is already overdue
    // (the clock jumped, or the engine was down); then it follows now, so nothing fires in a burst.
    long natural = TimerSchedule.addInterval(fired.dueDate(), fired.interval());
    Timer next =
        fired.next(
            key,
            natural > batch.now ? natural : TimerSchedule.addInterval(batch.now, fired.interval()));
    batch.state.timers().put(next);
    batch.records.append(
        next.key(),
        TimerIntent.CREATED,
        Map.of("targetElementId", next.targetElementId(), "dueDate", next.dueDate()));
  }
}
