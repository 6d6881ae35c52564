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
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import landwatch.engine.state.EngineState;
import landwatch.engine.state.PreparedWrite;
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
 * <p>The commit runs on a thread of its own ({@code engine-committer}), in batch order, while the
 * writer processes the next batch: the writer captures a batch's writes when it ends ({@link
 * StateStore#prepare}), so it never waits for the database unless it is one batch ahead already. A
 * batch that deploys commits before the next one starts, as later batches may read what it stored.
 * When a commit fails, the batches after it were processed on changes that never committed: the
 * writer reloads the committed state and processes all of their commands again, as it does for a
 * batch that failed while processing.
 *
 * <p>What an answer means: a command refused before it is queued (queue full, engine not running)
 * is answered 503 and was not applied; a queued command gets its real result, or after the command
 * timeout a {@link CommandTimeout} (504, outcome unknown). On {@link #close()} the batch being
 * committed finishes and is answered, the batch being processed is abandoned and rolled back, and
 * every queued and parked request is answered 503 at once: none of them was applied, and due work
 * such as a timer is simply done again after the restart.
 */
public final class StreamProcessor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamProcessor.class);
  private static final int MAX_BATCH = 1000;
  private static final long MAX_IDLE_MILLIS = 500;
  private static final long RELOAD_RETRY_MILLIS = 1_000;
  private static final long DUE_WORK_PAUSE_NANOS = 5_000_000_000L;
  private static final long CLOSE_JOIN_MILLIS = 10_000;

  private record Submission<T>(Function<Batch, T> command, CompletableFuture<T> future) {}

  /** A processed batch on its way to the database; {@code write} is null when it wrote nothing. */
  private record Pending(
      PreparedWrite write,
      List<Runnable> afterCommit,
      List<Submission<?>> submissions,
      boolean withDueWork) {}

  private final DataSource dataSource;
  private final StateStore store = new StateStore();
  private final ProcessModels models;
  private final EngineClock clock;
  private final BlockingQueue<Submission<?>> queue;
  private final List<DueWork> dueWork = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private final Thread committer;

  /** From the writer to the committer: at most one batch waits while another commits. */
  private final SynchronousQueue<Pending> handoff = new SynchronousQueue<>();

  private final Object commits = new Object();

  /** Batches handed to the committer and not yet done with; guarded by {@link #commits}. */
  private int handedOff;

  /**
   * Batches the committer did not commit, in order: the one whose commit failed and those handed to
   * it after; guarded by {@link #commits}.
   */
  private final List<Pending> uncommitted = new ArrayList<>();

  private volatile Exception commitFailure;
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
    this.committer = new Thread(this::commitInOrder, "engine-committer");
  }

  public void register(DueWork work) {
    dueWork.add(work);
  }

  /** Loads the state, shows it to {@code onLoaded} before any command runs, and starts writing. */
  public void start(Consumer<EngineState> onLoaded) {
    reload();
    onLoaded.accept(state);
    running = true;
    committer.start();
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
        for (Pending pending : quiesce()) {
          pending.submissions().forEach(sub -> sub.future().completeExceptionally(e));
        }
        safeReload();
      } finally {
        submissions.clear();
        inBatch = 0;
        lastProgressNanos = System.nanoTime();
      }
    }
  }

  private long processBatch(List<Submission<?>> submissions) {
    if (commitFailure != null) {
      // the state is ahead of the database by batches that never committed: those are done again,
      // with these commands, on the committed state
      return recover(submissions, false, commitFailure);
    }
    return processBatch(submissions, false);
  }

  /** {@code inline}: committed on this thread before returning, as a retry must be. */
  private long processBatch(List<Submission<?>> submissions, boolean inline) {
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
      boolean purged = state.isPurged();
      PreparedWrite write = prepare(batch);
      Pending pending =
          new Pending(write, batch.afterCommitActions(), List.copyOf(submissions), withDueWork);
      if (inline || (write != null && write.deploys())) {
        commitHere(pending, purged);
      } else {
        handOff(pending);
      }
      return Math.max(0, wait);
    } catch (RuntimeException | SQLException | StackOverflowError | OutOfMemoryError e) {
      // an Error too: one command that overflows the stack or exhausts the heap must fail alone,
      // not end the only thread that writes (its batch is rolled back and the state reloaded)
      return recover(submissions, withDueWork, e);
    }
  }

  /**
   * After a failure: every batch not committed since the last one that was is rolled back, the
   * committed state reloaded, and the commands of those batches and of {@code submissions} done
   * again, first without due work (which may be what broke), then one by one, so that a command
   * that breaks its batch fails alone.
   */
  private long recover(List<Submission<?>> submissions, boolean withDueWork, Throwable e) {
    List<Submission<?>> again = new ArrayList<>();
    boolean dueWorkAgain = withDueWork;
    for (Pending pending : quiesce()) {
      again.addAll(pending.submissions());
      dueWorkAgain |= pending.withDueWork();
    }
    again.addAll(submissions);
    if (running) {
      safeReload();
    }
    if (!running) {
      // shutting down mid-batch (or while waiting to reload): nothing of it committed, and the
      // uncommitted hot state is dropped with the writer instead of being retried
      LOG.info("Engine stopping: the batch being processed is rolled back ({})", e.toString());
      again.forEach(s -> s.future().completeExceptionally(notRunning()));
      return 0;
    }
    if (dueWorkAgain) {
      dueWorkPausedUntil = System.nanoTime() + DUE_WORK_PAUSE_NANOS;
      LOG.error("Engine batch failed; retrying its commands without due work", e);
      return processBatch(again, true);
    }
    if (again.size() <= 1) {
      Throwable failure = e instanceof RejectedAfterWrite r ? r.rejection : e;
      again.forEach(s -> s.future().completeExceptionally(failure));
      LOG.error("Engine batch failed", e);
      return 100;
    }
    for (Submission<?> submission : again) {
      processBatch(List.of(submission), true);
    }
    return 0;
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

  /**
   * Takes the batch's writes from the hot state, which the next batch then changes on its own; null
   * when the batch wrote nothing (its answers still wait for the batches before it).
   */
  private PreparedWrite prepare(Batch batch) {
    PreparedWrite write = null;
    if (!batch.records.written().isEmpty() || state.hasChanges()) {
      write = store.prepare(batch.records.written(), state, keys.last(), batch.records.position());
    }
    state.changesTaken();
    lastPosition = batch.records.position();
    return write;
  }

  private void handOff(Pending pending) {
    synchronized (commits) {
      handedOff++;
    }
    try {
      handoff.put(pending);
    } catch (InterruptedException e) {
      synchronized (commits) {
        handedOff--;
        commits.notifyAll();
      }
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the engine is stopping", e);
    }
  }

  /**
   * Commits on the writer's thread once the batches before it have: a retry, or a batch that
   * deploys. A commit before it that failed fails this one too, as it was processed on its changes.
   */
  private void commitHere(Pending pending, boolean purged) throws SQLException {
    awaitCommitter();
    Exception failure = commitFailure;
    if (failure != null) {
      throw new IllegalStateException("an earlier batch did not commit", failure);
    }
    if (pending.write() != null) {
      write(pending.write());
    }
    if (purged) {
      // the tables are empty now: so must the hot state be; the batch has committed, so this waits
      // for the database rather than fail the batch into a retry
      safeReload();
    }
    runAfterCommit(pending.afterCommit());
  }

  private void write(PreparedWrite write) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        write.writeTo(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static void runAfterCommit(List<Runnable> actions) {
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("After-commit action failed", e);
      }
    }
  }

  /**
   * The committer's loop: each batch in the order handed off, its answers once it has committed.
   * After a failed commit, the batches handed off after it are not committed (they were processed
   * on its changes) but kept for the writer to do again. It stops once the writer has.
   */
  private void commitInOrder() {
    while (true) {
      Pending pending;
      try {
        pending = handoff.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (pending == null) {
        if (!running && !thread.isAlive()) {
          return;
        }
        continue;
      }
      boolean committed = false;
      if (commitFailure == null) {
        try {
          if (pending.write() != null) {
            write(pending.write());
          }
          committed = true;
        } catch (SQLException | RuntimeException e) {
          LOG.error("Engine batch could not be committed; its commands are processed again", e);
          commitFailure = e;
        }
      }
      if (committed) {
        runAfterCommit(pending.afterCommit());
      }
      synchronized (commits) {
        if (!committed) {
          uncommitted.add(pending);
        }
        handedOff--;
        commits.notifyAll();
      }
    }
  }

  private void awaitCommitter() {
    synchronized (commits) {
      while (handedOff > 0) {
        try {
          commits.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("the engine is stopping", e);
        }
      }
    }
  }

  /**
   * Waits until the committer is done with every batch handed to it, and takes the ones it did not
   * commit: the state may be reloaded only then. Interrupted (the engine is stopping), it takes
   * what there is and leaves the rest to {@link #close()}.
   */
  private List<Pending> quiesce() {
    synchronized (commits) {
      while (handedOff > 0 && !Thread.currentThread().isInterrupted()) {
        try {
          commits.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      List<Pending> failed = new ArrayList<>(uncommitted);
      uncommitted.clear();
      if (handedOff == 0) {
        commitFailure = null;
      }
      return failed;
    }
  }

  /** Whether every batch processed so far has committed (or failed and been done again). */
  public boolean allCommitted() {
    synchronized (commits) {
      return handedOff == 0 && uncommitted.isEmpty();
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
    awaitStop(thread, "writer");
    // the batch being committed finishes: its answers are then true
    awaitStop(committer, "committer");
    List<Submission<?>> queued = new ArrayList<>();
    synchronized (commits) {
      uncommitted.forEach(pending -> queued.addAll(pending.submissions()));
      uncommitted.clear();
    }
    queue.drainTo(queued);
    queued.forEach(s -> s.future().completeExceptionally(notRunning()));
    if (!thread.isAlive()) {
      dueWork.forEach(DueWork::shutDown);
    }
    timeouts.shutdownNow();
  }

  private static void awaitStop(Thread engineThread, String role) {
    try {
      engineThread.join(CLOSE_JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (engineThread.isAlive()) {
      LOG.warn("Engine {} did not stop within {} ms", role, CLOSE_JOIN_MILLIS);
    }
  }
}
