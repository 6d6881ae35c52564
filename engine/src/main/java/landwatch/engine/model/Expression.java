package landwatch.engine.model;

/**
 * A Zeebe attribute value: a FEEL expression when it starts with {@code =}, otherwise a static
 * string. Parsed once at deployment so that syntax errors reject the deployment.
 */
public record Expression(String raw, boolean isFeel, String feel) {

  public static Expression of(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String trimmed = raw.trim();
    if (trimmed.startsWith("=")) {
      return new Expression(raw, true, trimmed.substring(1));
    }
    return new Expression(raw, false, null);
  }

  /** A variable reference or FEEL text as used by mappings, where the {@code =} is optional. */
  public static Expression feel(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    return new Expression(text, true, trimmed.startsWith("=") ? trimmed.substring(1) : trimmed);
  }
}
