package landwatch.engine.model;

/** A timer event's one {@code timeDate}, {@code timeDuration} or {@code timeCycle}. */
public record TimerDefinition(Kind kind, Expression expression) {

  /** Which of the three the timer has. */
  public enum Kind {
    DATE,
    DURATION,
    CYCLE
  }
}
