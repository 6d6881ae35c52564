package landwatch.engine.retention;

import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import landwatch.engine.EngineProperties;
import landwatch.engine.processing.EngineClock;

/**
 * How long the record log and the history of ended instances are kept ({@code
 * landwatch.engine.retention.*}). The cut-offs are taken from the earlier of the engine's clock and
 * the wall clock: a clock pinned ahead (tests, Camunda Process Test's time travel) must not erase
 * what was just written.
 */
public final class Retention {

  /** What one run deleted. */
  public record Deleted(long records, long rootInstances) {}

  private final EngineClock clock;
  private final EngineProperties.Retention properties;
  private final RecordCompaction records;
  private final HistoryRetention history;

  public Retention(
      DataSource dataSource, EngineClock clock, EngineProperties.Retention properties) {
    this.clock = clock;
    this.properties = properties;
    this.records = new RecordCompaction(dataSource);
    this.history = new HistoryRetention(dataSource);
  }

  /** One run: records past their retention, then history past its retention (if it has one). */
  public Deleted run() throws SQLException {
    return run(Math.min(clock.millis(), System.currentTimeMillis()));
  }

  /** One run with the retentions measured back from {@code now} (epoch milliseconds). */
  public Deleted run(long now) throws SQLException {
    long deletedRecords =
        records.compact(cutoff(now, properties.records()), properties.chunkSize());
    Duration historyRetention = properties.history();
    long deletedInstances =
        historyRetention == null
            ? 0
            : history.expire(cutoff(now, historyRetention), properties.chunkSize());
    return new Deleted(deletedRecords, deletedInstances);
  }

  private static long cutoff(long now, Duration retention) {
    return now - retention.toMillis();
  }
}
