package landwatch.engine.retention;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the clean-ups (record compaction, history retention, expired documents) on a thread of its
 * own, never the writer's, every {@code landwatch.engine.retention.interval}. A run that fails (the
 * database is down) is logged and tried again at the next interval.
 */
public final class Housekeeping implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  /** One clean-up. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  private final Duration interval;
  private final List<Task> tasks;
  private ScheduledExecutorService executor;

  public Housekeeping(Duration interval, List<Task> tasks) {
    this.interval = interval;
    this.tasks = tasks;
  }

  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "engine-housekeeping");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::runAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runAll() {
    for (Task task : tasks) {
      try {
        task.run();
      } catch (Exception e) {
        LOG.warn("Engine housekeeping failed; it runs again in {}", interval, e);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
