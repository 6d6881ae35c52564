package landwatch.engine.model.validation;

import static landwatch.engine.model.TestModels.notFeel;
import static landwatch.engine.model.TestModels.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserTaskValidatorTest {

  @Test
  void aStaticPriorityMustBeAnIntegerFromZeroToHundred() {
    assertThat(
            problems(
                """
        <bpmn:userTask id="high">
          <bpmn:extensionElements><zeebe:userTask/><zeebe:priorityDefinition priority="101"/></bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:userTask id="text">
          <bpmn:extensionElements><zeebe:userTask/><zeebe:priorityDefinition priority="high"/></bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:userTask id="fine">
          <bpmn:extensionElements><zeebe:userTask/><zeebe:priorityDefinition priority="100"/></bpmn:extensionElements>
        </bpmn:userTask>
        """))
        .containsExactly(
            "Element: high - the priority must be an integer from 0 to 100, but it was '101'",
            "Element: text - the priority must be an integer from 0 to 100, but it was 'high'");
  }

  @Test
  void staticDatesMustBeIso8601DateTimesAndFeelMustParse() {
    assertThat(
            problems(
                """
        <bpmn:userTask id="u">
          <bpmn:extensionElements>
            <zeebe:userTask/>
            <zeebe:taskSchedule dueDate="tomorrow" followUpDate="= a +* b"/>
            <zeebe:assignmentDefinition assignee="= c +* d"/>
          </bpmn:extensionElements>
        </bpmn:userTask>
        """))
        .containsExactly(
            notFeel("u", "assignee", " c +* d"),
            "Element: u - the dueDate 'tomorrow' is not an ISO 8601 date-time with an offset,"
                + " e.g. 2025-04-01T08:30:00+08:00",
            notFeel("u", "followUpDate", " a +* b"));
  }

  @Test
  void aTaskListenerNeedsANonEmptyTypeAndFeelThatParses() {
    assertThat(
            problems(
                """
        <bpmn:userTask id="u">
          <bpmn:extensionElements>
            <zeebe:userTask/>
            <zeebe:taskListeners>
              <zeebe:taskListener eventType="completing" type=""/>
              <zeebe:taskListener eventType="assigning" type="= a +* b"/>
              <zeebe:taskListener eventType="complete" type="audit" retries="= c +* d"/>
              <zeebe:taskListener eventType="canceling" type="cleanup"/>
            </zeebe:taskListeners>
          </bpmn:extensionElements>
        </bpmn:userTask>
        """))
        .containsExactly(
            "Element: u - a zeebe:taskListener must have a non-empty type",
            notFeel("u", "task listener type", " a +* b"),
            notFeel("u", "task listener retries", " c +* d"));
  }

  @Test
  void aFormBoundByVersionTagNamesTheTag() {
    assertThat(
            problems(
                """
        <bpmn:userTask id="u">
          <bpmn:extensionElements>
            <zeebe:userTask/>
            <zeebe:formDefinition formId="f" bindingType="versionTag"/>
          </bpmn:extensionElements>
        </bpmn:userTask>
        """))
        .containsExactly("Element: u - a form bound by versionTag must name the versionTag");
  }

  @Test
  void aJobBasedUserTaskIsNotCheckedAsAZeebeUserTask() {
    assertThat(
            problems(
                """
        <bpmn:userTask id="u">
          <bpmn:extensionElements><zeebe:priorityDefinition priority="101"/></bpmn:extensionElements>
        </bpmn:userTask>
        """))
        .isEmpty();
  }
}
