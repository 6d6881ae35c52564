package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.BusinessRuleTaskBuilder;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Business-rule tasks with {@code zeebe:calledDecision}: the result variable shaped as Zeebe shapes
 * it, output mappings, the incidents of a failed evaluation and of a missing decision (resolving
 * evaluates again), the bindings, and the decision instance the task leaves.
 */
class BusinessRuleTaskTest extends EngineTest {

  /** start → business-rule task → a service task of type {@code id} (to look at the variables). */
  private String process(String id, Consumer<BusinessRuleTaskBuilder> task) {
    deploy(model(id, task));
    return id;
  }

  private static BpmnModelInstance model(String id, Consumer<BusinessRuleTaskBuilder> task) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .businessRuleTask("decide", task)
        .serviceTask("look", t -> t.zeebeJobType(id))
        .endEvent()
        .done();
  }

  @Test
  void aSingleOutputIsTheValueOfTheOneMatch() {
    Dmn.deploy(client, "business-rules.dmn");
    String id =
        process(
            uniqueId("brt-single"),
            t -> t.zeebeCalledDecisionId("brtVerdict").zeebeResultVariable("verdict"));
    start(id, Map.of("area", 150));
    assertThat(variablesSeenBy(id)).containsEntry("verdict", "illegal");
  }

  @Test
  void severalOutputsAreAContext() {
    Dmn.deploy(client, "business-rules.dmn");
    String id =
        process(
            uniqueId("brt-context"),
            t -> t.zeebeCalledDecisionId("brtPenalty").zeebeResultVariable("penalty"));
    start(id, Map.of("area", 150));
    assertThat(variablesSeenBy(id))
        .containsEntry("penalty", Map.of("verdict", "illegal", "fine", 1500));
  }

  @Test
  void collectIsAList() {
    Dmn.deploy(client, "business-rules.dmn");
    String id =
        process(
            uniqueId("brt-collect"),
            t -> t.zeebeCalledDecisionId("brtChecks").zeebeResultVariable("checks"));
    start(id, Map.of("area", 1500));
    assertThat(variablesSeenBy(id))
        .containsEntry("checks", List.of("survey", "inspection", "hearing"));
  }

  @Test
  void outputMappingsTakeFromTheResultVariableWhichStaysLocal() {
    Dmn.deploy(client, "business-rules.dmn");
    String id =
        process(
            uniqueId("brt-mapped"),
            t ->
                t.zeebeCalledDecisionId("brtPenalty")
                    .zeebeResultVariable("penalty")
                    .zeebeOutputExpression("penalty.fine", "fine")
                    .zeebeOutputExpression("penalty.verdict = \"illegal\"", "illegal"));
    start(id, Map.of("area", 200));
    Map<String, Object> seen = variablesSeenBy(id);
    assertThat(seen).containsEntry("fine", 2000).containsEntry("illegal", true);
    assertThat(seen).doesNotContainKey("penalty");
  }

  @Test
  void theDecisionIdMayBeAnExpression() {
    Dmn.deploy(client, "business-rules.dmn");
    String id =
        process(
            uniqueId("brt-feel-id"),
            t ->
                t.zeebeCalledDecisionIdExpression("\"brt\" + kind").zeebeResultVariable("verdict"));
    start(id, Map.of("area", 10, "kind", "Verdict"));
    assertThat(variablesSeenBy(id)).containsEntry("verdict", "minor");
  }

  @Test
  void aFailedEvaluationRaisesAnIncidentAndResolvingItEvaluatesAgain() {
    Dmn.deploy(client, "business-rules.dmn");
    String id =
        process(
            uniqueId("brt-failing"),
            t -> t.zeebeCalledDecisionId("brtOverlap").zeebeResultVariable("verdict"));
    // 100 matches two rules of a UNIQUE table
    long instance = start(id, Map.of("area", 100));
    Incident incident = activeIncidents(instance).get(0);
    assertThat(incident.getErrorType().name()).isEqualTo("DECISION_EVALUATION_ERROR");
    assertThat(incident.getErrorMessage())
        .startsWith("Expected to evaluate decision 'brtOverlap', but ")
        .contains("UNIQUE");
    assertThat(incident.getElementId()).isEqualTo("decide");
    assertThat(activate(id, 1)).isEmpty();

    client.newSetVariablesCommand(instance).variables(Map.of("area", 50)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    assertThat(activeIncidents(instance)).isEmpty();
    assertThat(variablesSeenBy(id)).containsEntry("verdict", "minor");
    // both evaluations are kept: the failed one and the one that went on
    assertThat(decisionInstances(instance))
        .extracting(d -> d.getState().name())
        .containsExactly("FAILED", "EVALUATED");
  }

  @Test
  void aMissingDecisionRaisesACalledDecisionIncidentAndResolvingAfterDeployingGoesOn() {
    String decisions = uniqueId("missing");
    String id =
        process(
            uniqueId("brt-missing"),
            t -> t.zeebeCalledDecisionId(decisions + "Verdict").zeebeResultVariable("verdict"));
    long instance = start(id, Map.of("area", 1));
    Incident incident = activeIncidents(instance).get(0);
    assertThat(incident.getErrorType().name()).isEqualTo("CALLED_DECISION_ERROR");
    assertThat(incident.getErrorMessage())
        .isEqualTo(
            "Expected to evaluate decision '%sVerdict', but no decision found for id '%sVerdict'",
            decisions, decisions);

    Dmn.deployXml(client, Dmn.versioned(decisions, "v1", "found"), "found.dmn");
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    assertThat(variablesSeenBy(id)).containsEntry("verdict", "found");
  }

  @Test
  void bindingsChooseTheLatestTheDeployedWithOrTheTaggedVersion() {
    String decisions = uniqueId("bound");
    String decisionId = decisions + "Verdict";
    String withDeployment = uniqueId("brt-deployment");
    String latest = uniqueId("brt-latest");
    String tagged = uniqueId("brt-tagged");
    client
        .newDeployResourceCommand()
        .addResourceStringUtf8(Dmn.versioned(decisions, "v1", "first"), "first.dmn")
        .addProcessModel(
            model(
                withDeployment,
                t ->
                    t.zeebeCalledDecisionId(decisionId)
                        .zeebeResultVariable("verdict")
                        .zeebeBindingType(ZeebeBindingType.deployment)),
            "with-deployment.bpmn")
        .send()
        .join();
    Dmn.deployXml(client, Dmn.versioned(decisions, "v2", "second"), "second.dmn");
    process(latest, t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("verdict"));
    process(
        tagged,
        t ->
            t.zeebeCalledDecisionId(decisionId)
                .zeebeResultVariable("verdict")
                .zeebeBindingType(ZeebeBindingType.versionTag)
                .zeebeVersionTag("v1"));

    start(withDeployment, Map.of("area", 1));
    start(latest, Map.of("area", 1));
    start(tagged, Map.of("area", 1));
    assertThat(variablesSeenBy(withDeployment)).containsEntry("verdict", "first");
    assertThat(variablesSeenBy(latest)).containsEntry("verdict", "second");
    assertThat(variablesSeenBy(tagged)).containsEntry("verdict", "first");
  }

  @Test
  void aVersionTagNoVersionHasRaisesACalledDecisionIncident() {
    String decisions = uniqueId("untagged");
    Dmn.deployXml(client, Dmn.versioned(decisions, "v1", "first"), "untagged.dmn");
    String id =
        process(
            uniqueId("brt-no-tag"),
            t ->
                t.zeebeCalledDecisionId(decisions + "Verdict")
                    .zeebeResultVariable("verdict")
                    .zeebeBindingType(ZeebeBindingType.versionTag)
                    .zeebeVersionTag("v9"));
    long instance = start(id, Map.of("area", 1));
    Incident incident = activeIncidents(instance).get(0);
    assertThat(incident.getErrorType().name()).isEqualTo("CALLED_DECISION_ERROR");
    assertThat(incident.getErrorMessage())
        .startsWith(
            "Expected to evaluate decision with id '"
                + decisions
                + "Verdict' and version tag 'v9', but no such decision found.");
  }

  @Test
  void theTasksDecisionInstanceLinksToItsProcessAndElementInstance() {
    Dmn.deploy(client, "business-rules.dmn");
    String id =
        process(
            uniqueId("brt-linked"),
            t -> t.zeebeCalledDecisionId("brtVerdict").zeebeResultVariable("verdict"));
    long instance = start(id, Map.of("area", 150));
    long task =
        elements(instance).stream()
            .filter(e -> e.getElementId().equals("decide"))
            .map(ElementInstance::getElementInstanceKey)
            .findFirst()
            .orElseThrow();
    DecisionInstance decision = decisionInstances(instance).get(0);
    assertThat(decision.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(decision.getElementInstanceKey()).isEqualTo(task);
    assertThat(decision.getDecisionDefinitionId()).isEqualTo("brtVerdict");
    assertThat(Dmn.value(decision.getResult())).isEqualTo("illegal");
  }

  private List<DecisionInstance> decisionInstances(long processInstanceKey) {
    return client
        .newDecisionInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .items();
  }
}
