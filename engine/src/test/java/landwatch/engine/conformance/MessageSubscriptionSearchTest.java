package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.search.enums.MessageSubscriptionState;
import io.camunda.client.api.search.response.CorrelatedMessageSubscription;
import io.camunda.client.api.search.response.MessageSubscription;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Process message subscriptions (open, correlated, deleted) and the correlations made. */
class MessageSubscriptionSearchTest extends EngineTest {

  private String process(String id) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .boundaryEvent(
                "late",
                b -> b.message(m -> m.name(id + "-late").zeebeCorrelationKeyExpression("spot")))
            .endEvent("lateEnd")
            .moveToActivity("task")
            .intermediateCatchEvent(
                "reply", e -> e.message(m -> m.name(id).zeebeCorrelationKeyExpression("spot")))
            .endEvent()
            .done());
    return id;
  }

  private List<MessageSubscription> subscriptions(long instance) {
    return client
        .newMessageSubscriptionSearchRequest()
        .filter(f -> f.processInstanceKey(instance))
        .sort(s -> s.elementId().asc())
        .send()
        .join()
        .items();
  }

  @Test
  void subscriptionsShowTheirLastStateAndCorrelationsWhichMessageWentWhere() {
    String id = process(uniqueId("subs"));
    long instance = start(id, Map.of("spot", "A-1"));

    assertThat(subscriptions(instance))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getElementId()).isEqualTo("late");
              assertThat(s.getMessageName()).isEqualTo(id + "-late");
              assertThat(s.getCorrelationKey()).isEqualTo("A-1");
              assertThat(s.getMessageSubscriptionState())
                  .isEqualTo(MessageSubscriptionState.CREATED);
            });

    completeJob(id, Map.of());
    long messageKey =
        client
            .newPublishMessageCommand()
            .messageName(id)
            .correlationKey("A-1")
            .send()
            .join()
            .getMessageKey();

    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(subscriptions(instance))
        .extracting(
            MessageSubscription::getElementId, MessageSubscription::getMessageSubscriptionState)
        .containsExactly(
            tuple("late", MessageSubscriptionState.DELETED),
            tuple("reply", MessageSubscriptionState.CORRELATED));
    assertThat(
            client
                .newMessageSubscriptionSearchRequest()
                .filter(
                    f ->
                        f.processInstanceKey(instance)
                            .messageSubscriptionState(MessageSubscriptionState.CREATED))
                .send()
                .join()
                .items())
        .isEmpty();

    List<CorrelatedMessageSubscription> correlated =
        client
            .newCorrelatedMessageSubscriptionSearchRequest()
            .filter(f -> f.processInstanceKey(instance))
            .send()
            .join()
            .items();
    assertThat(correlated)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getMessageKey()).isEqualTo(messageKey);
              assertThat(c.getMessageName()).isEqualTo(id);
              assertThat(c.getCorrelationKey()).isEqualTo("A-1");
              assertThat(c.getElementId()).isEqualTo("reply");
              assertThat(c.getSubscriptionKey())
                  .isEqualTo(subscriptions(instance).get(1).getMessageSubscriptionKey());
            });
  }

  @Test
  void aBufferedMessageIsRecordedAsCorrelatedWhenTheSubscriptionTakesIt() {
    String id = process(uniqueId("buffered"));
    long messageKey =
        client
            .newPublishMessageCommand()
            .messageName(id + "-late")
            .correlationKey("B")
            .timeToLive(Duration.ofHours(1))
            .send()
            .join()
            .getMessageKey();
    long instance = start(id, Map.of("spot", "B"));

    assertThat(processState(instance)).isEqualTo("COMPLETED");
    assertThat(
            client
                .newCorrelatedMessageSubscriptionSearchRequest()
                .filter(f -> f.messageKey(messageKey))
                .send()
                .join()
                .items())
        .extracting(CorrelatedMessageSubscription::getProcessInstanceKey)
        .containsExactly(instance);
    assertThat(subscriptions(instance))
        .extracting(MessageSubscription::getMessageSubscriptionState)
        .containsExactly(MessageSubscriptionState.CORRELATED);
  }
}
