package landwatch.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import landwatch.engine.Engine;
import landwatch.engine.api.Committed;
import landwatch.engine.processing.Rejection;
import landwatch.engine.topology.ClusterChanges;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zeebe's management contract on the actuator base path, as Camunda Process Test calls it: the
 * clock (read, move by an offset, reset) and the cluster purge. Served only when {@code
 * landwatch.engine.testing.management-endpoints=true} ({@link ManagementEndpoints}).
 */
@RestController
public class ManagementController {

  private final Engine engine;
  private final ClusterPurge purge;
  private final ClusterChanges changes;

  public ManagementController(Engine engine, ClusterPurge purge, ClusterChanges changes) {
    this.engine = engine;
    this.purge = purge;
    this.changes = changes;
  }

  @GetMapping(path = "/actuator/clock", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> clock() {
    long now = engine.clock.millis();
    return Map.of("epochMilli", now, "instant", Instant.ofEpochMilli(now).toString());
  }

  /** {@code {"offsetMilli": n}}: pins the clock n milliseconds after the engine's now. */
  @PostMapping(
      path = "/actuator/clock/add",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> add(@RequestBody JsonNode request) {
    JsonNode offset = request.path("offsetMilli");
    if (!offset.canConvertToExactIntegral() || !offset.canConvertToLong()) {
      throw Rejection.invalidArgument(
          "Expected 'offsetMilli' to be an integer number of milliseconds, but it was %s",
          offset.isMissingNode() ? "missing" : offset.toString());
    }
    long at = Math.addExact(engine.clock.millis(), offset.asLong());
    if (at < 0) {
      throw Rejection.invalidArgument("Expected the clock to stay after the epoch");
    }
    Instant previous = engine.clock.pin(Instant.ofEpochMilli(at));
    CompletableFuture<Map<String, Object>> pinned =
        engine.writer.submit(
            batch -> {
              engine.clocks.pinned(batch, at);
              return Map.<String, Object>of(
                  "epochMilli", at, "instant", Instant.ofEpochMilli(at).toString());
            });
    if (pinned.isCompletedExceptionally()) {
      engine.clock.restore(previous);
    }
    return Committed.await(pinned);
  }

  @DeleteMapping(path = "/actuator/clock", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> reset() {
    Instant previous = engine.clock.reset();
    CompletableFuture<Map<String, Object>> reset =
        engine.writer.submit(
            batch -> {
              engine.clocks.reset(batch);
              return clock();
            });
    if (reset.isCompletedExceptionally()) {
      engine.clock.restore(previous);
    }
    return Committed.await(reset);
  }

  /**
   * Answered, as Zeebe answers a planned cluster change, with its change id; the purge has
   * completed by then, so the topology already reports that id as the last completed change.
   */
  @PostMapping(path = "/actuator/cluster/purge", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> purge() {
    long changeId = Committed.await(purge.purge());
    changes.completed(changeId);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            Map.of(
                "changeId",
                changeId,
                "plannedChanges",
                List.of(Map.of("operation", "PARTITION_PURGE", "partitionId", 1, "brokerId", 0))));
  }
}
