package landwatch.engine.processing;

/** Something the writer does when its time has come: fire timers, expire jobs, end long polls. */
public interface DueWork {

  /** Does what is due now; returns how many milliseconds until it next needs to run. */
  long processDue(Batch batch);

  /**
   * The writer has ended: answer every request parked in this work's memory at once, so that no one
   * waits for an engine that is gone. Called on the stopping thread after the writer ended.
   */
  default void shutDown() {}
}
