package landwatch.engine.processing;

/**
 * A queued command was not answered within the command timeout: it may still be processed and
 * committed later, so the API answers 504 (outcome unknown), never 503 (not applied).
 */
public final class CommandTimeout extends RuntimeException {

  static final String PROPERTY = "landwatch.engine.command-timeout";

  CommandTimeout(long timeoutMillis) {
    super(
        "Expected the engine to process the command within "
            + timeoutMillis
            + " ms ("
            + PROPERTY
            + "), but it was still queued or being processed; its outcome is unknown: it may still be applied",
        null,
        false,
        false);
  }

  public CommandTimeout(String message) {
    super(message, null, false, false);
  }
}
