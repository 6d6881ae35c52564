package landwatch.engine.model;

/** The event definition an event element carries; NONE for plain events and non-events. */
public enum EventType {
  NONE,
  MESSAGE,
  TIMER,
  ERROR,
  SIGNAL,
  ESCALATION,
  TERMINATE,
  LINK
}
