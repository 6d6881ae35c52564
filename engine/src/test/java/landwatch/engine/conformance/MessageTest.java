package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Message catch events, receive tasks, boundary events, start events, buffering and correlation.
 */
class MessageTest extends EngineTest {

  private String catchProcess(String id) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent(
                "reply", e -> e.message(m -> m.name(id).zeebeCorrelationKeyExpression("spot")))
            .serviceTask("after", t -> t.zeebeJobType(id + "-after"))
            .endEvent()
            .done());
    return id;
  }

  @Test
  void messageIsCorrelatedByNameAndCorrelationKeyAndItsVariablesMerged() {
    String id = catchProcess(uniqueId("msg"));
    long a = start(id, Map.of("spot", "A"));
    long b = start(id, Map.of("spot", "B"));
    client
        .newPublishMessageCommand()
        .messageName(id)
        .correlationKey("B")
        .variables(Map.of("answer", 42))
        .send()
        .join();
    var job = activateOne(id + "-after");
    assertThat(job.getProcessInstanceKey()).isEqualTo(b);
    assertThat(job.getVariablesAsMap()).containsEntry("answer", 42);
    assertThat(elementIds(a, "ACTIVE")).contains("reply");
  }

  @Test
  void aBufferedMessageIsCorrelatedWhenTheSubscriptionOpensWithinItsTimeToLive() {
    String id = catchProcess(uniqueId("buffer"));
    client
        .newPublishMessageCommand()
        .messageName(id)
        .correlationKey("K")
        .timeToLive(Duration.ofHours(1))
        .variables(Map.of("early", true))
        .send()
        .join();
    start(id, Map.of("spot", "K"));
    assertThat(activateOne(id + "-after").getVariablesAsMap()).containsEntry("early", true);
  }

  @Test
  void anExpiredMessageIsNotCorrelated() {
    String id = catchProcess(uniqueId("expired"));
    client
        .newPublishMessageCommand()
        .messageName(id)
        .correlationKey("K")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
    pinClock(System.currentTimeMillis() + Duration.ofMinutes(2).toMillis());
    long instance = start(id, Map.of("spot", "K"));
    assertThat(elementIds(instance, "ACTIVE")).contains("reply");
  }

  @Test
  void aMessageIdIsPublishedOnlyOnceWhileBuffered() {
    String id = uniqueId("dedup");
    client
        .newPublishMessageCommand()
        .messageName(id)
        .correlationKey("K")
        .messageId("m-1")
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();
    assertThatThrownBy(
            () ->
                client
                    .newPublishMessageCommand()
                    .messageName(id)
                    .correlationKey("K")
                    .messageId("m-1")
                    .timeToLive(Duration.ofHours(1))
                    .send()
                    .join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(409));
  }

  @Test
  void receiveTaskWaitsForItsMessage() {
    String id = uniqueId("receive");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .receiveTask("wait")
            .message(m -> m.name(id).zeebeCorrelationKeyExpression("key"))
            .endEvent()
            .done());
    long instance = start(id, Map.of("key", 17));
    client.newPublishMessageCommand().messageName(id).correlationKey("17").send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }

  @Test
  void interruptingMessageBoundaryEventCancelsTheTask() {
    String id = uniqueId("msg-boundary");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(id))
            .boundaryEvent(
                "withdrawn", b -> b.message(m -> m.name(id).zeebeCorrelationKeyExpression("spot")))
            .endEvent("cancelled")
            .moveToActivity("work")
            .endEvent()
            .done());
    long instance = start(id, Map.of("spot", "W"));
    client.newPublishMessageCommand().messageName(id).correlationKey("W").send().join();
    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(elementIds(instance, "TERMINATED")).contains("work");
    assertThat(activate(id, 1)).isEmpty();
  }

  @Test
  void messageStartEventCreatesAnInstance() {
    String id = uniqueId("msg-start");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .message(id + "-start")
            .serviceTask("work", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    client
        .newPublishMessageCommand()
        .messageName(id + "-start")
        .correlationKey("")
        .variables(Map.of("from", "msg"))
        .send()
        .join();
    assertThat(activateOne(id).getVariablesAsMap()).containsEntry("from", "msg");
  }

  @Test
  void aMessageStartEventRunsOneInstancePerCorrelationKeyAtATime() {
    String id = uniqueId("msg-start-key");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .message(id)
            .serviceTask("work", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    client
        .newPublishMessageCommand()
        .messageName(id)
        .correlationKey("A")
        .variables(Map.of("n", 1))
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();
    client
        .newPublishMessageCommand()
        .messageName(id)
        .correlationKey("A")
        .variables(Map.of("n", 2))
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();
    client
        .newPublishMessageCommand()
        .messageName(id)
        .correlationKey("B")
        .variables(Map.of("n", 3))
        .send()
        .join();
    var running = activate(id, 10);
    assertThat(running)
        .extracting(j -> j.getVariablesAsMap().get("n"))
        .containsExactlyInAnyOrder(1, 3);
    var first =
        running.stream()
            .filter(j -> j.getVariablesAsMap().get("n").equals(1))
            .findFirst()
            .orElseThrow();
    client.newCompleteCommand(first.getKey()).send().join();
    assertThat(activateOne(id).getVariablesAsMap()).containsEntry("n", 2);
  }

  @Test
  void correlateAnswersWithTheProcessInstanceOrNotFound() {
    String id = catchProcess(uniqueId("correlate"));
    long instance = start(id, Map.of("spot", "C"));
    CorrelateMessageResponse response =
        client.newCorrelateMessageCommand().messageName(id).correlationKey("C").send().join();
    assertThat(response.getProcessInstanceKey()).isEqualTo(instance);
    assertThatThrownBy(
            () ->
                client
                    .newCorrelateMessageCommand()
                    .messageName(id)
                    .correlationKey("none")
                    .send()
                    .join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void aMessageReachesAProcessInstanceOnlyOnce() {
    String id = uniqueId("once");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent(
                "first", e -> e.message(m -> m.name(id).zeebeCorrelationKeyExpression("k")))
            .intermediateCatchEvent(
                "second", e -> e.message(m -> m.name(id).zeebeCorrelationKeyExpression("k")))
            .endEvent()
            .done());
    long instance = start(id, Map.of("k", "x"));
    client
        .newPublishMessageCommand()
        .messageName(id)
        .correlationKey("x")
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();
    assertThat(elementIds(instance, "ACTIVE")).contains("second");
  }
}
