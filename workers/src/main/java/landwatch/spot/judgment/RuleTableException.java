package landwatch.spot.judgment;

/** The rule table file is malformed; raised at load so a bad table never reaches a spot. */
public class RuleTableException extends RuntimeException {
  public RuleTableException(String message) {
    super(message);
  }

  public RuleTableException(String message, Throwable cause) {
    super(message, cause);
  }
}
