package landwatch.engine.api;

import java.util.Map;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.VariableDocumentLimits;

/** A request's variables beyond the document limits are refused before they reach the writer. */
public final class VariableLimits {

  private final VariableDocumentLimits limits;

  public VariableLimits(VariableDocumentLimits limits) {
    this.limits = limits;
  }

  public Map<String, Object> check(Map<String, Object> variables) {
    String violation = limits.violation(variables);
    if (violation != null) {
      throw Rejection.invalidArgument("%s", violation);
    }
    return variables;
  }
}
