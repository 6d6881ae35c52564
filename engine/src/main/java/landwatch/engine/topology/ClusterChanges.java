package landwatch.engine.topology;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The last completed cluster change (a purge), which the topology reports as Zeebe's does: Camunda
 * Process Test polls it to know that the purge it asked for is done.
 */
public final class ClusterChanges {

  private final AtomicLong lastCompleted = new AtomicLong(-1);

  public void completed(long changeId) {
    lastCompleted.accumulateAndGet(changeId, Math::max);
  }

  /** Null until a change completed. */
  String lastCompletedChangeId() {
    long id = lastCompleted.get();
    return id < 0 ? null : String.valueOf(id);
  }
}
