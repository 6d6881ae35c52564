package landwatch.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.JobActivationResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import landwatch.engine.job.JobActivator.Delivery;
import org.junit.jupiter.api.Test;

class ActivatedJobsBodyTest {

  private final List<List<Delivery>> yielded = new ArrayList<>();

  private static Delivery job(long key) {
    return new Delivery(
        key,
        1000 + key,
        ("{\"jobKey\":\"" + key + "\",\"variables\":{}}").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theEntriesAreWrittenAsTheActivationResultWithItsExactLength() throws IOException {
    List<Delivery> jobs = List.of(job(1), job(2));
    ActivatedJobsBody body = new ActivatedJobsBody(jobs, yielded::add);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    body.writeTo(out);

    JobActivationResult result =
        new ObjectMapper().readValue(out.toByteArray(), JobActivationResult.class);
    assertThat(result.getJobs()).extracting(j -> j.getJobKey()).containsExactly("1", "2");
    assertThat(body.contentLength()).isEqualTo(out.size());
    assertThat(new ActivatedJobsBody(List.of(), yielded::add).contentLength())
        .isEqualTo("{\"jobs\":[]}".length());
    assertThat(yielded).isEmpty();
  }

  @Test
  void aFailedWriteHandsAllItsJobsBack() {
    List<Delivery> jobs = List.of(job(1), job(2), job(3));
    OutputStream resetMidway =
        new OutputStream() {
          private int written;

          @Override
          public void write(int b) throws IOException {
            if (++written > 30) {
              throw new IOException("Connection reset by peer");
            }
          }
        };

    assertThatThrownBy(() -> new ActivatedJobsBody(jobs, yielded::add).writeTo(resetMidway))
        .isInstanceOf(IOException.class);
    assertThat(yielded).containsExactly(jobs);
  }

  @Test
  void aFailingFlushCountsAsUndelivered() {
    List<Delivery> jobs = List.of(job(7));
    OutputStream flushFails =
        new OutputStream() {
          @Override
          public void write(int b) {}

          @Override
          public void flush() throws IOException {
            throw new IOException("Broken pipe");
          }
        };

    assertThatThrownBy(() -> new ActivatedJobsBody(jobs, yielded::add).writeTo(flushFails))
        .isInstanceOf(IOException.class);
    assertThat(yielded).containsExactly(jobs);
  }
}
