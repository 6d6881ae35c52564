package landwatch.engine.api;

import java.util.Map;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.EngineJson;

/** Variable documents larger than the configured limit are refused before they reach the writer. */
public final class VariableLimits {

  private final int maxDocumentBytes;

  public VariableLimits(int maxDocumentBytes) {
    this.maxDocumentBytes = maxDocumentBytes;
  }

  public Map<String, Object> check(Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return variables;
    }
    int size = EngineJson.writeValue(variables).length();
    if (size > maxDocumentBytes) {
      throw Rejection.invalidArgument("Expected the variable document to be at most %d bytes, but it was %d bytes",
          maxDocumentBytes, size);
    }
    return variables;
  }
}
