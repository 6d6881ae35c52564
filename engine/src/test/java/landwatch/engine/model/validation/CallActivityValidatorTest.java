package landwatch.engine.model.validation;

import static landwatch.engine.model.TestModels.notFeel;
import static landwatch.engine.model.TestModels.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallActivityValidatorTest {

  @Test
  void aCallActivityNamesTheProcessItCallsAndHowItBindsIt() {
    assertThat(
            problems(
                """
        <bpmn:callActivity id="none"/>
        <bpmn:callActivity id="noProcess">
          <bpmn:extensionElements><zeebe:calledElement/></bpmn:extensionElements>
        </bpmn:callActivity>
        <bpmn:callActivity id="notFeel">
          <bpmn:extensionElements><zeebe:calledElement processId="= a +* b"/></bpmn:extensionElements>
        </bpmn:callActivity>
        <bpmn:callActivity id="noTag">
          <bpmn:extensionElements><zeebe:calledElement processId="child" bindingType="versionTag"/></bpmn:extensionElements>
        </bpmn:callActivity>
        <bpmn:callActivity id="tagged">
          <bpmn:extensionElements><zeebe:calledElement processId="child" bindingType="versionTag" versionTag="v1"/></bpmn:extensionElements>
        </bpmn:callActivity>
        """))
        .containsExactly(
            "Element: none - a call activity must have a zeebe:calledElement with a processId",
            "Element: noProcess - a call activity must have a zeebe:calledElement with a processId",
            notFeel("notFeel", "called process id", " a +* b"),
            "Element: noTag - a call activity with binding type 'versionTag' needs a versionTag");
  }
}
