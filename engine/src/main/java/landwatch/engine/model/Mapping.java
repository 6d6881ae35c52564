package landwatch.engine.model;

/**
 * One {@code zeebe:input} or {@code zeebe:output}: a FEEL source and a (possibly nested) target.
 */
public record Mapping(Expression source, String target) {

  /** The source of a mapping as written; one without a source maps null. */
  public static Expression source(String text) {
    return Expression.feel(text == null ? "null" : text);
  }
}
