package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.response.MatchedDecisionRule;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.DecisionInstanceState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every evaluation is kept as decision instances, one per decision it evaluated, with the inputs,
 * the matched rules and their outputs, and the result: the audit of why a decision came out as it
 * did, read back with {@code GET /v2/decision-instances/{id}} and {@code POST
 * /v2/decision-instances/search}.
 */
class DecisionInstanceAuditTest extends EngineTest {

  @Test
  void anEvaluationKeepsItsInputsMatchedRulesAndOutputs() {
    long decisionKey =
        Dmn.deploy(client, "thirty-rules.dmn").getDecisions().get(0).getDecisionKey();
    EvaluateDecisionResponse response =
        client
            .newEvaluateDecisionCommand()
            .decisionKey(decisionKey)
            .variables(Map.of("area", 250))
            .send()
            .join();
    assertThat(response.getDecisionKey()).isEqualTo(decisionKey);
    assertThat(response.getDecisionId()).isEqualTo("bandOf");
    assertThat(Dmn.output(response)).isEqualTo("band-2");
    EvaluatedDecision evaluated = response.getEvaluatedDecisions().get(0);
    assertThat(evaluated.getDecisionEvaluationInstanceKey())
        .isEqualTo(response.getDecisionEvaluationKey() + "-1");

    DecisionInstance stored =
        client
            .newDecisionInstanceGetRequest(evaluated.getDecisionEvaluationInstanceKey())
            .send()
            .join();
    assertThat(stored.getState()).isEqualTo(DecisionInstanceState.EVALUATED);
    assertThat(stored.getDecisionDefinitionKey()).isEqualTo(decisionKey);
    assertThat(stored.getDecisionDefinitionId()).isEqualTo("bandOf");
    assertThat(stored.getDecisionDefinitionName()).isEqualTo("Band");
    assertThat(stored.getDecisionDefinitionType().name()).isEqualTo("DECISION_TABLE");
    assertThat(Dmn.value(stored.getResult())).isEqualTo("band-2");
    assertThat(stored.getProcessInstanceKey()).isEqualTo(-1L);
    assertThat(stored.getEvaluatedInputs())
        .singleElement()
        .satisfies(
            input -> {
              assertThat(input.getInputName()).isEqualTo("Area");
              assertThat(Dmn.value(input.getInputValue())).isEqualTo(250);
            });
    // [200..300) is the third of the thirty rules
    MatchedDecisionRule rule = stored.getMatchedRules().get(0);
    assertThat(stored.getMatchedRules()).hasSize(1);
    assertThat(rule.getRuleId()).isEqualTo("bandOf_rule_3");
    assertThat(rule.getRuleIndex()).isEqualTo(3);
    assertThat(rule.getEvaluatedOutputs())
        .singleElement()
        .satisfies(
            out -> {
              assertThat(out.getOutputName()).isEqualTo("band");
              assertThat(Dmn.value(out.getOutputValue())).isEqualTo("band-2");
            });
  }

  @Test
  void aGraphsEvaluationKeepsOneInstancePerDecisionItEvaluated() {
    Dmn.deploy(client, "fine-drg.dmn");
    EvaluateDecisionResponse response =
        Dmn.evaluate(client, "fineAmount", Map.of("area", 1200, "farmland", false));
    assertThat(Dmn.output(response)).isEqualTo(12000);
    List<DecisionInstance> instances =
        client
            .newDecisionInstanceSearchRequest()
            .filter(f -> f.decisionInstanceKey(response.getDecisionEvaluationKey()))
            .send()
            .join()
            .items();
    assertThat(instances)
        .extracting(DecisionInstance::getDecisionInstanceId)
        .containsExactly(
            response.getDecisionEvaluationKey() + "-1",
            response.getDecisionEvaluationKey() + "-2",
            response.getDecisionEvaluationKey() + "-3");
    assertThat(instances)
        .extracting(DecisionInstance::getDecisionDefinitionId)
        .containsExactlyInAnyOrder("severity", "landClass", "fineAmount");
    assertThat(instances)
        .filteredOn(i -> i.getDecisionDefinitionId().equals("landClass"))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getDecisionDefinitionType().name()).isEqualTo("LITERAL_EXPRESSION");
              assertThat(Dmn.value(i.getResult())).isEqualTo("other");
            });
  }

  @Test
  void aFailedEvaluationIsKeptAsFailedWithItsReason() {
    Dmn.deploy(client, "business-rules.dmn");
    EvaluateDecisionResponse response = Dmn.evaluate(client, "brtOverlap", Map.of("area", 100));
    assertThat(response.getFailureMessage()).contains("UNIQUE");
    DecisionInstance failed =
        client
            .newDecisionInstanceGetRequest(response.getDecisionEvaluationKey() + "-1")
            .send()
            .join();
    assertThat(failed.getState()).isEqualTo(DecisionInstanceState.FAILED);
    assertThat(failed.getEvaluationFailure()).isEqualTo(response.getFailureMessage());
    // the rules that matched are the reason it failed: they are kept too
    assertThat(failed.getMatchedRules())
        .extracting(MatchedDecisionRule::getRuleIndex)
        .containsExactly(1, 2);
    assertThat(
            client
                .newDecisionInstanceSearchRequest()
                .filter(
                    f -> f.decisionDefinitionId("brtOverlap").state(DecisionInstanceState.FAILED))
                .send()
                .join()
                .items())
        .extracting(DecisionInstance::getDecisionInstanceId)
        .contains(response.getDecisionEvaluationKey() + "-1");
  }

  @Test
  void searchesFilterByDecisionAndState() {
    long decisionKey =
        Dmn.deploy(client, "thirty-rules.dmn").getDecisions().get(0).getDecisionKey();
    EvaluateDecisionResponse first = Dmn.evaluate(client, "bandOf", Map.of("area", 5));
    EvaluateDecisionResponse second = Dmn.evaluate(client, "bandOf", Map.of("area", 2950));
    List<DecisionInstance> byDecision =
        client
            .newDecisionInstanceSearchRequest()
            .filter(
                f -> f.decisionDefinitionKey(decisionKey).state(DecisionInstanceState.EVALUATED))
            .send()
            .join()
            .items();
    assertThat(byDecision)
        .extracting(DecisionInstance::getDecisionInstanceKey)
        .contains(first.getDecisionEvaluationKey(), second.getDecisionEvaluationKey());
    assertThat(byDecision)
        .allSatisfy(i -> assertThat(i.getDecisionDefinitionKey()).isEqualTo(decisionKey));
  }

  @Test
  void unknownDecisionsAndInstancesAreNotFound() {
    assertThatThrownBy(() -> Dmn.evaluate(client, uniqueId("nowhere"), Map.of()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.details().getDetail()).contains("but no decision found for id");
            });
    assertThatThrownBy(() -> client.newDecisionInstanceGetRequest("1-1").send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }
}
