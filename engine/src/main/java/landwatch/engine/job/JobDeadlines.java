package landwatch.engine.job;

import java.util.Map;
import java.util.function.Consumer;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.DueWork;
import landwatch.engine.record.intent.JobIntent;
import landwatch.engine.state.Job;

/**
 * Jobs whose worker did not answer before the deadline, and failed jobs whose retry back-off has
 * passed, become activatable again. Jobs are only scanned when the earliest known deadline is due.
 */
public final class JobDeadlines implements DueWork {

  private final Consumer<String> jobsAvailable;
  private static final long FULL_SCAN_NANOS = 1_000_000_000L;

  private long nextCheck = Long.MIN_VALUE;
  private long nextFullScan = System.nanoTime();

  public JobDeadlines(Consumer<String> jobsAvailable) {
    this.jobsAvailable = jobsAvailable;
  }

  /** A deadline or back-off was set: the next check is due no later than it. */
  public void noteDeadline(long deadline) {
    nextCheck = Math.min(nextCheck, deadline);
  }

  @Override
  public long processDue(Batch batch) {
    // the hint can be stale after the writer reloaded its state: a periodic scan catches that
    long nanos = System.nanoTime();
    if (batch.now < nextCheck && nanos - nextFullScan < 0) {
      return Math.min(nextCheck - batch.now, (nextFullScan - nanos) / 1_000_000 + 1);
    }
    nextFullScan = nanos + FULL_SCAN_NANOS;
    long next = Long.MAX_VALUE;
    for (Job job : batch.state.jobs().all()) {
      if (job.state() == Job.State.ACTIVATED && job.deadline() >= 0) {
        if (job.deadline() <= batch.now) {
          job.release();
          batch.records.append(job.key(), JobIntent.TIMED_OUT, Map.of("type", job.type()));
          jobsAvailable.accept(job.type());
        } else {
          next = Math.min(next, job.deadline());
        }
      } else if (job.state() == Job.State.FAILED && job.retryBackoffUntil() >= 0) {
        if (job.retryBackoffUntil() <= batch.now) {
          job.recur();
          batch.records.append(
              job.key(), JobIntent.RECURRED_AFTER_BACKOFF, Map.of("type", job.type()));
          jobsAvailable.accept(job.type());
        } else {
          next = Math.min(next, job.retryBackoffUntil());
        }
      }
    }
    nextCheck = next;
    return next == Long.MAX_VALUE ? Long.MAX_VALUE : next - batch.now;
  }
}
