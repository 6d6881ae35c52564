package landwatch.engine.model.transform;

import static landwatch.engine.model.TestModels.transformed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.camunda.zeebe.model.bpmn.Bpmn;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.Expression;
import org.junit.jupiter.api.Test;

class UserTaskTransformerTest {

  private final ExecutableProcess process =
      transformed(
          Bpmn.createExecutableProcess("p")
              .startEvent()
              .userTask(
                  "zeebe",
                  u -> u.zeebeUserTask().zeebeFormId("form").zeebeCandidateGroups("officers"))
              .userTask("jobBased")
              .endEvent()
              .done());

  @Test
  void aZeebeUserTaskHasItsPropertiesAndNoJob() {
    assertThat(process.element("zeebe").userTask).isNotNull();
    assertThat(process.element("zeebe").isJobBased()).isFalse();
  }

  @Test
  void anyOtherUserTaskIsAJobOfZeebesUserTaskType() {
    assertThat(process.element("jobBased").userTask).isNull();
    assertThat(process.element("jobBased").job.type())
        .isEqualTo(Expression.of("io.camunda.zeebe:userTask"));
    assertThat(process.element("jobBased").job.retries()).isEqualTo(Expression.of("1"));
    assertThat(process.element("jobBased").job.headers()).isEmpty();
  }

  @Test
  void aJobBasedUserTaskKeepsTheHeadersOfItsTaskDefinition() {
    String xml =
        """
        <bpmn:userTask id="u">
          <bpmn:extensionElements>
            <zeebe:taskDefinition type="ignored" retries="9"/>
            <zeebe:taskHeaders><zeebe:header key="h" value="v"/></zeebe:taskHeaders>
          </bpmn:extensionElements>
        </bpmn:userTask>
        """;
    ExecutableElement task = transformed(xml).element("u");
    assertThat(task.job.type()).isEqualTo(Expression.of("io.camunda.zeebe:userTask"));
    assertThat(task.job.retries()).isEqualTo(Expression.of("1"));
    assertThat(task.job.headers()).containsExactly(entry("h", "v"));
  }
}
