package landwatch.engine.model.transform;

import static landwatch.engine.model.TestModels.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import landwatch.engine.model.CalledElement;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.Expression;
import org.junit.jupiter.api.Test;

class CallActivityTransformerTest {

  @Test
  void aCallActivityCallsTheLatestVersionAndPassesAllVariablesUnlessToldOtherwise() {
    ExecutableProcess process =
        transformed(
            Bpmn.createExecutableProcess("p")
                .startEvent()
                .callActivity("plain", c -> c.zeebeProcessIdExpression("child"))
                .callActivity(
                    "tagged",
                    c ->
                        c.zeebeProcessId("child")
                            .zeebeBindingType(ZeebeBindingType.versionTag)
                            .zeebeVersionTag("v2")
                            .zeebePropagateAllChildVariables(false)
                            .zeebePropagateAllParentVariables(false))
                .callActivity(
                    "deployed",
                    c -> c.zeebeProcessId("child").zeebeBindingType(ZeebeBindingType.deployment))
                .endEvent()
                .done());
    assertThat(process.element("plain").calledElement)
        .isEqualTo(new CalledElement(Expression.of("=child"), "latest", null, true, true));
    assertThat(process.element("tagged").calledElement)
        .isEqualTo(new CalledElement(Expression.of("child"), "versionTag", "v2", false, false));
    assertThat(process.element("deployed").calledElement.binding()).isEqualTo("deployment");
  }
}
