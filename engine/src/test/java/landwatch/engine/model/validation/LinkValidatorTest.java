package landwatch.engine.model.validation;

import static landwatch.engine.model.TestModels.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkValidatorTest {

  @Test
  void aLinkThrowFindsExactlyOneCatchOfItsNameInItsScope() {
    assertThat(
            problems(
                """
        <bpmn:intermediateThrowEvent id="jump"><bpmn:linkEventDefinition name="a"/></bpmn:intermediateThrowEvent>
        <bpmn:intermediateCatchEvent id="a1"><bpmn:linkEventDefinition name="a"/></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="a2"><bpmn:linkEventDefinition name="a"/></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="a3"><bpmn:linkEventDefinition name="a"/></bpmn:intermediateCatchEvent>
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="start"/>
          <bpmn:intermediateThrowEvent id="outward"><bpmn:linkEventDefinition name="a"/></bpmn:intermediateThrowEvent>
        </bpmn:subProcess>
        <bpmn:intermediateThrowEvent id="lost"><bpmn:linkEventDefinition name="b"/></bpmn:intermediateThrowEvent>
        """))
        .containsExactly(
            "Element: a2 - more than one link catch event named 'a' in the same scope",
            "Element: a3 - more than one link catch event named 'a' in the same scope",
            "Element: outward - no link catch event named 'a' in the same scope",
            "Element: lost - no link catch event named 'b' in the same scope");
  }
}
