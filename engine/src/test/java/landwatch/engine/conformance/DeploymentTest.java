package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** Deployment: versioning per process id, rejections naming element and reason, DMN and forms. */
class DeploymentTest extends EngineTest {

  @Test
  void identicalContentKeepsItsVersionAndChangedContentGetsTheNext() {
    String id = uniqueId("deploy");
    BpmnModelInstance v1 = Bpmn.createExecutableProcess(id).startEvent().endEvent().done();
    DeploymentEvent first =
        client.newDeployResourceCommand().addProcessModel(v1, "p.bpmn").send().join();
    DeploymentEvent again =
        client.newDeployResourceCommand().addProcessModel(v1, "p.bpmn").send().join();
    assertThat(again.getProcesses().get(0).getVersion()).isEqualTo(1);
    assertThat(again.getProcesses().get(0).getProcessDefinitionKey())
        .isEqualTo(first.getProcesses().get(0).getProcessDefinitionKey());
    BpmnModelInstance v2 =
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("x"))
            .endEvent()
            .done();
    DeploymentEvent changed =
        client.newDeployResourceCommand().addProcessModel(v2, "p.bpmn").send().join();
    assertThat(changed.getProcesses().get(0).getVersion()).isEqualTo(2);
  }

  @Test
  void deployedDefinitionsCanBeReadBackWithTheirXml() {
    String id = uniqueId("readback");
    BpmnModelInstance v1 =
        Bpmn.createExecutableProcess(id).name("Spot check").startEvent().endEvent().done();
    client.newDeployResourceCommand().addProcessModel(v1, "spot.bpmn").send().join();
    long latest =
        deploy(
            Bpmn.createExecutableProcess(id)
                .name("Spot check")
                .startEvent()
                .endEvent("done")
                .done());
    var definition = client.newProcessDefinitionGetRequest(latest).send().join();
    assertThat(definition.getName()).isEqualTo("Spot check");
    assertThat(definition.getVersion()).isEqualTo(2);
    assertThat(client.newProcessDefinitionGetXmlRequest(latest).send().join())
        .contains("id=\"done\"");
    var found =
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(id).isLatestVersion(true))
            .send()
            .join()
            .items();
    assertThat(found)
        .singleElement()
        .satisfies(d -> assertThat(d.getProcessDefinitionKey()).isEqualTo(latest));
  }

  @Test
  void invalidBpmnIsRejectedWithTheValidatorsMessage() {
    String id = uniqueId("invalid");
    BpmnModelInstance noType =
        Bpmn.createExecutableProcess(id).startEvent().serviceTask("nameless").endEvent().done();
    assertThatThrownBy(
            () ->
                client.newDeployResourceCommand().addProcessModel(noType, "bad.bpmn").send().join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("nameless");
            });
  }

  @Test
  void unsupportedElementsAreRejectedNamingElementAndReason() {
    String id = uniqueId("unsupported");
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://landwatch">
          <bpmn:process id="%s" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:complexGateway id="complex"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:complexGateway>
            <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="complex"/>
            <bpmn:sequenceFlow id="f2" sourceRef="complex" targetRef="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(id)
            .strip();
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceStringUtf8(xml, "complex.bpmn")
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail())
                  .contains("complex")
                  .containsIgnoringCase("not supported");
            });
  }

  @Test
  void userTasksAndBusinessRuleTasksAreAcceptedAndDmnAndFormsAreStored() {
    String id = uniqueId("part2");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "review",
                u ->
                    u.zeebeUserTask()
                        .zeebeFormId("review-form")
                        .zeebeCandidateGroups("county:640104:officer"))
            .businessRuleTask(
                "judge", b -> b.zeebeCalledDecisionId("judge").zeebeResultVariable("verdict"))
            .endEvent()
            .done();
    String dmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="judging" name="Judging" namespace="http://landwatch">
          <decision id="judge" name="Judge">
            <decisionTable id="table"><input id="i"><inputExpression typeRef="number"><text>area</text></inputExpression></input>
              <output id="o" name="verdict" typeRef="string"/>
              <rule id="r"><inputEntry id="ie"><text>&gt; 0</text></inputEntry><outputEntry id="oe"><text>"illegal"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """
            .strip();
    String form = "{\"id\":\"review-form\",\"type\":\"default\",\"components\":[]}";
    DeploymentEvent event =
        client
            .newDeployResourceCommand()
            .addProcessModel(model, "part2.bpmn")
            .addResourceStringUtf8(dmn, "judge.dmn")
            .addResourceStringUtf8(form, "review.form")
            .send()
            .join();
    assertThat(event.getProcesses()).hasSize(1);
    assertThat(event.getDecisions())
        .singleElement()
        .satisfies(d -> assertThat(d.getDmnDecisionId()).isEqualTo("judge"));
    assertThat(event.getForm())
        .singleElement()
        .satisfies(f -> assertThat(f.getFormId()).isEqualTo("review-form"));
  }
}
