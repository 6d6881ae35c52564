package landwatch.engine.model.validation;

import static landwatch.engine.model.TestModels.notFeel;
import static landwatch.engine.model.TestModels.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultiInstanceValidatorTest {

  @Test
  void aMultiInstanceActivityNeedsAnInputCollection() {
    assertThat(
            problems(
                """
        <bpmn:manualTask id="bare"><bpmn:multiInstanceLoopCharacteristics/></bpmn:manualTask>
        <bpmn:manualTask id="noCollection">
          <bpmn:multiInstanceLoopCharacteristics>
            <bpmn:extensionElements><zeebe:loopCharacteristics inputElement="item"/></bpmn:extensionElements>
          </bpmn:multiInstanceLoopCharacteristics>
        </bpmn:manualTask>
        """))
        .containsExactly(
            "Element: bare - a multi-instance activity needs zeebe:loopCharacteristics with an inputCollection",
            "Element: noCollection - a multi-instance activity needs zeebe:loopCharacteristics with an inputCollection");
  }

  @Test
  void itsExpressionsMustBeFeel() {
    assertThat(
            problems(
                """
        <bpmn:manualTask id="t">
          <bpmn:multiInstanceLoopCharacteristics>
            <bpmn:extensionElements>
              <zeebe:loopCharacteristics inputCollection="= a +* b" outputCollection="out" outputElement="c +* d"/>
            </bpmn:extensionElements>
            <bpmn:completionCondition>= d +* e</bpmn:completionCondition>
          </bpmn:multiInstanceLoopCharacteristics>
        </bpmn:manualTask>
        """))
        .containsExactly(
            notFeel("t", "inputCollection", " a +* b"),
            notFeel("t", "outputElement", "c +* d"),
            notFeel("t", "completionCondition", " d +* e"));
  }
}
