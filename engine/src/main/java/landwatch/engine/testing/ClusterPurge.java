package landwatch.engine.testing;

import java.util.concurrent.CompletableFuture;
import landwatch.engine.Engine;

/**
 * Zeebe's cluster purge, for tests: one command of the writer that empties every table in its
 * batch's transaction; the writer then loads the empty state. The change id is a key of the
 * partition, so it grows across restarts as Zeebe's change ids do.
 */
public final class ClusterPurge {

  private final Engine engine;

  public ClusterPurge(Engine engine) {
    this.engine = engine;
  }

  /** Completes with the change id once the purge committed. */
  public CompletableFuture<Long> purge() {
    return engine.writer.submit(
        batch -> {
          batch.state.purge();
          batch.afterCommit(engine.definitions::clear);
          return batch.keys.next();
        });
  }
}
