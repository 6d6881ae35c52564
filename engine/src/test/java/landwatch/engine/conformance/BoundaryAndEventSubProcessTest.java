package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rest of the event families: timer and signal event sub-processes, signal and message boundaries, catch-all errors. */
class BoundaryAndEventSubProcessTest extends EngineTest {

  @Test
  void interruptingTimerEventSubProcessReplacesTheScopesWork() {
    String id = uniqueId("esp-timer");
    deploy(Bpmn.createExecutableProcess(id)
        .eventSubProcess("overdue", e -> e.startEvent("late").timerWithDuration("P15D")
            .serviceTask("escalate", t -> t.zeebeJobType(id + "-escalate")).endEvent())
        .startEvent().serviceTask("verify", t -> t.zeebeJobType(id)).endEvent().done());
    long instance = start(id);
    pinClock(System.currentTimeMillis() + Duration.ofDays(16).toMillis());
    completeJob(id + "-escalate", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("verify");
    assertThat(activate(id, 1)).isEmpty();
  }

  @Test
  void nonInterruptingMessageBoundaryFiresForEveryMessage() {
    String id = uniqueId("msg-nonint");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("work", t -> t.zeebeJobType(id))
        .boundaryEvent("note", b -> b.cancelActivity(false).message(m -> m.name(id).zeebeCorrelationKeyExpression("k")))
        .serviceTask("record", t -> t.zeebeJobType(id + "-record")).endEvent()
        .moveToActivity("work").endEvent().done());
    start(id, Map.of("k", "n"));
    client.newPublishMessageCommand().messageName(id).correlationKey("n").send().join();
    client.newPublishMessageCommand().messageName(id).correlationKey("n").send().join();
    assertThat(activate(id + "-record", 5)).hasSize(2);
    assertThat(activate(id, 1)).hasSize(1);
  }

  @Test
  void signalBoundaryInterruptsAndSignalEventSubProcessStarts() {
    String id = uniqueId("signal-boundary");
    String freeze = id + "-freeze";
    deploy(Bpmn.createExecutableProcess(id)
        .eventSubProcess("audit", e -> e.startEvent().interrupting(false).signal(freeze)
            .serviceTask("log", t -> t.zeebeJobType(id + "-log")).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType(id))
        .boundaryEvent("frozen").signal(freeze).endEvent("stopped")
        .moveToActivity("work").endEvent().done());
    long instance = start(id);
    client.newBroadcastSignalCommand().signalName(freeze).send().join();
    assertThat(elementIds(instance, "TERMINATED")).contains("work");
    assertThat(activate(id + "-log", 1)).hasSize(1);
  }

  @Test
  void aCatchAllErrorBoundaryCatchesAnyCodeButAnExactCodeWins() {
    String id = uniqueId("catch-all");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("work", t -> t.zeebeJobType(id))
        .boundaryEvent("any").error().serviceTask("generic", t -> t.zeebeJobType(id + "-generic")).endEvent()
        .moveToActivity("work").boundaryEvent("specific").error("QUOTA")
        .serviceTask("quota", t -> t.zeebeJobType(id + "-quota")).endEvent()
        .moveToActivity("work").endEvent().done());
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
    deploy(Bpmn.createExecutableProcess(child).startEvent().serviceTask("work", t -> t.zeebeJobType(child)).endEvent().done());
    String parent = uniqueId("catching-parent");
    deploy(Bpmn.createExecutableProcess(parent).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(child))
        .boundaryEvent("failed").error("BROKEN").serviceTask("handle", t -> t.zeebeJobType(parent)).endEvent()
        .moveToActivity("call").endEvent().done());
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
    deploy(Bpmn.createExecutableProcess(id)
        .eventSubProcess("on-late", e -> e.startEvent("late").escalation("LATE")
            .serviceTask("report", t -> t.zeebeJobType(id + "-report")).endEvent())
        .startEvent()
        .subProcess("sub").embeddedSubProcess().startEvent().endEvent("raise", e -> e.escalation("LATE")).subProcessDone()
        .serviceTask("after", t -> t.zeebeJobType(id + "-after")).endEvent().done());
    long instance = start(id);
    completeJob(id + "-report", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(activate(id + "-after", 1)).isEmpty();
  }

  @Test
  void messageAndSignalEndEventsAndNoneThrowEventsPassThrough() {
    String id = uniqueId("throws");
    String signal = id + "-done";
    deploy(Bpmn.createExecutableProcess(id + "-listener").startEvent()
        .intermediateCatchEvent("wait", e -> e.signal(signal)).endEvent().done());
    long listener = start(id + "-listener");
    deploy(Bpmn.createExecutableProcess(id).startEvent().intermediateThrowEvent("milestone")
        .parallelGateway("fork").endEvent("notify", e -> e.message("notice").zeebeJobType(id + "-notify"))
        .moveToNode("fork").endEvent("announce", e -> e.signal(signal)).done());
    long instance = start(id);
    assertThat(processState(listener)).isEqualTo("COMPLETED");
    completeJob(id + "-notify", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "COMPLETED")).contains("milestone", "notify", "announce");
  }

  @Test
  void anUncaughtEscalationEndEventSimplyEndsThePath() {
    String id = uniqueId("escalation-end");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent("raise", e -> e.escalation("NOBODY")).done());
    long instance = start(id);
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(activeIncidents(instance)).isEmpty();
  }

  @Test
  void aMissingCalledProcessRaisesAnIncidentThatResolvesOnceItIsDeployed() {
    String child = uniqueId("later-child");
    String parent = uniqueId("early-parent");
    deploy(Bpmn.createExecutableProcess(parent).startEvent().callActivity("call", c -> c.zeebeProcessId(child)).endEvent().done());
    long instance = start(parent);
    var incident = activeIncidents(instance);
    assertThat(incident).singleElement().satisfies(i -> assertThat(i.getErrorType().name()).isEqualTo("CALLED_ELEMENT_ERROR"));
    deploy(Bpmn.createExecutableProcess(child).startEvent().endEvent().done());
    client.newResolveIncidentCommand(incident.get(0).getIncidentKey()).send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void userTasksWaitAndJobBasedUserTasksAreJobs() {
    String id = uniqueId("user");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .userTask("legacy")
        .userTask("review", u -> u.zeebeUserTask().zeebeFormId("review-form"))
        .endEvent().done());
    long instance = start(id);
    var job = activateOne("io.camunda.zeebe:userTask");
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    client.newCompleteCommand(job.getKey()).send().join();
    assertThat(elementIds(instance, "ACTIVE")).containsExactly("review");
  }

  /** A job without retries: its task stays ACTIVATED with a JOB_NO_RETRIES incident. */
  private long failWithoutRetries(String jobType, long instance) {
    client.newFailCommand(activateOne(jobType).getKey()).retries(0).errorMessage("down").send().join();
    assertThat(activeIncidents(instance)).singleElement()
        .satisfies(i -> assertThat(i.getErrorType().name()).isEqualTo("JOB_NO_RETRIES"));
    return activeIncidents(instance).get(0).getIncidentKey();
  }

  private String incidentState(long incidentKey) {
    return client.newIncidentGetRequest(incidentKey).send().join().getState().name();
  }

  @Test
  void interruptingTimerBoundaryTerminatesATaskStuckInAnIncidentAndResolvesTheIncident() {
    String id = uniqueId("incident-timer");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("verify", t -> t.zeebeJobType(id))
        .boundaryEvent("overdue", b -> b.timerWithDuration("PT1H"))
        .serviceTask("escalate", t -> t.zeebeJobType(id + "-escalate")).endEvent()
        .moveToActivity("verify").endEvent().done());
    long instance = start(id);
    long incident = failWithoutRetries(id, instance);

    pinClock(System.currentTimeMillis() + Duration.ofHours(2).toMillis());
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("verify");
    assertThat(incidentState(incident)).isEqualTo("RESOLVED");
    assertThat(activeIncidents(instance)).isEmpty();
    completeJob(id + "-escalate", Map.of());
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void nonInterruptingTimerBoundaryFiresOnATaskStuckInAnIncidentWhichKeepsIt() {
    String id = uniqueId("incident-timer-nonint");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("verify", t -> t.zeebeJobType(id))
        .boundaryEvent("remind", b -> b.cancelActivity(false).timerWithDuration("PT1H"))
        .serviceTask("remind-officer", t -> t.zeebeJobType(id + "-remind")).endEvent()
        .moveToActivity("verify").endEvent().done());
    long instance = start(id);
    long incident = failWithoutRetries(id, instance);

    pinClock(System.currentTimeMillis() + Duration.ofHours(2).toMillis());
    assertThat(activate(id + "-remind", 5)).hasSize(1);
    assertThat(incidentState(incident)).isEqualTo("ACTIVE");
    assertThat(elementIds(instance, "ACTIVE")).contains("verify");
  }

  @Test
  void interruptingMessageBoundaryTerminatesATaskStuckInAnIncidentAndResolvesTheIncident() {
    String id = uniqueId("incident-message");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("verify", t -> t.zeebeJobType(id))
        .boundaryEvent("withdrawn", b -> b.message(m -> m.name(id).zeebeCorrelationKeyExpression("k")))
        .endEvent("closed")
        .moveToActivity("verify").endEvent().done());
    long instance = start(id, Map.of("k", "w"));
    long incident = failWithoutRetries(id, instance);

    client.newPublishMessageCommand().messageName(id).correlationKey("w").send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("verify");
    assertThat(incidentState(incident)).isEqualTo("RESOLVED");
  }

  @Test
  void interruptingEventSubProcessTerminatesATaskStuckInAnIncidentAndResolvesTheIncident() {
    String id = uniqueId("incident-esp");
    deploy(Bpmn.createExecutableProcess(id)
        .eventSubProcess("cancelled", e -> e.startEvent("cancel").message(m -> m.name(id).zeebeCorrelationKeyExpression("k"))
            .endEvent())
        .startEvent().serviceTask("verify", t -> t.zeebeJobType(id)).endEvent().done());
    long instance = start(id, Map.of("k", "c"));
    long incident = failWithoutRetries(id, instance);

    client.newPublishMessageCommand().messageName(id).correlationKey("c").send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).containsExactly("verify");
    assertThat(incidentState(incident)).isEqualTo("RESOLVED");
  }
}
