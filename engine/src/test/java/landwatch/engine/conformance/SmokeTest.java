package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest extends EngineTest {

  @Test
  void serviceTaskProcessCompletes() {
    String id = uniqueId("smoke");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("task", t -> t.zeebeJobType(id + "-job")).endEvent().done());
    long instance = start(id, Map.of("a", 1));
    assertThat(processState(instance)).isEqualTo("ACTIVE");
    completeJob(id + "-job", Map.of("b", 2));
    assertThat(processState(instance)).isEqualTo("COMPLETED");
  }
}
