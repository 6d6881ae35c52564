package landwatch.engine.bpmn;

import java.util.Map;
import landwatch.engine.EngineProperties;
import landwatch.engine.dmn.DecisionEngine;
import landwatch.engine.dmn.DecisionModels;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Expression;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.StreamProcessor;
import landwatch.engine.record.RecordWriter;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.EngineState;
import landwatch.engine.state.VariableDocumentLimits;

/** What every behaviour needs: the batch being processed, its state, FEEL, and model lookups. */
public final class BpmnContext {

  private final StreamProcessor writer;
  public final FeelEvaluator feel;

  /** What a step may store as variables: the same limits as a request's variables. */
  public final VariableDocumentLimits variableLimits;

  /** The other limits a step obeys (the multi-instance collection size). */
  public final EngineProperties.Limits limits;

  /** DMN evaluation, and the parsed graphs of deployed decisions. */
  public final DecisionEngine dmn;

  public final DecisionModels decisionModels;

  public BpmnContext(
      StreamProcessor writer,
      FeelEvaluator feel,
      VariableDocumentLimits variableLimits,
      EngineProperties.Limits limits,
      DecisionEngine dmn,
      DecisionModels decisionModels) {
    this.writer = writer;
    this.feel = feel;
    this.variableLimits = variableLimits;
    this.limits = limits;
    this.dmn = dmn;
    this.decisionModels = decisionModels;
  }

  public Batch batch() {
    return writer.batch();
  }

  public EngineState state() {
    return writer.batch().state;
  }

  public long now() {
    return writer.batch().now;
  }

  public long nextKey() {
    return writer.batch().keys.next();
  }

  public RecordWriter records() {
    return writer.batch().records;
  }

  public DeployedProcess process(ElementInstance instance) {
    return state().deployments().process(instance.processDefinitionKey());
  }

  public ExecutableElement element(ElementInstance instance) {
    return process(instance).executable().element(instance.elementId());
  }

  public ElementInstance flowScope(ElementInstance instance) {
    return instance.flowScopeKey() < 0 ? null : state().instances().get(instance.flowScopeKey());
  }

  public FeelResult evaluate(Expression expression, Map<String, Object> variables) {
    return feel.evaluate(expression, variables);
  }
}
