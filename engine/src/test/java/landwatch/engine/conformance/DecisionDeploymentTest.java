package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.response.DecisionDefinition;
import io.camunda.client.api.search.response.DecisionRequirements;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DMN deployment: decision requirements versioned by their id and decisions by theirs (same content
 * ⇒ same versions and keys), a DMN that does not parse or has an unknown hit policy refused naming
 * it with nothing stored, and the definitions, requirements and their XML read back.
 */
class DecisionDeploymentTest extends EngineTest {

  @Test
  void sameContentKeepsItsVersionsAndKeysAChangedGraphVersionsItsDecisions() {
    String prefix = uniqueId("versions");
    DeploymentEvent first = Dmn.deployXml(client, Dmn.versioned(prefix, "v1", "a"), "v.dmn");
    DeploymentEvent again = Dmn.deployXml(client, Dmn.versioned(prefix, "v1", "a"), "v.dmn");
    DeploymentEvent changed = Dmn.deployXml(client, Dmn.versioned(prefix, "v1", "b"), "v.dmn");

    Decision one = first.getDecisions().get(0);
    assertThat(one.getVersion()).isEqualTo(1);
    assertThat(one.getDmnDecisionRequirementsId()).isEqualTo(prefix);
    assertThat(first.getDecisionRequirements().get(0).getVersion()).isEqualTo(1);
    assertThat(again.getDecisions().get(0).getDecisionKey()).isEqualTo(one.getDecisionKey());
    assertThat(again.getDecisionRequirements().get(0).getDecisionRequirementsKey())
        .isEqualTo(one.getDecisionRequirementsKey());
    Decision two = changed.getDecisions().get(0);
    assertThat(two.getVersion()).isEqualTo(2);
    assertThat(two.getDecisionKey()).isNotEqualTo(one.getDecisionKey());
    assertThat(changed.getDecisionRequirements().get(0).getVersion()).isEqualTo(2);

    assertThat(Dmn.output(Dmn.evaluate(client, prefix + "Verdict", java.util.Map.of())))
        .isEqualTo("b");
    assertThat(
            client
                .newEvaluateDecisionCommand()
                .decisionKey(one.getDecisionKey())
                .send()
                .join()
                .getDecisionOutput())
        .isEqualTo("\"a\"");
  }

  @Test
  void definitionsAndRequirementsAreReadBackWithTheirXml() {
    String prefix = uniqueId("readback");
    String xml = Dmn.versioned(prefix, "v1", "a");
    Decision deployed = Dmn.deployXml(client, xml, "readback.dmn").getDecisions().get(0);

    DecisionDefinition definition =
        client.newDecisionDefinitionGetRequest(deployed.getDecisionKey()).send().join();
    assertThat(definition.getDmnDecisionId()).isEqualTo(prefix + "Verdict");
    assertThat(definition.getDmnDecisionName()).isEqualTo("Versioned verdict");
    assertThat(definition.getDecisionRequirementsKey())
        .isEqualTo(deployed.getDecisionRequirementsKey());
    assertThat(client.newDecisionDefinitionGetXmlRequest(deployed.getDecisionKey()).send().join())
        .isEqualTo(xml);

    DecisionRequirements requirements =
        client
            .newDecisionRequirementsGetRequest(deployed.getDecisionRequirementsKey())
            .send()
            .join();
    assertThat(requirements.getDmnDecisionRequirementsId()).isEqualTo(prefix);
    assertThat(requirements.getDmnDecisionRequirementsName()).isEqualTo("Versioned");
    assertThat(requirements.getResourceName()).isEqualTo("readback.dmn");
    assertThat(
            client
                .newDecisionRequirementsGetXmlRequest(deployed.getDecisionRequirementsKey())
                .send()
                .join())
        .isEqualTo(xml);

    assertThat(
            client
                .newDecisionDefinitionSearchRequest()
                .filter(f -> f.decisionRequirementsId(prefix))
                .send()
                .join()
                .items())
        .extracting(DecisionDefinition::getDecisionKey)
        .containsExactly(deployed.getDecisionKey());
    assertThat(
            client
                .newDecisionRequirementsSearchRequest()
                .filter(f -> f.decisionRequirementsId(prefix))
                .send()
                .join()
                .items())
        .extracting(DecisionRequirements::getDecisionRequirementsKey)
        .containsExactly(deployed.getDecisionRequirementsKey());
    assertThatThrownBy(() -> client.newDecisionDefinitionGetRequest(1L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void aDmnThatDoesNotParseIsRefusedNamingItAndNothingIsStored() {
    assertRefusedWithNothingStored(
        "not-parsing.dmn", "brokenDrg", "'not-parsing.dmn': failed to parse the DMN");
  }

  @Test
  void anUnknownHitPolicyIsRefusedNamingItAndNothingIsStored() {
    assertRefusedWithNothingStored(
        "unknown-hit-policy.dmn", "unknownHitPolicy", "the unknown hitPolicy 'SOMETIMES'");
  }

  /** Refused, and neither the DMN nor the process deployed with it is stored. */
  private void assertRefusedWithNothingStored(String resource, String drgId, String reason) {
    String processId = uniqueId("beside-bad-dmn");
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addProcessModel(
                        Bpmn.createExecutableProcess(processId).startEvent().endEvent().done(),
                        "beside.bpmn")
                    .addResourceStringUtf8(Dmn.resource(resource), resource)
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getTitle()).isEqualTo("INVALID_ARGUMENT");
              assertThat(e.details().getDetail()).contains(resource).contains(reason);
            });
    assertThat(
            client
                .newDecisionRequirementsSearchRequest()
                .filter(f -> f.decisionRequirementsId(drgId))
                .send()
                .join()
                .items())
        .isEmpty();
    assertThat(
            client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(processId))
                .send()
                .join()
                .items())
        .isEmpty();
    List<?> none =
        client
            .newDecisionDefinitionSearchRequest()
            .filter(f -> f.decisionRequirementsId(drgId))
            .send()
            .join()
            .items();
    assertThat(none).isEmpty();
  }
}
