package landwatch.engine.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waits for a command's batch to commit on the request thread. Commits take milliseconds, and a
 * short wait costs less than an asynchronous re-dispatch; only long polls and awaited instances are
 * parked as deferred results. The wait is bounded: the writer fails the future with a {@link
 * landwatch.engine.processing.CommandTimeout} (504) when the command timeout has passed.
 */
public final class Committed {

  private Committed() {}

  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the engine", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
