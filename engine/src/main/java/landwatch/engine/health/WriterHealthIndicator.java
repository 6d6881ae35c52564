package landwatch.engine.health;

import java.time.Duration;
import landwatch.engine.processing.StreamProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The single writer's health: DOWN while commands wait for it and it has made no progress (no batch
 * finished) for longer than the stall threshold, e.g. held by a long evaluation or a database that
 * does not answer. An idle writer, or a busy one that keeps finishing batches, is UP. The
 * application's own {@code engine} component (a topology request through the client) cannot see
 * this: the topology is answered without the writer.
 */
public final class WriterHealthIndicator extends AbstractHealthIndicator {

  static final String THRESHOLD_PROPERTY = "landwatch.engine.health.writer-stall-threshold";

  private final StreamProcessor writer;
  private final Duration threshold;

  public WriterHealthIndicator(StreamProcessor writer, Duration threshold) {
    super("engine writer health check failed");
    this.writer = writer;
    this.threshold = threshold;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    int waiting = writer.waitingCommands();
    Duration since = writer.sinceLastProgress();
    boolean stalled = waiting > 0 && since.compareTo(threshold) > 0;
    (stalled ? builder.down() : builder.up())
        .withDetail("waitingCommands", waiting)
        .withDetail("millisSinceProgress", since.toMillis())
        .withDetail("stallThresholdMillis", threshold.toMillis());
    if (stalled) {
      builder.withDetail(
          "reason",
          "Expected the engine writer to make progress within "
              + threshold.toMillis()
              + " ms ("
              + THRESHOLD_PROPERTY
              + ") while "
              + waiting
              + " commands wait, but it made none for "
              + since.toMillis()
              + " ms");
    }
  }
}
