package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.DecisionDefinitionResult;
import io.camunda.client.protocol.rest.DecisionDefinitionSearchQueryResult;
import io.camunda.client.protocol.rest.DecisionDefinitionTypeEnum;
import io.camunda.client.protocol.rest.DecisionEvaluationInstruction;
import io.camunda.client.protocol.rest.DecisionInstanceGetQueryResult;
import io.camunda.client.protocol.rest.DecisionInstanceResult;
import io.camunda.client.protocol.rest.DecisionInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.DecisionInstanceStateEnum;
import io.camunda.client.protocol.rest.DecisionRequirementsResult;
import io.camunda.client.protocol.rest.DecisionRequirementsSearchQueryResult;
import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import io.camunda.client.protocol.rest.EvaluatedDecisionInputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionOutputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionResult;
import io.camunda.client.protocol.rest.MatchedDecisionRuleItem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import landwatch.engine.Engine;
import landwatch.engine.bpmn.behavior.DecisionBehavior;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.DecisionInstance;
import landwatch.engine.state.DeployedDecision;
import landwatch.engine.state.EngineJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions: evaluation (a writer command, kept as decision instances), decision definitions and
 * requirements with their DMN XML, and the decision instances, the audit of every evaluation.
 */
@RestController
public class DecisionController {

  private final Engine engine;
  private final DecisionQueries queries;
  private final VariableLimits limits;

  public DecisionController(Engine engine, HistoryQueries history) {
    this.engine = engine;
    this.queries = new DecisionQueries(history);
    this.limits = new VariableLimits(engine.variableLimits);
  }

  @PostMapping(
      path = "/v2/decision-definitions/evaluation",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public EvaluateDecisionResult evaluate(@RequestBody DecisionEvaluationInstruction request) {
    Map<String, Object> variables =
        limits.check(request.getVariables() == null ? Map.of() : request.getVariables());
    long key = key("decisionDefinitionKey", request.getDecisionDefinitionKey());
    String id =
        request.getDecisionDefinitionId() == null || request.getDecisionDefinitionId().isBlank()
            ? null
            : request.getDecisionDefinitionId();
    DecisionBehavior.Outcome outcome =
        Committed.await(
            engine.writer.submit(batch -> engine.decisions.evaluate(batch, key, id, variables)));
    return toResult(outcome);
  }

  @GetMapping(path = "/v2/decision-definitions/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
  public DecisionDefinitionResult definition(@PathVariable("key") long key) {
    DecisionDefinitionResult found = queries.definition(key);
    if (found == null) {
      throw Rejection.notFound("Decision definition with key '%d' not found", key);
    }
    return found;
  }

  /** The XML of the decision's graph, as Zeebe answers it; read from the database. */
  @GetMapping(path = "/v2/decision-definitions/{key}/xml")
  public ResponseEntity<String> definitionXml(@PathVariable("key") long key) {
    return xml(Long.parseLong(definition(key).getDecisionRequirementsKey()));
  }

  @PostMapping(
      path = "/v2/decision-definitions/search",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public DecisionDefinitionSearchQueryResult searchDefinitions(
      @RequestBody(required = false) JsonNode request) {
    HistoryQueries.Page<DecisionDefinitionResult> page = queries.definitions(request);
    return new DecisionDefinitionSearchQueryResult().items(page.items()).page(page.page());
  }

  @GetMapping(path = "/v2/decision-requirements/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
  public DecisionRequirementsResult requirements(@PathVariable("key") long key) {
    DecisionRequirementsResult found = queries.requirements(key);
    if (found == null) {
      throw Rejection.notFound("Decision requirements with key '%d' not found", key);
    }
    return found;
  }

  @GetMapping(path = "/v2/decision-requirements/{key}/xml")
  public ResponseEntity<String> requirementsXml(@PathVariable("key") long key) {
    requirements(key);
    return xml(key);
  }

  @PostMapping(
      path = "/v2/decision-requirements/search",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public DecisionRequirementsSearchQueryResult searchRequirements(
      @RequestBody(required = false) JsonNode request) {
    HistoryQueries.Page<DecisionRequirementsResult> page = queries.requirements(request);
    return new DecisionRequirementsSearchQueryResult().items(page.items()).page(page.page());
  }

  @PostMapping(path = "/v2/decision-instances/search", produces = MediaType.APPLICATION_JSON_VALUE)
  public DecisionInstanceSearchQueryResult searchInstances(
      @RequestBody(required = false) JsonNode request) {
    HistoryQueries.Page<DecisionInstance> page = queries.instances(request);
    return new DecisionInstanceSearchQueryResult()
        .items(page.items().stream().map(DecisionController::toSearchResult).toList())
        .page(page.page());
  }

  @GetMapping(
      path = "/v2/decision-instances/{decisionEvaluationInstanceKey}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public DecisionInstanceGetQueryResult instance(
      @PathVariable("decisionEvaluationInstanceKey") String key) {
    DecisionInstance found = queries.instance(key);
    if (found == null) {
      throw Rejection.notFound("Decision instance with key '%s' not found", key);
    }
    DecisionInstanceResult base = toSearchResult(found);
    return new DecisionInstanceGetQueryResult()
        .decisionEvaluationInstanceKey(base.getDecisionEvaluationInstanceKey())
        .state(base.getState())
        .evaluationDate(base.getEvaluationDate())
        .evaluationFailure(base.getEvaluationFailure())
        .decisionDefinitionId(base.getDecisionDefinitionId())
        .decisionDefinitionName(base.getDecisionDefinitionName())
        .decisionDefinitionVersion(base.getDecisionDefinitionVersion())
        .decisionDefinitionType(base.getDecisionDefinitionType())
        .result(base.getResult())
        .tenantId(base.getTenantId())
        .decisionEvaluationKey(base.getDecisionEvaluationKey())
        .processDefinitionKey(base.getProcessDefinitionKey())
        .processInstanceKey(base.getProcessInstanceKey())
        .decisionDefinitionKey(base.getDecisionDefinitionKey())
        .elementInstanceKey(base.getElementInstanceKey())
        .evaluatedInputs(inputs(found))
        .matchedRules(rules(found));
  }

  private ResponseEntity<String> xml(long decisionRequirementsKey) {
    byte[] resource = engine.resource(decisionRequirementsKey);
    if (resource == null) {
      throw Rejection.notFound(
          "Decision requirements with key '%d' not found", decisionRequirementsKey);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_XML)
        .body(new String(resource, StandardCharsets.UTF_8));
  }

  private static long key(String name, String value) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw Rejection.invalidArgument("Expected '%s' to be a key, but it was '%s'", name, value);
    }
  }

  private static EvaluateDecisionResult toResult(DecisionBehavior.Outcome outcome) {
    DeployedDecision decision = outcome.decision();
    boolean failed = outcome.evaluation().isFailure();
    String evaluationKey = String.valueOf(outcome.evaluationKey());
    return new EvaluateDecisionResult()
        .decisionDefinitionKey(String.valueOf(decision.key()))
        .decisionDefinitionId(decision.decisionId())
        .decisionDefinitionName(decision.name())
        .decisionDefinitionVersion(decision.version())
        .decisionRequirementsId(decision.decisionRequirementsId())
        .decisionRequirementsKey(String.valueOf(decision.decisionRequirementsKey()))
        .output(EngineJson.writeValue(failed ? null : outcome.evaluation().output()))
        // Zeebe's record leaves them empty when the evaluation succeeded
        .failedDecisionDefinitionId(failed ? outcome.evaluation().failedDecisionId() : "")
        .failureMessage(failed ? outcome.evaluation().failure() : "")
        .tenantId(DeploymentController.TENANT)
        .decisionInstanceKey(evaluationKey)
        .decisionEvaluationKey(evaluationKey)
        .evaluatedDecisions(
            outcome.instances().stream()
                .map(
                    i ->
                        new EvaluatedDecisionResult()
                            .decisionDefinitionKey(String.valueOf(i.decisionKey()))
                            .decisionDefinitionId(i.decisionId())
                            .decisionDefinitionName(i.decisionName())
                            .decisionDefinitionVersion(i.decisionVersion())
                            .decisionDefinitionType(i.decisionType())
                            .output(i.result() == null ? "null" : i.result())
                            .tenantId(DeploymentController.TENANT)
                            .decisionEvaluationInstanceKey(i.key())
                            .evaluatedInputs(inputs(i))
                            .matchedRules(rules(i)))
                .toList());
  }

  private static DecisionInstanceResult toSearchResult(DecisionInstance i) {
    return new DecisionInstanceResult()
        .decisionEvaluationInstanceKey(i.key())
        .decisionEvaluationKey(String.valueOf(i.evaluationKey()))
        .state(DecisionInstanceStateEnum.fromValue(i.state()))
        .evaluationDate(
            Instant.ofEpochMilli(i.evaluationDate()).atOffset(ZoneOffset.UTC).toString())
        .evaluationFailure(i.evaluationFailure())
        .decisionDefinitionKey(String.valueOf(i.decisionKey()))
        .decisionDefinitionId(i.decisionId())
        .decisionDefinitionName(i.decisionName())
        .decisionDefinitionVersion(i.decisionVersion())
        .decisionDefinitionType(DecisionDefinitionTypeEnum.fromValue(i.decisionType()))
        .result(i.result())
        .tenantId(DeploymentController.TENANT)
        // -1 for an evaluation through the API, as Zeebe's (the client requires them)
        .processDefinitionKey(String.valueOf(i.processDefinitionKey()))
        .processInstanceKey(String.valueOf(i.processInstanceKey()))
        .elementInstanceKey(String.valueOf(i.elementInstanceKey()));
  }

  private static List<EvaluatedDecisionInputItem> inputs(DecisionInstance i) {
    return i.evaluatedInputs().stream()
        .map(
            in ->
                new EvaluatedDecisionInputItem()
                    .inputId(in.inputId())
                    .inputName(in.inputName())
                    .inputValue(in.inputValue()))
        .toList();
  }

  private static List<MatchedDecisionRuleItem> rules(DecisionInstance i) {
    return i.matchedRules().stream()
        .map(
            rule ->
                new MatchedDecisionRuleItem()
                    .ruleId(rule.ruleId())
                    .ruleIndex(rule.ruleIndex())
                    .evaluatedOutputs(
                        rule.evaluatedOutputs().stream()
                            .map(
                                out ->
                                    new EvaluatedDecisionOutputItem()
                                        .outputId(out.outputId())
                                        .outputName(out.outputName())
                                        .outputValue(out.outputValue()))
                            .toList()))
        .toList();
  }
}
