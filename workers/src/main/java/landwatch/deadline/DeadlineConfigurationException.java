package landwatch.deadline;

/** A deadline setting or holiday calendar that cannot be used; raised at start, never mid-month. */
public class DeadlineConfigurationException extends RuntimeException {

  public DeadlineConfigurationException(String message) {
    super(message);
  }

  public DeadlineConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
