package landwatch.engine.processing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 * changes in one transaction (group commit). Callers are answered only after that commit, so every
 * 2xx survives a crash.
 *
 * <p>What an answer means: a command refused before it is queued (queue full, engine not running)
 * is answered 503 and was not applied; a queued command gets its real result, or after the command
 * timeout a {@link CommandTimeout} (504, outcome unknown). On {@link #close()} the batch being
 * processed is abandoned and rolled back, and every queued and parked request is answered 503 at
 * once: none of them was applied, and due work such as a timer is simply done again after the
 * restart.
 */
public final class StreamProcessor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamProcessor.class);
  private static final int MAX_BATCH = 1000;
  private static final long MAX_IDLE_MILLIS = 500;
  private static final long RELOAD_RETRY_MILLIS = 1_000;
  private static final long DUE_WORK_PAUSE_NANOS = 5_000_000_000L;
  private static final long CLOSE_JOIN_MILLIS = 10_000;

  private record Submission<T>(Function<Batch, T> command, CompletableFuture<T> future) {}

  private final DataSource dataSource;
  private final StateStore store = new StateStore();
  private final ProcessModels models;
  private final EngineClock clock;
  private final BlockingQueue<Submission<?>> queue;
  private final List<DueWork> dueWork = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private final long commandTimeoutMillis;
  private final ScheduledThreadPoolExecutor timeouts =
      new ScheduledThreadPoolExecutor(
          1,
          r -> {
            Thread t = new Thread(r, "engine-command-timeouts");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean running;

  /** When the writer last finished a batch or found nothing to do; read by the health indicator. */
  private volatile long lastProgressNanos = System.nanoTime();

  /** Commands taken from the queue into the batch being processed. */
  private volatile int inBatch;

  private EngineState state;
  private Batch current;
  private long dueWorkPausedUntil = System.nanoTime();
  private KeyGenerator keys;
  private long lastPosition;

  /**
   * {@code models} parses the deployed versions' models on demand; loading the state parses none.
   */
  public StreamProcessor(
      DataSource dataSource,
      ProcessModels models,
      EngineClock clock,
      int queueCapacity,
      Duration commandTimeout) {
    this.dataSource = dataSource;
    this.models = models;
    this.commandTimeoutMillis = commandTimeout.toMillis();
    timeouts.setRemoveOnCancelPolicy(true);
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

  /**
   * Queues a command; the future completes after the batch that processed it has committed, or with
   * a {@link CommandTimeout} when that has not happened within the command timeout.
   */
  public <T> CompletableFuture<T> submit(Function<Batch, T> command) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Submission<T> submission = new Submission<>(command, future);
    if (!running) {
      future.completeExceptionally(notRunning());
    } else if (!queue.offer(submission)) {
      future.completeExceptionally(
          new Rejection(
              RejectionType.UNAVAILABLE,
              "Expected to handle the request, but the engine's command queue is full; nothing was applied"));
    } else if (!running && queue.remove(submission)) {
      // close() drained the queue before this offer: nobody else will answer it
      future.completeExceptionally(notRunning());
    } else {
      scheduleTimeout(future);
    }
    return future;
  }

  private void scheduleTimeout(CompletableFuture<?> future) {
    try {
      ScheduledFuture<?> timeout =
          timeouts.schedule(
              () -> future.completeExceptionally(new CommandTimeout(commandTimeoutMillis)),
              commandTimeoutMillis,
              TimeUnit.MILLISECONDS);
      future.whenComplete((result, failure) -> timeout.cancel(false));
    } catch (RejectedExecutionException closed) {
      // close() ran since the offer and has answered the drained command already
    }
  }

  private static Rejection notRunning() {
    return new Rejection(
        RejectionType.NOT_RUNNING,
        "Expected to handle the request, but the engine is not running or shutting down; nothing was applied");
  }

  /** Commands queued or in the batch being processed: what waits for the writer. */
  public int waitingCommands() {
    return queue.size() + inBatch;
  }

  /** How long ago the writer last finished a batch or found nothing to do. */
  public Duration sinceLastProgress() {
    return Duration.ofNanos(System.nanoTime() - lastProgressNanos);
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
        inBatch = submissions.size();
        waitMillis = processBatch(submissions);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        LOG.error("Engine writer failed; reloading the state from the database", e);
        waitMillis = 100;
        safeReload();
      } finally {
        submissions.clear();
        inBatch = 0;
        lastProgressNanos = System.nanoTime();
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
      batch.drainBeforeCommit();
      commit(batch);
      return Math.max(0, wait);
    } catch (RuntimeException | SQLException | StackOverflowError | OutOfMemoryError e) {
      // an Error too: one command that overflows the stack or exhausts the heap must fail alone,
      // not end the only thread that writes (its batch is rolled back and the state reloaded)
      if (running) {
        safeReload();
      }
      if (!running) {
        // shutting down mid-batch (or while waiting to reload): nothing of it committed, and the
        // uncommitted hot state is dropped with the writer instead of being retried
        LOG.info("Engine stopping: the batch being processed is rolled back ({})", e.toString());
        submissions.forEach(s -> s.future().completeExceptionally(notRunning()));
        return 0;
      }
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
    int recordsBefore = batch.records.written().size();
    try {
      T result = submission.command().apply(batch);
      batch.drainFollowUps();
      batch.afterCommit(() -> submission.future().complete(result));
    } catch (Rejection rejection) {
      if (batch.records.written().size() != recordsBefore) {
        // the command changed state before refusing: only a rollback of the batch undoes that
        throw new RejectedAfterWrite(rejection);
      }
      batch.afterCommit(() -> submission.future().completeExceptionally(rejection));
    }
  }

  private void commit(Batch batch) throws SQLException {
    boolean purged = state.isPurged();
    if (!batch.records.written().isEmpty() || state.hasChanges()) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          store.write(
              connection, batch.records.written(), state, keys.last(), batch.records.position());
          connection.commit();
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        }
      }
      state.committed();
      lastPosition = batch.records.position();
    }
    if (purged) {
      // the tables are empty now: so must the hot state be; the batch has committed, so this waits
      // for the database rather than fail the batch into a retry
      safeReload();
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

  /**
   * Stops the writer: an evaluation it waits for is abandoned (the interrupt ends the wait), the
   * batch is rolled back, and every queued and parked request is answered as not applied.
   */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(CLOSE_JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("Engine writer did not stop within {} ms", CLOSE_JOIN_MILLIS);
    }
    List<Submission<?>> queued = new ArrayList<>();
    queue.drainTo(queued);
    queued.forEach(s -> s.future().completeExceptionally(notRunning()));
    if (!thread.isAlive()) {
      dueWork.forEach(DueWork::shutDown);
    }
    timeouts.shutdownNow();
  }
}
