package landwatch.spot.photo;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Job worker {@value #JOB_TYPE}: checks the verification's {@code photos} against the spot's point
 * ({@code spotLongitude}, {@code spotLatitude}) and {@code imageryDate}, and completes with {@code
 * photoFindings}.
 *
 * <p>A bad photo is a finding, never an incident: the officer and the reviewer are to see it. A
 * document store that cannot answer fails the job, which is retried; a model without the spot's
 * point fails it at once (an incident), since retrying cannot help. Not a component by itself: the
 * application declares it with its settings.
 */
public class PhotoCheckWorker {

  public static final String JOB_TYPE = "landwatch.photo-check";
  public static final String PHOTOS = "photos";
  public static final String SPOT_LONGITUDE = "spotLongitude";
  public static final String SPOT_LATITUDE = "spotLatitude";
  public static final String IMAGERY_DATE = "imageryDate";
  public static final String FINDINGS = "photoFindings";

  private final CamundaClient camunda;
  private final PhotoCheck check;

  public PhotoCheckWorker(CamundaClient camunda, PhotoCheck check) {
    this.camunda = camunda;
    this.check = check;
  }

  @JobWorker(
      type = JOB_TYPE,
      autoComplete = false,
      fetchVariables = {PHOTOS, SPOT_LONGITUDE, SPOT_LATITUDE, IMAGERY_DATE})
  public void checkPhotos(JobClient client, ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    PhotoCheck.Spot spot;
    try {
      spot = spot(variables);
    } catch (IllegalArgumentException e) {
      client.newFailCommand(job.getKey()).retries(0).errorMessage(e.getMessage()).send().join();
      return;
    }
    Map<String, Object> findings =
        check.findings(photos(variables.get(PHOTOS)), spot, this::content);
    client.newCompleteCommand(job.getKey()).variables(Map.of(FINDINGS, findings)).send().join();
  }

  /** No photos (the form requires them, but a model may skip it) give no findings. */
  private static List<?> photos(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof List<?> list ? list : List.of(value);
  }

  private static PhotoCheck.Spot spot(Map<String, Object> variables) {
    return new PhotoCheck.Spot(
        degrees(variables, SPOT_LONGITUDE), degrees(variables, SPOT_LATITUDE), date(variables));
  }

  private static double degrees(Map<String, Object> variables, String name) {
    if (variables.get(name) instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException(
        "job variable "
            + name
            + " must be the spot's point in degrees, was "
            + variables.get(name));
  }

  private static LocalDate date(Map<String, Object> variables) {
    Object value = variables.get(IMAGERY_DATE);
    if (value == null || value instanceof String text && text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse((String) value);
    } catch (ClassCastException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "job variable " + IMAGERY_DATE + " must be an ISO date or null, was " + value, e);
    }
  }

  private Optional<byte[]> content(PhotoReference reference) {
    var request = camunda.newDocumentContentGetRequest(reference.documentId());
    if (reference.storeId() != null) {
      request = request.storeId(reference.storeId());
    }
    if (reference.contentHash() != null) {
      request = request.contentHash(reference.contentHash());
    }
    try (InputStream content = request.send().join()) {
      return Optional.of(content.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("reading document " + reference.documentId(), e);
    } catch (ProblemException e) {
      return notFound(e);
    } catch (CompletionException e) {
      if (e.getCause() instanceof ProblemException problem) {
        return notFound(problem);
      }
      throw e;
    }
  }

  private static Optional<byte[]> notFound(ProblemException problem) {
    if (problem.code() == 404) {
      return Optional.empty();
    }
    throw problem;
  }
}
