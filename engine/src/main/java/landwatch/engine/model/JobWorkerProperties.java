package landwatch.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a job-based element's job is made of: {@code zeebe:taskDefinition} (type, retries) and
 * {@code zeebe:taskHeaders}, in the order the model lists them.
 */
public record JobWorkerProperties(
    Expression type, Expression retries, Map<String, String> headers) {

  /** The retries of a task definition that names none. */
  public static final String DEFAULT_RETRIES = "3";

  public JobWorkerProperties {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }
}
