package landwatch.engine.model.validation;

import static landwatch.engine.model.TestModels.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

class ProcessValidatorTest {

  @Test
  void aModelWithoutAnExecutableProcessIsRejected() {
    BpmnModelInstance model = Bpmn.createProcess("p").startEvent().done();
    model.<Process>getModelElementById("p").setExecutable(false);
    assertThat(problems(model)).containsExactly("Must contain at least one executable process");
  }
}
