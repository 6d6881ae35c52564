package landwatch.engine.processing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import landwatch.engine.state.EngineState;
import landwatch.engine.state.ProcessModels;
import landwatch.engine.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the one partition. Commands queue up; the writer takes as many as are
 * waiting, processes them against the hot state, and commits the resulting records and state
 * changes in one transaction (group commit). Callers are answered only after that commit, so
 * every 2xx survives a crash.
 */
public final class StreamProcessor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamProcessor.class);
  private static final int MAX_BATCH = 1000;
  private static final long MAX_IDLE_MILLIS = 500;
  private static final long RELOAD_RETRY_MILLIS = 1_000;
  private static final long DUE_WORK_PAUSE_NANOS = 5_000_000_000L;

  private record Submission<T>(Function<Batch, T> command, CompletableFuture<T> future) {}

  private final DataSource dataSource;
  private final StateStore store = new StateStore();
  private final ProcessModels models;
  private final EngineClock clock;
  private final BlockingQueue<Submission<?>> queue;
  private final List<DueWork> dueWork = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running;

  private EngineState state;
  private Batch current;
  private long dueWorkPausedUntil = System.nanoTime();
  private KeyGenerator keys;
  private long lastPosition;

  /** {@code models} parses the deployed versions' models on demand; loading the state parses none. */
  public StreamProcessor(DataSource dataSource, ProcessModels models, EngineClock clock, int queueCapacity) {
    this.dataSource = dataSource;
    this.models = models;
    this.clock = clock;
    this.queue = new LinkedBlockingQueue<>(queueCapacity);
    this.thread = new Thread(this::run, "engine-writer");
  }

  public void register(DueWork work) {
    dueWork.add(work);
  }

  /** Loads the state, shows it to {@code onLoaded} before any command runs, and starts writing. */
  public void start(Consumer<EngineState> onLoaded) {
    reload();
    onLoaded.accept(state);
    running = true;
    thread.start();
  }

  /** Queues a command; the future completes after the batch that processed it has committed. */
  public <T> CompletableFuture<T> submit(Function<Batch, T> command) {
    CompletableFuture<T> future = new CompletableFuture<>();
    if (!running) {
      future.completeExceptionally(new Rejection(RejectionType.UNAVAILABLE, "The engine is not running"));
    } else if (!queue.offer(new Submission<>(command, future))) {
      future.completeExceptionally(new Rejection(RejectionType.UNAVAILABLE,
          "Expected to handle the request, but the engine's command queue is full"));
    }
    return future;
  }


  private void run() {
    long waitMillis = 0;
    List<Submission<?>> submissions = new ArrayList<>();
    while (running) {
      try {
        Submission<?> first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first != null) {
          submissions.add(first);
          queue.drainTo(submissions, MAX_BATCH - 1);
        }
        waitMillis = processBatch(submissions);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("Engine writer failed; reloading the state from the database", e);
        waitMillis = 100;
        safeReload();
      } finally {
        submissions.clear();
      }
    }
  }

  private long processBatch(List<Submission<?>> submissions) {
    boolean withDueWork = System.nanoTime() - dueWorkPausedUntil >= 0;
    Batch batch = new Batch(state, keys, lastPosition, clock.millis());
    current = batch;
    try {
      for (Submission<?> submission : submissions) {
        process(batch, submission);
      }
      long wait = MAX_IDLE_MILLIS;
      if (withDueWork) {
        for (DueWork work : dueWork) {
          wait = Math.min(wait, work.processDue(batch));
          batch.drainFollowUps();
        }
      }
      commit(batch);
      return Math.max(0, wait);
    } catch (RuntimeException | SQLException e) {
      safeReload();
      if (withDueWork) {
        // the due work may be what broke: pause it so that commands still get through
        dueWorkPausedUntil = System.nanoTime() + DUE_WORK_PAUSE_NANOS;
        LOG.error("Engine batch failed; retrying its commands without due work", e);
        return processBatch(submissions);
      }
      if (submissions.size() <= 1) {
        Throwable failure = e instanceof RejectedAfterWrite r ? r.rejection : e;
        submissions.forEach(s -> s.future().completeExceptionally(failure));
        LOG.error("Engine batch failed", e);
        return 100;
      }
      // isolate the command that broke the batch: retry each one in a batch of its own
      for (Submission<?> submission : submissions) {
        processBatch(List.of(submission));
      }
      return 0;
    }
  }

  private <T> void process(Batch batch, Submission<T> submission) {
    int recordsBefore = batch.records().size();
    try {
      T result = submission.command().apply(batch);
      batch.drainFollowUps();
      batch.afterCommit(() -> submission.future().complete(result));
    } catch (Rejection rejection) {
      if (batch.records().size() != recordsBefore) {
        // the command changed state before refusing: only a rollback of the batch undoes that
        throw new RejectedAfterWrite(rejection);
      }
      batch.afterCommit(() -> submission.future().completeExceptionally(rejection));
    }
  }

  private void commit(Batch batch) throws SQLException {
    if (!batch.records().isEmpty() || !state.changes.isEmpty()) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          store.write(connection, batch.records(), state.changes, keys.last(), batch.position());
          connection.commit();
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        }
      }
      state.changes.clear();
      lastPosition = batch.position();
    }
    for (Runnable action : batch.afterCommitActions()) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("After-commit action failed", e);
      }
    }
  }

  /**
   * After a failed batch the hot state holds changes that never committed: nothing may be processed
   * until it is replaced by the committed state, so this waits for the database if it must.
   */
  private void safeReload() {
    while (running) {
      try {
        reload();
        return;
      } catch (RuntimeException e) {
        LOG.error("Could not reload the engine state; retrying", e);
        try {
          TimeUnit.MILLISECONDS.sleep(RELOAD_RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void reload() {
    try (Connection connection = dataSource.getConnection()) {
      StateStore.Loaded loaded = store.load(connection, models);
      state = loaded.state();
      keys = new KeyGenerator(loaded.lastKey());
      lastPosition = loaded.lastPosition();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the engine state", e);
    }
  }

  /** The batch being processed; only meaningful on the writer's thread. */
  public Batch batch() {
    return current;
  }

  /** A rejection thrown by a command that had already written: the batch must be rolled back. */
  private static final class RejectedAfterWrite extends RuntimeException {
    final Rejection rejection;

    RejectedAfterWrite(Rejection rejection) {
      super(rejection.getMessage(), rejection);
      this.rejection = rejection;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
