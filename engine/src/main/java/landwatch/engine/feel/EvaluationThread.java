package landwatch.engine.feel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an evaluation on a dedicated thread and waits for it at most the budget. The feel-engine's
 * interpreter never looks at its thread's interrupt flag, so an evaluation cannot be asked to stop;
 * an abandoned one is ended with {@link Thread#stop()} instead of being left to burn a core (a
 * {@code for} over millions of elements runs for minutes). Stopping a thread is unsafe when it
 * holds state shared with others: this thread shares nothing but the variables it reads (a copy
 * made for the evaluation) and the immutable parsed expression, and everything it allocated is
 * dropped with it; a fresh thread takes the next evaluation. On a JDK without {@code Thread.stop()}
 * (20 and later) the abandoned thread is interrupted, demoted and left to finish on its own, and a
 * warning says so.
 */
final class EvaluationThread {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationThread.class);
  private static final long JOIN_MILLIS = 1_000;

  /** Thrown when the writer is interrupted while it waits: the engine is shutting down. */
  static final class Interrupted extends RuntimeException {
    Interrupted() {
      super("The engine is shutting down; the evaluation was abandoned", null, false, false);
    }
  }

  private record Task(Supplier<Object> evaluation, CompletableFuture<Object> result) {}

  private final long budgetNanos;
  private Worker worker;

  EvaluationThread(Duration budget) {
    this.budgetNanos = budget.toNanos();
  }

  /** The evaluation's value, or a timeout when it did not finish within the budget. */
  synchronized Object run(Supplier<Object> evaluation) throws TimeoutException {
    if (worker == null || !worker.thread.isAlive()) {
      worker = new Worker();
    }
    Task task = new Task(evaluation, new CompletableFuture<>());
    long deadline = System.nanoTime() + budgetNanos;
    try {
      if (!worker.tasks.offer(task, budgetNanos, TimeUnit.NANOSECONDS)) {
        throw new TimeoutException();
      }
      return task.result().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      abandon();
      throw e;
    } catch (InterruptedException e) {
      abandon();
      Thread.currentThread().interrupt();
      throw new Interrupted();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Ends the idle thread when the engine stops; the writer, already ended, waits for no evaluation.
   */
  synchronized void close() {
    if (worker != null) {
      worker.stopped = true;
      worker.thread.interrupt();
      worker = null;
    }
  }

  @SuppressWarnings({"deprecation", "removal"})
  private void abandon() {
    Worker abandoned = worker;
    worker = null;
    abandoned.stopped = true;
    try {
      abandoned.thread.stop();
    } catch (UnsupportedOperationException e) {
      abandoned.thread.interrupt();
      abandoned.thread.setPriority(Thread.MIN_PRIORITY);
      LOG.warn(
          "This JDK cannot stop the abandoned FEEL evaluation on thread {}; it runs on until it ends",
          abandoned.thread.getName());
      return;
    }
    try {
      abandoned.thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Worker implements Runnable {
    final SynchronousQueue<Task> tasks = new SynchronousQueue<>();
    final Thread thread = new Thread(this, "engine-feel-evaluation");
    volatile boolean stopped;

    Worker() {
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void run() {
      while (!stopped) {
        Task task;
        try {
          task = tasks.take();
        } catch (InterruptedException e) {
          return;
        }
        try {
          task.result().complete(task.evaluation().get());
        } catch (Throwable t) {
          // also the stop's ThreadDeath: the waiting writer has already moved on, so this ends
          // quietly
          task.result().completeExceptionally(t);
        }
      }
    }
  }
}
