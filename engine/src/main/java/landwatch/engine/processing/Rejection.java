package landwatch.engine.processing;

/**
 * A command the engine refuses. Processors throw it before changing any state, so the rest of the
 * batch is unaffected.
 */
public class Rejection extends RuntimeException {
  public final RejectionType type;

  public Rejection(RejectionType type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public static Rejection notFound(String format, Object... args) {
    return new Rejection(RejectionType.NOT_FOUND, String.format(format, args));
  }

  public static Rejection invalidState(String format, Object... args) {
    return new Rejection(RejectionType.INVALID_STATE, String.format(format, args));
  }

  public static Rejection invalidArgument(String format, Object... args) {
    return new Rejection(RejectionType.INVALID_ARGUMENT, String.format(format, args));
  }
}
