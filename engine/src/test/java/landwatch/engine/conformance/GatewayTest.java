package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exclusive, parallel, inclusive and event-based gateways. */
class GatewayTest extends EngineTest {

  private String exclusive(String id) {
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .exclusiveGateway("decide")
          .sequenceFlowId("big").conditionExpression("area > 100").serviceTask("inspect", t -> t.zeebeJobType(id + "-inspect")).endEvent()
        .moveToLastGateway()
          .sequenceFlowId("small").conditionExpression("area <= 100 and area > 0").serviceTask("file", t -> t.zeebeJobType(id + "-file")).endEvent()
        .done());
    return id;
  }

  @Test
  void exclusiveGatewayTakesTheFirstTrueCondition() {
    String id = exclusive(uniqueId("xor"));
    long instance = start(id, Map.of("area", 250));
    assertThat(activate(id + "-inspect", 1)).hasSize(1);
    assertThat(elementIds(instance, "COMPLETED")).contains("decide");
  }

  @Test
  void exclusiveGatewayWithoutMatchRaisesAnIncidentThatResolvesOnceVariablesAreFixed() {
    String id = exclusive(uniqueId("xor-none"));
    long instance = start(id, Map.of("area", -1));
    List<Incident> incidents = activeIncidents(instance);
    assertThat(incidents).singleElement().satisfies(i -> {
      assertThat(i.getErrorType().name()).isEqualTo("CONDITION_ERROR");
      assertThat(i.getElementId()).isEqualTo("decide");
    });
    client.newSetVariablesCommand(instance).variables(Map.of("area", 50)).send().join();
    client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    assertThat(activate(id + "-file", 1)).hasSize(1);
  }

  @Test
  void exclusiveGatewayFallsBackToTheDefaultFlow() {
    String id = uniqueId("xor-default");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .exclusiveGateway("decide").defaultFlow().serviceTask("fallback", t -> t.zeebeJobType(id + "-fallback")).endEvent()
        .moveToLastGateway().conditionExpression("x = 1").serviceTask("one", t -> t.zeebeJobType(id + "-one")).endEvent()
        .done());
    start(id, Map.of("x", 2));
    assertThat(activate(id + "-fallback", 1)).hasSize(1);
  }

  @Test
  void parallelBranchesJoinExactlyOnce() {
    String id = uniqueId("and");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .parallelGateway("fork")
          .serviceTask("a", t -> t.zeebeJobType(id + "-a")).parallelGateway("join")
          .serviceTask("after", t -> t.zeebeJobType(id + "-after")).endEvent()
        .moveToNode("fork").serviceTask("b", t -> t.zeebeJobType(id + "-b")).connectTo("join")
        .moveToNode("fork").serviceTask("c", t -> t.zeebeJobType(id + "-c")).connectTo("join")
        .done());
    long instance = start(id);
    long a = activateOne(id + "-a").getKey();
    long b = activateOne(id + "-b").getKey();
    long c = activateOne(id + "-c").getKey();
    // completed together: the three completions may land in one batch; the join still fires once
    List.of(a, b, c).stream().map(k -> client.newCompleteCommand(k).send()).toList().forEach(f -> f.join());
    assertThat(activate(id + "-after", 5)).hasSize(1);
    assertThat(elementIds(instance, "COMPLETED").stream().filter("join"::equals)).hasSize(1);
  }

  @Test
  void inclusiveGatewayForksIntoEveryTrueBranch() {
    String id = uniqueId("or");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .inclusiveGateway("fork")
          .conditionExpression("farmland").serviceTask("farm", t -> t.zeebeJobType(id + "-farm")).endEvent()
        .moveToLastInclusiveGateway()
          .conditionExpression("forest").serviceTask("forest", t -> t.zeebeJobType(id + "-forest")).endEvent()
        .moveToLastInclusiveGateway()
          .conditionExpression("water").serviceTask("water", t -> t.zeebeJobType(id + "-water")).endEvent()
        .done());
    start(id, Map.of("farmland", true, "forest", true, "water", false));
    assertThat(activate(id + "-farm", 1)).hasSize(1);
    assertThat(activate(id + "-forest", 1)).hasSize(1);
    assertThat(activate(id + "-water", 1)).isEmpty();
  }

  private String inclusiveJoin(String id) {
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .inclusiveGateway("fork")
          .conditionExpression("farmland").serviceTask("farm", t -> t.zeebeJobType(id + "-farm")).inclusiveGateway("join")
          .serviceTask("after", t -> t.zeebeJobType(id + "-after")).endEvent()
        .moveToNode("fork").conditionExpression("forest").serviceTask("forest", t -> t.zeebeJobType(id + "-forest"))
          .connectTo("join")
        .moveToNode("fork").conditionExpression("water").serviceTask("water", t -> t.zeebeJobType(id + "-water"))
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
  }

  @Test
  void inclusiveJoinWithASingleTakenBranchPassesAtOnce() {
    String id = inclusiveJoin(uniqueId("or-single"));
    start(id, Map.of("farmland", false, "forest", false, "water", true));
    completeJob(id + "-water", Map.of());
    assertThat(activate(id + "-after", 5)).hasSize(1);
  }

  @Test
  void eventBasedGatewayFollowsTheFirstEvent() {
    String id = uniqueId("event-gw");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .eventBasedGateway("wait")
          .intermediateCatchEvent("reply", e -> e.message(m -> m.name(id + "-reply").zeebeCorrelationKeyExpression("spot")))
          .serviceTask("handle", t -> t.zeebeJobType(id + "-handle")).endEvent()
        .moveToLastGateway()
          .intermediateCatchEvent("deadline", e -> e.timerWithDuration("PT24H"))
          .serviceTask("escalate", t -> t.zeebeJobType(id + "-escalate")).endEvent()
        .done());
    long replied = start(id, Map.of("spot", "S1"));
    long silent = start(id, Map.of("spot", "S2"));
    client.newPublishMessageCommand().messageName(id + "-reply").correlationKey("S1").variables(Map.of("answer", "ok"))
        .send().join();
    assertThat(activateOne(id + "-handle").getVariablesAsMap()).containsEntry("answer", "ok");
    pinClock(System.currentTimeMillis() + 25L * 3600 * 1000);
    assertThat(activateOne(id + "-escalate").getProcessInstanceKey()).isEqualTo(silent);
    assertThat(elementIds(replied, "COMPLETED")).contains("wait", "reply");
  }
}
