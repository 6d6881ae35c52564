package landwatch.engine.record.intent;

import landwatch.engine.record.Intent;
import landwatch.engine.record.ValueType;

/** A decision evaluated, by a business-rule task or through the API, or failing to be. */
public enum DecisionEvaluationIntent implements Intent {
  EVALUATED,
  FAILED;

  @Override
  public ValueType valueType() {
    return ValueType.DECISION_EVALUATION;
  }
}
