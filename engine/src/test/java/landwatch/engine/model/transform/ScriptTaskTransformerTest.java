package landwatch.engine.model.transform;

import static landwatch.engine.model.TestModels.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.Expression;
import org.junit.jupiter.api.Test;

class ScriptTaskTransformerTest {

  @Test
  void aScriptTaskRunsItsFeelOrHandsTheWorkToAJob() {
    ExecutableProcess process =
        transformed(
            Bpmn.createExecutableProcess("p")
                .startEvent()
                .scriptTask("feel", s -> s.zeebeExpression("a + 1").zeebeResultVariable("b"))
                .scriptTask("job", s -> s.zeebeJobType("scripter"))
                .endEvent()
                .done());
    assertThat(process.element("feel").script.expression()).isEqualTo(Expression.feel("=a + 1"));
    assertThat(process.element("feel").script.resultVariable()).isEqualTo("b");
    assertThat(process.element("feel").isJobBased()).isFalse();
    assertThat(process.element("job").script).isNull();
    assertThat(process.element("job").job.type()).isEqualTo(Expression.of("scripter"));
  }
}
