package landwatch.engine.model.validation;

import static landwatch.engine.model.TestModels.notFeel;
import static landwatch.engine.model.TestModels.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowNodeValidatorTest {

  @Test
  void anElementKindTheEngineDoesNotRunIsRejectedAndNotLookedInto() {
    assertThat(
            problems(
                """
        <bpmn:complexGateway id="complex"/>
        <bpmn:transaction id="tx"><bpmn:serviceTask id="inside"/></bpmn:transaction>
        <bpmn:adHocSubProcess id="adHoc"/>
        """))
        .containsExactly(
            "Element: complex - the element 'complexGateway' is not supported",
            "Element: tx - the element 'transaction' is not supported",
            "Element: adHoc - the element 'adHocSubProcess' is not supported");
  }

  @Test
  void executionListenersAreRejected() {
    assertThat(
            problems(
                """
        <bpmn:manualTask id="t">
          <bpmn:extensionElements>
            <zeebe:executionListeners><zeebe:executionListener eventType="start" type="listener"/></zeebe:executionListeners>
          </bpmn:extensionElements>
        </bpmn:manualTask>
        """))
        .containsExactly("Element: t - execution listeners are not supported");
  }

  @Test
  void everyMappingSourceMustBeFeelAfterTheListeners() {
    assertThat(
            problems(
                """
        <bpmn:manualTask id="t">
          <bpmn:extensionElements>
            <zeebe:executionListeners><zeebe:executionListener eventType="start" type="listener"/></zeebe:executionListeners>
            <zeebe:ioMapping>
              <zeebe:input source="= a +* b" target="in"/>
              <zeebe:input source="fine" target="fine"/>
              <zeebe:output source="c +* d " target="out"/>
            </zeebe:ioMapping>
          </bpmn:extensionElements>
        </bpmn:manualTask>
        """))
        .containsExactly(
            "Element: t - execution listeners are not supported",
            notFeel("t", "mapping source", " a +* b"),
            notFeel("t", "mapping source", "c +* d"));
  }

  @Test
  void compensationActivitiesAreRejected() {
    assertThat(problems("<bpmn:manualTask id=\"undo\" isForCompensation=\"true\"/>"))
        .containsExactly("Element: undo - compensation activities are not supported");
  }
}
