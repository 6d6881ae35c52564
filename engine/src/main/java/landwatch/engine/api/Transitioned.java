package landwatch.engine.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import landwatch.engine.processing.CommandTimeout;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * A user task command's answer is its outcome, as Zeebe's gateway answers it: after its commit when
 * the task has no listeners for it, else once its task listeners have let the transition take
 * effect (204) or denied it (409). The request is parked meanwhile (no thread waits). Listener
 * workers are not bounded by the engine, so the wait is: past it the answer is 504, the transition
 * going on without the caller.
 */
final class Transitioned {

  static final long LISTENER_WAIT_MILLIS = 60_000;

  private Transitioned() {}

  static DeferredResult<ResponseEntity<Void>> answer(
      CompletableFuture<CompletableFuture<Void>> submitted) {
    DeferredResult<ResponseEntity<Void>> response = new DeferredResult<>(LISTENER_WAIT_MILLIS);
    response.onTimeout(
        () ->
            response.setErrorResult(
                new CommandTimeout(
                    "Expected the user task's listeners to finish within "
                        + LISTENER_WAIT_MILLIS
                        + " ms, but they had not; the transition goes on without this request")));
    submitted
        .thenCompose(outcome -> outcome)
        .whenComplete(
            (done, failure) -> {
              if (failure == null) {
                response.setResult(ResponseEntity.noContent().build());
              } else {
                response.setErrorResult(
                    failure instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause()
                        : failure);
              }
            });
    return response;
  }
}
