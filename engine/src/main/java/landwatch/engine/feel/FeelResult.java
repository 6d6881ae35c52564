package landwatch.engine.feel;

/** The value of an evaluated expression, or why it could not be evaluated. */
public record FeelResult(Object value, String failure) {

  static FeelResult success(Object value) {
    return new FeelResult(value, null);
  }

  static FeelResult failure(String message) {
    return new FeelResult(null, message);
  }

  public boolean isFailure() {
    return failure != null;
  }
}
