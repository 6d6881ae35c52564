package landwatch.engine.model.validation;

import static landwatch.engine.model.TestModels.notFeel;
import static landwatch.engine.model.TestModels.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskValidatorTest {

  @Test
  void serviceAndSendTasksNeedATaskDefinition() {
    assertThat(
            problems(
                """
        <bpmn:serviceTask id="service"/>
        <bpmn:sendTask id="send"/>
        """))
        .containsExactly(
            "Element: service - a serviceTask must have a zeebe:taskDefinition with a type",
            "Element: send - a sendTask must have a zeebe:taskDefinition with a type");
  }

  @Test
  void theJobTypeAndRetriesMustBeUsable() {
    assertThat(
            problems(
                """
        <bpmn:serviceTask id="blank">
          <bpmn:extensionElements><zeebe:taskDefinition type=" "/></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:serviceTask id="feel">
          <bpmn:extensionElements><zeebe:taskDefinition type="= a +* b" retries="= c +* d"/></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:userTask id="jobBasedUser">
          <bpmn:extensionElements><zeebe:taskDefinition type="= e +* f"/></bpmn:extensionElements>
        </bpmn:userTask>
        """))
        .containsExactly(
            "Element: blank - the job type must not be empty",
            notFeel("feel", "job type", " a +* b"),
            notFeel("feel", "job retries", " c +* d"),
            notFeel("jobBasedUser", "job type", " e +* f"));
  }

  @Test
  void aScriptTaskRunsFeelOrIsJobBased() {
    assertThat(
            problems(
                """
        <bpmn:scriptTask id="nothing"/>
        <bpmn:scriptTask id="notFeel">
          <bpmn:extensionElements><zeebe:script expression="= a +* b" resultVariable="r"/></bpmn:extensionElements>
        </bpmn:scriptTask>
        <bpmn:scriptTask id="jobBased">
          <bpmn:extensionElements><zeebe:taskDefinition type="script-worker"/></bpmn:extensionElements>
        </bpmn:scriptTask>
        """))
        .containsExactly(
            "Element: nothing - a script task must have a zeebe:script or a zeebe:taskDefinition",
            notFeel("notFeel", "script", " a +* b"));
  }

  @Test
  void aReceiveTaskWaitsForANamedMessage() {
    assertThat(
            problems(
                "<bpmn:message id=\"m\" name=\"order\"/>",
                """
        <bpmn:receiveTask id="unnamed"/>
        <bpmn:receiveTask id="keyless" messageRef="m"/>
        """))
        .containsExactly(
            "Element: unnamed - must reference a message with a name",
            "Element: keyless - a message catch needs a zeebe:subscription with a correlationKey");
  }
}
