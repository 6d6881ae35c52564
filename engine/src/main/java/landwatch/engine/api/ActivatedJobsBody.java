package landwatch.engine.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import landwatch.engine.job.JobActivator;
import landwatch.engine.job.JobActivator.Delivery;

/**
 * An activation response made of the entries the writer wrote before it activated the jobs. A
 * response that cannot be written hands its jobs back, so they need not wait for their timeout.
 */
public final class ActivatedJobsBody {

  private static final byte[] OPEN = "{\"jobs\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);

  private final List<Delivery> jobs;
  private final Consumer<List<Delivery>> undelivered;

  public ActivatedJobsBody(List<Delivery> jobs, Consumer<List<Delivery>> undelivered) {
    this.jobs = jobs;
    this.undelivered = undelivered;
  }

  public long contentLength() {
    long length = JobActivator.RESPONSE_FRAME_BYTES + Math.max(0, jobs.size() - 1);
    for (Delivery job : jobs) {
      length += job.json().length;
    }
    return length;
  }

  /**
   * Writes and flushes the whole body; when that fails, its jobs are yielded before the failure is
   * rethrown.
   */
  public void writeTo(OutputStream out) throws IOException {
    try {
      out.write(OPEN);
      for (int i = 0; i < jobs.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(jobs.get(i).json());
      }
      out.write(CLOSE);
      out.flush();
    } catch (IOException | RuntimeException e) {
      undelivered();
      throw e;
    }
  }

  /** The response will not be written (the request already ended): its jobs go back. */
  public void undelivered() {
    undelivered.accept(jobs);
  }
}
