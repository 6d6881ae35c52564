package landwatch.engine.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import landwatch.engine.processing.CommandTimeout;
import org.springframework.http.ResponseEntity;

/**
 * Waits for a user task command's outcome, as Zeebe's gateway does: after its commit when the task
 * has no listeners for it, else until its task listeners have let the transition take effect (204)
 * or denied it (409). Listener workers are not bounded by the engine, so the wait is: past it the
 * answer is 504, the transition going on without the caller.
 */
final class Transitioned {

  static final long LISTENER_WAIT_SECONDS = 60;

  private Transitioned() {}

  static ResponseEntity<Void> await(CompletableFuture<CompletableFuture<Void>> submitted) {
    CompletableFuture<Void> outcome = Committed.await(submitted);
    try {
      outcome.get(LISTENER_WAIT_SECONDS, TimeUnit.SECONDS);
      return ResponseEntity.noContent().build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the task listeners", e);
    } catch (TimeoutException e) {
      throw new CommandTimeout(
          "Expected the user task's listeners to finish within "
              + LISTENER_WAIT_SECONDS
              + " s, but they had not; the transition goes on without this request");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
