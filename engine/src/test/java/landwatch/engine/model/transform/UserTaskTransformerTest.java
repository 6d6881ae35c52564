package landwatch.engine.model.transform;

import static landwatch.engine.model.TestModels.transformed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.camunda.zeebe.model.bpmn.Bpmn;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.model.Expression;
import landwatch.engine.model.UserTaskProperties;
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
  void aZeebeUserTaskKeepsEveryAttributeStaticOrFeel() {
    String xml =
        """
        <bpmn:userTask id="u">
          <bpmn:extensionElements>
            <zeebe:userTask/>
            <zeebe:assignmentDefinition assignee="= officer" candidateGroups="a, b" candidateUsers="= users"/>
            <zeebe:taskSchedule dueDate="2030-01-01T00:00:00Z" followUpDate="= followUp"/>
            <zeebe:priorityDefinition priority="= 10 * urgency"/>
            <zeebe:formDefinition formId="review" bindingType="versionTag" versionTag="v2"/>
            <zeebe:taskHeaders><zeebe:header key="h" value="v"/></zeebe:taskHeaders>
          </bpmn:extensionElements>
        </bpmn:userTask>
        """;
    UserTaskProperties task = transformed(xml).element("u").userTask;
    assertThat(task.assignee()).isEqualTo(Expression.of("= officer"));
    assertThat(task.candidateGroups()).isEqualTo(Expression.of("a, b"));
    assertThat(task.candidateUsers()).isEqualTo(Expression.of("= users"));
    assertThat(task.dueDate()).isEqualTo(Expression.of("2030-01-01T00:00:00Z"));
    assertThat(task.followUpDate()).isEqualTo(Expression.of("= followUp"));
    assertThat(task.priority()).isEqualTo(Expression.of("= 10 * urgency"));
    assertThat(task.form())
        .isEqualTo(
            new UserTaskProperties.Form(
                "review", UserTaskProperties.Binding.VERSION_TAG, "v2", null));
    assertThat(task.headers()).containsExactly(entry("h", "v"));
  }

  @Test
  void withoutAttributesAZeebeUserTaskHasNoneAndTheLatestFormBindingIsTheDefault() {
    String xml =
        """
        <bpmn:userTask id="u">
          <bpmn:extensionElements>
            <zeebe:userTask/>
            <zeebe:formDefinition formId="review"/>
          </bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:userTask id="external">
          <bpmn:extensionElements>
            <zeebe:userTask/>
            <zeebe:formDefinition externalReference="= url"/>
          </bpmn:extensionElements>
        </bpmn:userTask>
        """;
    ExecutableProcess transformed = transformed(xml);
    UserTaskProperties task = transformed.element("u").userTask;
    assertThat(task.assignee()).isNull();
    assertThat(task.priority()).isNull();
    assertThat(task.form().binding()).isEqualTo(UserTaskProperties.Binding.LATEST);
    assertThat(transformed.element("external").userTask.form())
        .isEqualTo(new UserTaskProperties.Form(null, null, null, Expression.of("= url")));
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
