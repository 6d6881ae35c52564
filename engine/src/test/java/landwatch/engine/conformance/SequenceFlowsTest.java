package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.response.ProcessInstanceSequenceFlow;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /process-instances/{key}/sequence-flows}: the path an instance took. */
class SequenceFlowsTest extends EngineTest {

  @Test
  void theFlowsTakenAreListedOnceEachAndTheOthersNot() {
    String id = uniqueId("path");
    long definition =
        deploy(
            Bpmn.createExecutableProcess(id)
                .startEvent("start")
                .sequenceFlowId("toTask")
                .serviceTask("task", t -> t.zeebeJobType(id))
                .sequenceFlowId("toSplit")
                .exclusiveGateway("split")
                .sequenceFlowId("again")
                .conditionExpression("=round < 2")
                .connectTo("task")
                .moveToNode("split")
                .sequenceFlowId("done")
                .conditionExpression("=round >= 2")
                .endEvent("end")
                .moveToNode("split")
                .sequenceFlowId("never")
                .conditionExpression("=false")
                .endEvent("other")
                .done());
    long instance = start(id, Map.of("round", 0));
    completeJob(id, Map.of("round", 1));
    completeJob(id, Map.of("round", 2));

    assertThat(processState(instance)).isEqualTo("COMPLETED");
    var flows = client.newProcessInstanceSequenceFlowsRequest(instance).send().join();
    assertThat(flows)
        .extracting(ProcessInstanceSequenceFlow::getElementId)
        .containsExactlyInAnyOrder("toTask", "toSplit", "again", "done");
    assertThat(flows)
        .allSatisfy(
            f -> {
              assertThat(f.getProcessInstanceKey()).isEqualTo(String.valueOf(instance));
              assertThat(f.getProcessDefinitionKey()).isEqualTo(String.valueOf(definition));
              assertThat(f.getProcessDefinitionId()).isEqualTo(id);
            });
  }

  @Test
  void aStraightPathHasItsTwoFlowsAndAnUnknownInstanceNone() {
    String id = uniqueId("waiting");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long instance = start(id);
    completeJob(id, Map.of());
    assertThat(client.newProcessInstanceSequenceFlowsRequest(instance).send().join()).hasSize(2);
    assertThat(client.newProcessInstanceSequenceFlowsRequest(1L).send().join()).isEmpty();
  }
}
