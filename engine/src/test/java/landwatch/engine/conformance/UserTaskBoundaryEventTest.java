package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What ends a user task's element ends its task as CANCELED: an interrupting boundary timer or
 * message, an interrupting event sub-process, a terminate end event, the instance's cancellation; a
 * non-interrupting boundary timer leaves it open.
 */
class UserTaskBoundaryEventTest extends EngineTest {

  private UserTask taskOf(long instance) {
    List<UserTask> tasks =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(instance).elementId("task"))
            .send()
            .join()
            .items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private void assertCanceled(long instance) {
    UserTask task = taskOf(instance);
    assertThat(task.getState()).isEqualTo(UserTaskState.CANCELED);
    assertThat(task.getCompletionDate()).isNotNull();
    assertThat(recordLog(instance).intentsOfType("USER_TASK"))
        .containsExactly("CREATING", "CREATED", "CANCELING", "CANCELED");
    assertThat(elementIds(instance, "TERMINATED")).contains("task");
  }

  @Test
  void anInterruptingBoundaryTimerCancelsTheTask() {
    String id = uniqueId("ut-timer");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("task", u -> u.zeebeUserTask())
            .endEvent()
            .moveToActivity("task")
            .boundaryEvent("late", b -> b.cancelActivity(true).timerWithDuration("PT1H"))
            .endEvent("escalated")
            .done());
    long instance = start(id);
    assertThat(taskOf(instance).getState()).isEqualTo(UserTaskState.CREATED);
    pinClock(Instant.now().plus(Duration.ofHours(2)).toEpochMilli());
    assertCanceled(instance);
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void aNonInterruptingBoundaryTimerLeavesTheTaskOpen() {
    String id = uniqueId("ut-reminder");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("task", u -> u.zeebeUserTask())
            .endEvent()
            .moveToActivity("task")
            .boundaryEvent("remind", b -> b.cancelActivity(false).timerWithDuration("PT1H"))
            .serviceTask("reminder", s -> s.zeebeJobType(id))
            .endEvent("reminded")
            .done());
    long instance = start(id);
    pinClock(Instant.now().plus(Duration.ofHours(2)).toEpochMilli());
    completeJob(id, Map.of());
    UserTask task = taskOf(instance);
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void anInterruptingBoundaryMessageCancelsTheTask() {
    String id = uniqueId("ut-message");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("task", u -> u.zeebeUserTask())
            .endEvent()
            .moveToActivity("task")
            .boundaryEvent("withdrawn")
            .message(m -> m.name(id + "-withdrawn").zeebeCorrelationKeyExpression("caseId"))
            .endEvent("closed")
            .done());
    long instance = start(id, Map.of("caseId", "C-7"));
    client
        .newCorrelateMessageCommand()
        .messageName(id + "-withdrawn")
        .correlationKey("C-7")
        .send()
        .join();
    assertCanceled(instance);
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void anInterruptingEventSubProcessCancelsTheTask() {
    String id = uniqueId("ut-esp");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "onSignal",
                s -> s.startEvent("stop").signal(id + "-stop").interrupting(true).endEvent())
            .startEvent()
            .userTask("task", u -> u.zeebeUserTask())
            .endEvent()
            .done());
    long instance = start(id);
    client.newBroadcastSignalCommand().signalName(id + "-stop").send().join();
    assertCanceled(instance);
  }

  @Test
  void aTerminateEndEventCancelsTheTask() {
    String id = uniqueId("ut-terminate");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .parallelGateway("fork")
            .userTask("task", u -> u.zeebeUserTask())
            .endEvent()
            .moveToNode("fork")
            .serviceTask("decide", s -> s.zeebeJobType(id))
            .endEvent("end", e -> e.terminate())
            .done());
    long instance = start(id);
    completeJob(id, Map.of());
    assertCanceled(instance);
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void cancelingTheInstanceCancelsTheTaskAndCommandsOnItAreRefused() {
    String id = uniqueId("ut-cancel");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("task", u -> u.zeebeUserTask())
            .endEvent()
            .done());
    long instance = start(id);
    long key = taskOf(instance).getUserTaskKey();
    client.newCancelInstanceCommand(instance).send().join();
    assertCanceled(instance);
    assertThat(processState(instance)).isEqualTo("TERMINATED");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> client.newCompleteUserTaskCommand(key).send().join())
        .isInstanceOfSatisfying(
            io.camunda.client.api.command.ProblemException.class,
            p -> assertThat(p.code()).isEqualTo(404));
  }
}
