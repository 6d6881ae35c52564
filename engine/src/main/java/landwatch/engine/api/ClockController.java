package landwatch.engine.api;

import io.camunda.client.protocol.rest.ClockPinRequest;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import landwatch.engine.Engine;
import landwatch.engine.processing.Rejection;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zeebe's clock endpoint: pins the engine's clock. The pin is a command: the timers it makes due
 * fire in the same batch, so they have fired when the answer arrives.
 */
@RestController
public class ClockController {

  private final Engine engine;

  public ClockController(Engine engine) {
    this.engine = engine;
  }

  @PutMapping(path = "/v2/clock")
  public ResponseEntity<Void> pin(@RequestBody ClockPinRequest request) {
    if (request.getTimestamp() == null || request.getTimestamp() < 0) {
      throw Rejection.invalidArgument("Expected a non-negative timestamp");
    }
    Instant previous = engine.clock.pin(Instant.ofEpochMilli(request.getTimestamp()));
    CompletableFuture<ResponseEntity<Void>> pinned =
        engine.writer.submit(
            batch -> {
              engine.clocks.pinned(batch, request.getTimestamp());
              return ResponseEntity.noContent().<Void>build();
            });
    if (pinned.isCompletedExceptionally()) {
      // refused before it was queued (503, nothing applied): the clock must not have moved either
      engine.clock.restore(previous);
    }
    return Committed.await(pinned);
  }

  @PostMapping(path = "/v2/clock/reset")
  public ResponseEntity<Void> reset() {
    Instant previous = engine.clock.reset();
    CompletableFuture<ResponseEntity<Void>> reset =
        engine.writer.submit(
            batch -> {
              engine.clocks.reset(batch);
              return ResponseEntity.noContent().<Void>build();
            });
    if (reset.isCompletedExceptionally()) {
      engine.clock.restore(previous);
    }
    return Committed.await(reset);
  }
}
