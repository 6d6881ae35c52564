package landwatch.engine.conformance;

import static landwatch.engine.conformance.RecordLog.ACTIVATED;
import static landwatch.engine.conformance.RecordLog.ACTIVATING;
import static landwatch.engine.conformance.RecordLog.COMPLETED;
import static landwatch.engine.conformance.RecordLog.COMPLETING;
import static landwatch.engine.conformance.RecordLog.TAKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import landwatch.engine.conformance.RecordLog.Entry;
import org.junit.jupiter.api.Test;

/** Exclusive, parallel, inclusive and event-based gateways. */
class GatewayTest extends EngineTest {

  private String exclusive(String id) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .exclusiveGateway("decide")
            .sequenceFlowId("big")
            .conditionExpression("area > 100")
            .serviceTask("inspect", t -> t.zeebeJobType(id + "-inspect"))
            .endEvent()
            .moveToLastGateway()
            .sequenceFlowId("small")
            .conditionExpression("area <= 100 and area > 0")
            .serviceTask("file", t -> t.zeebeJobType(id + "-file"))
            .endEvent()
            .done());
    return id;
  }

  @Test
  void exclusiveGatewayTakesTheFirstTrueCondition() {
    String id = exclusive(uniqueId("xor"));
    long instance = start(id, Map.of("area", 250));
    assertThat(activate(id + "-inspect", 1)).hasSize(1);
    assertThat(elementIds(instance, "COMPLETED")).contains("decide");
    assertThat(recordLog(instance).lifecycleOf("decide", "big", "small", "inspect", "file"))
        .extracting(Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("decide", ACTIVATING),
            tuple("decide", ACTIVATED),
            tuple("decide", COMPLETING),
            tuple("decide", COMPLETED),
            tuple("big", TAKEN),
            tuple("inspect", ACTIVATING),
            tuple("inspect", ACTIVATED));
  }

  @Test
  void exclusiveGatewayWithoutMatchRaisesAnIncidentThatResolvesOnceVariablesAreFixed() {
    String id = exclusive(uniqueId("xor-none"));
    long instance = start(id, Map.of("area", -1));
    List<Incident> incidents = activeIncidents(instance);
    assertThat(incidents)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getErrorType().name()).isEqualTo("CONDITION_ERROR");
              assertThat(i.getElementId()).isEqualTo("decide");
            });
    client.newSetVariablesCommand(instance).variables(Map.of("area", 50)).send().join();
    client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    assertThat(activate(id + "-file", 1)).hasSize(1);
    // the gateway stays COMPLETING until the incident is resolved; then its completion runs again
    assertThat(recordLog(instance).recordsOf("decide", "big", "small", "file"))
        .extracting(Entry::valueType, Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("PROCESS_INSTANCE", "decide", ACTIVATING),
            tuple("PROCESS_INSTANCE", "decide", ACTIVATED),
            tuple("PROCESS_INSTANCE", "decide", COMPLETING),
            tuple("INCIDENT", "decide", "CREATED"),
            tuple("INCIDENT", "decide", "RESOLVED"),
            tuple("PROCESS_INSTANCE", "decide", COMPLETED),
            tuple("PROCESS_INSTANCE", "small", TAKEN),
            tuple("PROCESS_INSTANCE", "file", ACTIVATING),
            tuple("PROCESS_INSTANCE", "file", ACTIVATED));
  }

  @Test
  void exclusiveGatewayFallsBackToTheDefaultFlow() {
    String id = uniqueId("xor-default");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .sequenceFlowId("in")
            .exclusiveGateway("decide")
            .sequenceFlowId("otherwise")
            .defaultFlow()
            .serviceTask("fallback", t -> t.zeebeJobType(id + "-fallback"))
            .endEvent()
            .moveToLastGateway()
            .sequenceFlowId("x-is-1")
            .conditionExpression("x = 1")
            .serviceTask("one", t -> t.zeebeJobType(id + "-one"))
            .endEvent()
            .done());
    long instance = start(id, Map.of("x", 2));
    assertThat(activate(id + "-fallback", 1)).hasSize(1);
    RecordLog log = recordLog(instance);
    assertThat(log.takenFlows()).containsExactly("in", "otherwise");
    assertThat(log.intentsOf("decide"))
        .containsExactly(ACTIVATING, ACTIVATED, COMPLETING, COMPLETED);
    assertThat(log.intentsOf("fallback")).containsExactly(ACTIVATING, ACTIVATED);
    assertThat(log.intentsOf("one")).isEmpty();
  }

  @Test
  void parallelBranchesJoinExactlyOnce() {
    String id = uniqueId("and");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("a", t -> t.zeebeJobType(id + "-a"))
            .parallelGateway("join")
            .serviceTask("after", t -> t.zeebeJobType(id + "-after"))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("b", t -> t.zeebeJobType(id + "-b"))
            .connectTo("join")
            .moveToNode("fork")
            .serviceTask("c", t -> t.zeebeJobType(id + "-c"))
            .connectTo("join")
            .done());
    long instance = start(id);
    long a = activateOne(id + "-a").getKey();
    long b = activateOne(id + "-b").getKey();
    long c = activateOne(id + "-c").getKey();
    // completed together: the three completions may land in one batch; the join still fires once
    List.of(a, b, c).stream()
        .map(k -> client.newCompleteCommand(k).send())
        .toList()
        .forEach(f -> f.join());
    assertThat(activate(id + "-after", 5)).hasSize(1);
    assertThat(elementIds(instance, "COMPLETED").stream().filter("join"::equals)).hasSize(1);
    RecordLog log = recordLog(instance);
    assertThat(log.intentsOf("fork")).containsExactly(ACTIVATING, ACTIVATED, COMPLETING, COMPLETED);
    // the branches, completed in any order, all complete before the join is activated, once
    List<Entry> branchesAndJoin = log.lifecycleOf("a", "b", "c", "join");
    assertThat(branchesAndJoin)
        .extracting(Entry::intent)
        .containsExactly(
            ACTIVATING,
            ACTIVATING,
            ACTIVATING,
            ACTIVATED,
            ACTIVATED,
            ACTIVATED,
            COMPLETING,
            COMPLETED,
            COMPLETING,
            COMPLETED,
            COMPLETING,
            COMPLETED,
            ACTIVATING,
            ACTIVATED,
            COMPLETING,
            COMPLETED);
    assertThat(branchesAndJoin.subList(12, 16)).extracting(Entry::elementId).containsOnly("join");
    assertThat(log.intentsOf("after")).containsExactly(ACTIVATING, ACTIVATED);
  }

  @Test
  void inclusiveGatewayForksIntoEveryTrueBranch() {
    String id = uniqueId("or");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .inclusiveGateway("fork")
            .conditionExpression("farmland")
            .serviceTask("farm", t -> t.zeebeJobType(id + "-farm"))
            .endEvent()
            .moveToLastInclusiveGateway()
            .conditionExpression("forest")
            .serviceTask("forest", t -> t.zeebeJobType(id + "-forest"))
            .endEvent()
            .moveToLastInclusiveGateway()
            .conditionExpression("water")
            .serviceTask("water", t -> t.zeebeJobType(id + "-water"))
            .endEvent()
            .done());
    long instance = start(id, Map.of("farmland", true, "forest", true, "water", false));
    assertThat(activate(id + "-farm", 1)).hasSize(1);
    assertThat(activate(id + "-forest", 1)).hasSize(1);
    assertThat(activate(id + "-water", 1)).isEmpty();
    assertThat(recordLog(instance).lifecycleOf("fork", "farm", "forest", "water"))
        .extracting(Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("fork", ACTIVATING),
            tuple("fork", ACTIVATED),
            tuple("fork", COMPLETING),
            tuple("fork", COMPLETED),
            tuple("farm", ACTIVATING),
            tuple("forest", ACTIVATING),
            tuple("farm", ACTIVATED),
            tuple("forest", ACTIVATED));
  }

  private String inclusiveJoin(String id) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .inclusiveGateway("fork")
            .conditionExpression("farmland")
            .serviceTask("farm", t -> t.zeebeJobType(id + "-farm"))
            .inclusiveGateway("join")
            .serviceTask("after", t -> t.zeebeJobType(id + "-after"))
            .endEvent()
            .moveToNode("fork")
            .conditionExpression("forest")
            .serviceTask("forest", t -> t.zeebeJobType(id + "-forest"))
            .connectTo("join")
            .moveToNode("fork")
            .conditionExpression("water")
            .serviceTask("water", t -> t.zeebeJobType(id + "-water"))
            .connectTo("join")
            .done());
    return id;
  }

  @Test
  void inclusiveJoinWaitsForEveryTakenBranchOnly() {
    String id = inclusiveJoin(uniqueId("or-join"));
    long instance = start(id, Map.of("farmland", true, "forest", true, "water", false));
    completeJob(id + "-farm", Map.of());
    assertThat(activate(id + "-after", 1)).isEmpty();
    completeJob(id + "-forest", Map.of());
    assertThat(activate(id + "-after", 5)).hasSize(1);
    assertThat(elementIds(instance, "COMPLETED").stream().filter("join"::equals)).hasSize(1);
    assertThat(recordLog(instance).lifecycleOf("farm", "forest", "water", "join"))
        .extracting(Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("farm", ACTIVATING),
            tuple("forest", ACTIVATING),
            tuple("farm", ACTIVATED),
            tuple("forest", ACTIVATED),
            tuple("farm", COMPLETING),
            tuple("farm", COMPLETED),
            tuple("forest", COMPLETING),
            tuple("forest", COMPLETED),
            tuple("join", ACTIVATING),
            tuple("join", ACTIVATED),
            tuple("join", COMPLETING),
            tuple("join", COMPLETED));
  }

  @Test
  void inclusiveJoinWithASingleTakenBranchPassesAtOnce() {
    String id = inclusiveJoin(uniqueId("or-single"));
    long instance = start(id, Map.of("farmland", false, "forest", false, "water", true));
    completeJob(id + "-water", Map.of());
    assertThat(activate(id + "-after", 5)).hasSize(1);
    assertThat(recordLog(instance).lifecycleOf("farm", "forest", "water", "join"))
        .extracting(Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("water", ACTIVATING),
            tuple("water", ACTIVATED),
            tuple("water", COMPLETING),
            tuple("water", COMPLETED),
            tuple("join", ACTIVATING),
            tuple("join", ACTIVATED),
            tuple("join", COMPLETING),
            tuple("join", COMPLETED));
  }

  @Test
  void eventBasedGatewayFollowsTheFirstEvent() {
    String id = uniqueId("event-gw");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .eventBasedGateway("wait")
            .intermediateCatchEvent(
                "reply",
                e -> e.message(m -> m.name(id + "-reply").zeebeCorrelationKeyExpression("spot")))
            .serviceTask("handle", t -> t.zeebeJobType(id + "-handle"))
            .endEvent()
            .moveToLastGateway()
            .intermediateCatchEvent("deadline", e -> e.timerWithDuration("PT24H"))
            .serviceTask("escalate", t -> t.zeebeJobType(id + "-escalate"))
            .endEvent()
            .done());
    long replied = start(id, Map.of("spot", "S1"));
    long silent = start(id, Map.of("spot", "S2"));
    client
        .newPublishMessageCommand()
        .messageName(id + "-reply")
        .correlationKey("S1")
        .variables(Map.of("answer", "ok"))
        .send()
        .join();
    assertThat(activateOne(id + "-handle").getVariablesAsMap()).containsEntry("answer", "ok");
    pinClock(System.currentTimeMillis() + 25L * 3600 * 1000);
    assertThat(activateOne(id + "-escalate").getProcessInstanceKey()).isEqualTo(silent);
    assertThat(elementIds(replied, "COMPLETED")).contains("wait", "reply");
    RecordLog repliedLog = recordLog(replied);
    assertThat(repliedLog.lifecycleOf("wait", "reply", "deadline"))
        .extracting(Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("wait", ACTIVATING),
            tuple("wait", ACTIVATED),
            tuple("wait", COMPLETING),
            tuple("wait", COMPLETED),
            tuple("reply", ACTIVATING),
            tuple("reply", ACTIVATED),
            tuple("reply", COMPLETING),
            tuple("reply", COMPLETED));
    assertThat(repliedLog.intentsOfType("TIMER")).containsExactly("CREATED", "CANCELED");
    RecordLog silentLog = recordLog(silent);
    assertThat(silentLog.lifecycleOf("wait", "reply", "deadline"))
        .extracting(Entry::elementId, Entry::intent)
        .containsExactly(
            tuple("wait", ACTIVATING),
            tuple("wait", ACTIVATED),
            tuple("wait", COMPLETING),
            tuple("wait", COMPLETED),
            tuple("deadline", ACTIVATING),
            tuple("deadline", ACTIVATED),
            tuple("deadline", COMPLETING),
            tuple("deadline", COMPLETED));
    assertThat(silentLog.intentsOfType("TIMER")).containsExactly("CREATED", "TRIGGERED");
    assertThat(silentLog.intentsOfType("PROCESS_MESSAGE_SUBSCRIPTION"))
        .containsExactly("CREATED", "DELETED");
  }
}
