package landwatch.engine.processing;

/** Something the writer does when its time has come: fire timers, expire jobs, end long polls. */
public interface DueWork {

  /** Does what is due now; returns how many milliseconds until it next needs to run. */
  long processDue(Batch batch);
}
