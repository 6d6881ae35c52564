package landwatch.engine.conformance;

import static landwatch.engine.conformance.RecordLog.ACTIVATED;
import static landwatch.engine.conformance.RecordLog.ACTIVATING;
import static landwatch.engine.conformance.RecordLog.COMPLETED;
import static landwatch.engine.conformance.RecordLog.COMPLETING;
import static landwatch.engine.conformance.RecordLog.TERMINATED;
import static landwatch.engine.conformance.RecordLog.TERMINATING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import landwatch.engine.conformance.RecordLog.Entry;
import org.junit.jupiter.api.Test;

/**
 * The rest of the event families: timer and signal event sub-processes, signal and message
 * boundaries, catch-all errors.
 */
class BoundaryAndEventSubProcessTest extends EngineTest {

  @Test
  void interruptingTimerEventSubProcessReplacesTheScopesWork() {
    String id = uniqueId("esp-timer");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "overdue",
                e ->
                    e.startEvent("late")
                        .timerWithDuration("P15D")
                        .serviceTask("escalate", t -> t.zeebeJobType(id + "-escalate"))
                        .endEvent())
            .startEvent()
            .serviceTask("verify", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long instance = start(id);
    pinClock(System.currentTimeMillis() + Duration.ofDays(16).toMillis());
    completeJob(id + "-escalate", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("verify");
    assertThat(activate(id, 1)).isEmpty();
    // the scope's work ends before the event sub-process starts in its place
    assertThat(recordLog(instance).lifecycleOf("verify", "overdue", "late", "escalate"))
        .extracting(Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("verify", ACTIVATING),
            tuple("verify", ACTIVATED),
            tuple("verify", TERMINATING),
            tuple("verify", TERMINATED),
            tuple("overdue", ACTIVATING),
            tuple("overdue", ACTIVATED),
            tuple("late", ACTIVATING),
            tuple("late", ACTIVATED),
            tuple("late", COMPLETING),
            tuple("late", COMPLETED),
            tuple("escalate", ACTIVATING),
            tuple("escalate", ACTIVATED),
            tuple("escalate", COMPLETING),
            tuple("escalate", COMPLETED),
            tuple("overdue", COMPLETING),
            tuple("overdue", COMPLETED));
  }

  @Test
  void nonInterruptingMessageBoundaryFiresForEveryMessage() {
    String id = uniqueId("msg-nonint");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(id))
            .boundaryEvent(
                "note",
                b ->
                    b.cancelActivity(false)
                        .message(m -> m.name(id).zeebeCorrelationKeyExpression("k")))
            .serviceTask("record", t -> t.zeebeJobType(id + "-record"))
            .endEvent()
            .moveToActivity("work")
            .endEvent()
            .done());
    long instance = start(id, Map.of("k", "n"));
    client.newPublishMessageCommand().messageName(id).correlationKey("n").send().join();
    client.newPublishMessageCommand().messageName(id).correlationKey("n").send().join();
    assertThat(activate(id + "-record", 5)).hasSize(2);
    assertThat(activate(id, 1)).hasSize(1);
    // the task goes on: each message activates the boundary event beside it
    assertThat(recordLog(instance).lifecycleOf("work", "note"))
        .extracting(Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("work", ACTIVATING),
            tuple("work", ACTIVATED),
            tuple("note", ACTIVATING),
            tuple("note", ACTIVATED),
            tuple("note", COMPLETING),
            tuple("note", COMPLETED),
            tuple("note", ACTIVATING),
            tuple("note", ACTIVATED),
            tuple("note", COMPLETING),
            tuple("note", COMPLETED));
  }

  @Test
  void signalBoundaryInterruptsAndSignalEventSubProcessStarts() {
    String id = uniqueId("signal-boundary");
    String freeze = id + "-freeze";
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "audit",
                e ->
                    e.startEvent()
                        .interrupting(false)
                        .signal(freeze)
                        .serviceTask("log", t -> t.zeebeJobType(id + "-log"))
                        .endEvent())
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(id))
            .boundaryEvent("frozen")
            .signal(freeze)
            .endEvent("stopped")
            .moveToActivity("work")
            .endEvent()
            .done());
    long instance = start(id);
    client.newBroadcastSignalCommand().signalName(freeze).send().join();
    assertThat(elementIds(instance, "TERMINATED")).contains("work");
    assertThat(activate(id + "-log", 1)).hasSize(1);
    RecordLog log = recordLog(instance);
    assertThat(log.lifecycleOf("work", "frozen", "stopped"))
        .extracting(Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("work", ACTIVATING),
            tuple("work", ACTIVATED),
            tuple("work", TERMINATING),
            tuple("work", TERMINATED),
            tuple("frozen", ACTIVATING),
            tuple("frozen", ACTIVATED),
            tuple("frozen", COMPLETING),
            tuple("frozen", COMPLETED),
            tuple("stopped", ACTIVATING),
            tuple("stopped", ACTIVATED),
            tuple("stopped", COMPLETING),
            tuple("stopped", COMPLETED));
    assertThat(log.intentsOf("audit")).containsExactly(ACTIVATING, ACTIVATED);
    assertThat(log.intentsOf("log")).containsExactly(ACTIVATING, ACTIVATED);
  }

  @Test
  void aCatchAllErrorBoundaryCatchesAnyCodeButAnExactCodeWins() {
    String id = uniqueId("catch-all");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(id))
            .boundaryEvent("any")
            .error()
            .serviceTask("generic", t -> t.zeebeJobType(id + "-generic"))
            .endEvent()
            .moveToActivity("work")
            .boundaryEvent("specific")
            .error("QUOTA")
            .serviceTask("quota", t -> t.zeebeJobType(id + "-quota"))
            .endEvent()
            .moveToActivity("work")
            .endEvent()
            .done());
    start(id);
    start(id);
    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("QUOTA").send().join();
    client.newThrowErrorCommand(activateOne(id).getKey()).errorCode("OTHER").send().join();
    assertThat(activate(id + "-quota", 5)).hasSize(1);
    assertThat(activate(id + "-generic", 5)).hasSize(1);
  }

  @Test
  void anErrorInACalledProcessIsCaughtOnTheCallActivity() {
    String child = uniqueId("failing-child");
    deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(child))
            .endEvent()
            .done());
    String parent = uniqueId("catching-parent");
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .boundaryEvent("failed")
            .error("BROKEN")
            .serviceTask("handle", t -> t.zeebeJobType(parent))
            .endEvent()
            .moveToActivity("call")
            .endEvent()
            .done());
    long instance = start(parent);
    var job = activateOne(child);
    client.newThrowErrorCommand(job.getKey()).errorCode("BROKEN").send().join();
    assertThat(activate(parent, 1)).hasSize(1);
    assertThat(processState(job.getProcessInstanceKey())).isEqualTo("TERMINATED");
    assertThat(processState(instance)).isEqualTo("ACTIVE");
  }

  @Test
  void anEscalationEventSubProcessCatchesAnEscalationEndEventInsideASubProcess() {
    String id = uniqueId("esp-escalation");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "on-late",
                e ->
                    e.startEvent("late")
                        .escalation("LATE")
                        .serviceTask("report", t -> t.zeebeJobType(id + "-report"))
                        .endEvent())
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .endEvent("raise", e -> e.escalation("LATE"))
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(id + "-after"))
            .endEvent()
            .done());
    long instance = start(id);
    completeJob(id + "-report", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(activate(id + "-after", 1)).isEmpty();
  }

  @Test
  void messageAndSignalEndEventsAndNoneThrowEventsPassThrough() {
    String id = uniqueId("throws");
    String signal = id + "-done";
    deploy(
        Bpmn.createExecutableProcess(id + "-listener")
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.signal(signal))
            .endEvent()
            .done());
    long listener = start(id + "-listener");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("start")
            .intermediateThrowEvent("milestone")
            .parallelGateway("fork")
            .endEvent("notify", e -> e.message("notice").zeebeJobType(id + "-notify"))
            .moveToNode("fork")
            .endEvent("announce", e -> e.signal(signal))
            .done());
    long instance = start(id);
    assertThat(processState(listener)).isEqualTo("COMPLETED");
    completeJob(id + "-notify", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "COMPLETED")).contains("milestone", "notify", "announce");
    // the signal end event completes at once; the message end event once its job is done
    assertThat(recordLog(instance).elementsWith(COMPLETED))
        .containsExactly("start", "milestone", "fork", "announce", "notify", id);
  }

  @Test
  void anUncaughtEscalationEndEventSimplyEndsThePath() {
    String id = uniqueId("escalation-end");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .endEvent("raise", e -> e.escalation("NOBODY"))
            .done());
    long instance = start(id);
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(activeIncidents(instance)).isEmpty();
  }

  @Test
  void aMissingCalledProcessRaisesAnIncidentThatResolvesOnceItIsDeployed() {
    String child = uniqueId("later-child");
    String parent = uniqueId("early-parent");
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    long instance = start(parent);
    var incident = activeIncidents(instance);
    assertThat(incident)
        .singleElement()
        .satisfies(i -> assertThat(i.getErrorType().name()).isEqualTo("CALLED_ELEMENT_ERROR"));
    deploy(Bpmn.createExecutableProcess(child).startEvent().endEvent().done());
    client.newResolveIncidentCommand(incident.get(0).getIncidentKey()).send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void userTasksWaitAndJobBasedUserTasksAreJobs() {
    String id = uniqueId("user");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("legacy")
            .userTask("review", u -> u.zeebeUserTask().zeebeFormId("review-form"))
            .endEvent()
            .done());
    long instance = start(id);
    var job = activateOne("io.camunda.zeebe:userTask");
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    client.newCompleteCommand(job.getKey()).send().join();
    assertThat(elementIds(instance, "ACTIVE")).containsExactly("review");
  }

  /** A job without retries: its task stays ACTIVATED with a JOB_NO_RETRIES incident. */
  private long failWithoutRetries(String jobType, long instance) {
    client
        .newFailCommand(activateOne(jobType).getKey())
        .retries(0)
        .errorMessage("down")
        .send()
        .join();
    assertThat(activeIncidents(instance))
        .singleElement()
        .satisfies(i -> assertThat(i.getErrorType().name()).isEqualTo("JOB_NO_RETRIES"));
    return activeIncidents(instance).get(0).getIncidentKey();
  }

  private String incidentState(long incidentKey) {
    return client.newIncidentGetRequest(incidentKey).send().join().getState().name();
  }

  @Test
  void interruptingTimerBoundaryTerminatesATaskStuckInAnIncidentAndResolvesTheIncident() {
    String id = uniqueId("incident-timer");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("verify", t -> t.zeebeJobType(id))
            .boundaryEvent("overdue", b -> b.timerWithDuration("PT1H"))
            .serviceTask("escalate", t -> t.zeebeJobType(id + "-escalate"))
            .endEvent()
            .moveToActivity("verify")
            .endEvent()
            .done());
    long instance = start(id);
    long incident = failWithoutRetries(id, instance);

    pinClock(System.currentTimeMillis() + Duration.ofHours(2).toMillis());
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("verify");
    assertThat(incidentState(incident)).isEqualTo("RESOLVED");
    assertThat(activeIncidents(instance)).isEmpty();
    completeJob(id + "-escalate", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    // the task's incident is resolved while it terminates, and only then does the boundary event
    // activate
    RecordLog log = recordLog(instance);
    assertThat(log.recordsOf("verify", "overdue"))
        .extracting(Entry::valueType, Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("PROCESS_INSTANCE", "verify", ACTIVATING),
            tuple("PROCESS_INSTANCE", "verify", ACTIVATED),
            tuple("INCIDENT", "verify", "CREATED"),
            tuple("PROCESS_INSTANCE", "verify", TERMINATING),
            tuple("INCIDENT", "verify", "RESOLVED"),
            tuple("PROCESS_INSTANCE", "verify", TERMINATED),
            tuple("PROCESS_INSTANCE", "overdue", ACTIVATING),
            tuple("PROCESS_INSTANCE", "overdue", ACTIVATED),
            tuple("PROCESS_INSTANCE", "overdue", COMPLETING),
            tuple("PROCESS_INSTANCE", "overdue", COMPLETED));
    // verify's job, canceled with the task, then escalate's
    assertThat(log.intentsOfType("JOB"))
        .containsExactly(
            "CREATED", "ACTIVATED", "FAILED", "CANCELED", "CREATED", "ACTIVATED", "COMPLETED");
    assertThat(log.intentsOfType("TIMER")).containsExactly("CREATED", "TRIGGERED");
  }

  @Test
  void nonInterruptingTimerBoundaryFiresOnATaskStuckInAnIncidentWhichKeepsIt() {
    String id = uniqueId("incident-timer-nonint");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("verify", t -> t.zeebeJobType(id))
            .boundaryEvent("remind", b -> b.cancelActivity(false).timerWithDuration("PT1H"))
            .serviceTask("remind-officer", t -> t.zeebeJobType(id + "-remind"))
            .endEvent()
            .moveToActivity("verify")
            .endEvent()
            .done());
    long instance = start(id);
    long incident = failWithoutRetries(id, instance);

    pinClock(System.currentTimeMillis() + Duration.ofHours(2).toMillis());
    assertThat(activate(id + "-remind", 5)).hasSize(1);
    assertThat(incidentState(incident)).isEqualTo("ACTIVE");
    assertThat(elementIds(instance, "ACTIVE")).contains("verify");
    assertThat(recordLog(instance).recordsOf("verify", "remind"))
        .extracting(Entry::valueType, Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("PROCESS_INSTANCE", "verify", ACTIVATING),
            tuple("PROCESS_INSTANCE", "verify", ACTIVATED),
            tuple("INCIDENT", "verify", "CREATED"),
            tuple("PROCESS_INSTANCE", "remind", ACTIVATING),
            tuple("PROCESS_INSTANCE", "remind", ACTIVATED),
            tuple("PROCESS_INSTANCE", "remind", COMPLETING),
            tuple("PROCESS_INSTANCE", "remind", COMPLETED));
  }

  @Test
  void interruptingMessageBoundaryTerminatesATaskStuckInAnIncidentAndResolvesTheIncident() {
    String id = uniqueId("incident-message");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("verify", t -> t.zeebeJobType(id))
            .boundaryEvent(
                "withdrawn", b -> b.message(m -> m.name(id).zeebeCorrelationKeyExpression("k")))
            .endEvent("closed")
            .moveToActivity("verify")
            .endEvent()
            .done());
    long instance = start(id, Map.of("k", "w"));
    long incident = failWithoutRetries(id, instance);

    client.newPublishMessageCommand().messageName(id).correlationKey("w").send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("verify");
    assertThat(incidentState(incident)).isEqualTo("RESOLVED");
    assertThat(recordLog(instance).recordsOf("verify", "withdrawn", "closed"))
        .extracting(Entry::valueType, Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("PROCESS_INSTANCE", "verify", ACTIVATING),
            tuple("PROCESS_INSTANCE", "verify", ACTIVATED),
            tuple("INCIDENT", "verify", "CREATED"),
            tuple("PROCESS_INSTANCE", "verify", TERMINATING),
            tuple("INCIDENT", "verify", "RESOLVED"),
            tuple("PROCESS_INSTANCE", "verify", TERMINATED),
            tuple("PROCESS_INSTANCE", "withdrawn", ACTIVATING),
            tuple("PROCESS_INSTANCE", "withdrawn", ACTIVATED),
            tuple("PROCESS_INSTANCE", "withdrawn", COMPLETING),
            tuple("PROCESS_INSTANCE", "withdrawn", COMPLETED),
            tuple("PROCESS_INSTANCE", "closed", ACTIVATING),
            tuple("PROCESS_INSTANCE", "closed", ACTIVATED),
            tuple("PROCESS_INSTANCE", "closed", COMPLETING),
            tuple("PROCESS_INSTANCE", "closed", COMPLETED));
  }

  @Test
  void interruptingEventSubProcessTerminatesATaskStuckInAnIncidentAndResolvesTheIncident() {
    String id = uniqueId("incident-esp");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "cancelled",
                e ->
                    e.startEvent("cancel")
                        .message(m -> m.name(id).zeebeCorrelationKeyExpression("k"))
                        .endEvent())
            .startEvent()
            .serviceTask("verify", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long instance = start(id, Map.of("k", "c"));
    long incident = failWithoutRetries(id, instance);

    client.newPublishMessageCommand().messageName(id).correlationKey("c").send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("verify");
    assertThat(incidentState(incident)).isEqualTo("RESOLVED");
    assertThat(recordLog(instance).recordsOf("verify", "cancelled", "cancel"))
        .extracting(Entry::valueType, Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("PROCESS_INSTANCE", "verify", ACTIVATING),
            tuple("PROCESS_INSTANCE", "verify", ACTIVATED),
            tuple("INCIDENT", "verify", "CREATED"),
            tuple("PROCESS_INSTANCE", "verify", TERMINATING),
            tuple("INCIDENT", "verify", "RESOLVED"),
            tuple("PROCESS_INSTANCE", "verify", TERMINATED),
            tuple("PROCESS_INSTANCE", "cancelled", ACTIVATING),
            tuple("PROCESS_INSTANCE", "cancelled", ACTIVATED),
            tuple("PROCESS_INSTANCE", "cancel", ACTIVATING),
            tuple("PROCESS_INSTANCE", "cancel", ACTIVATED),
            tuple("PROCESS_INSTANCE", "cancel", COMPLETING),
            tuple("PROCESS_INSTANCE", "cancel", COMPLETED),
            tuple("PROCESS_INSTANCE", "cancelled", COMPLETING),
            tuple("PROCESS_INSTANCE", "cancelled", COMPLETED));
  }
}
