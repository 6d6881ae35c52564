package landwatch.engine.api;

import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import landwatch.engine.Engine;
import landwatch.engine.bpmn.behavior.UserTaskBehavior;
import landwatch.engine.job.JobActivator;
import landwatch.engine.processing.Rejection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Jobs: activation with long polling (the request is parked as a deferred result, no thread waits;
 * the response is written from the entries the writer made, see {@link ActivatedJobsBody}) and the
 * worker's answers.
 */
@RestController
public class JobController {

  private final Engine engine;
  private final VariableLimits limits;
  private final long defaultLongPollMillis;
  private final long maxLongPollMillis;

  public JobController(
      Engine engine, VariableLimits limits, long defaultLongPollMillis, long maxLongPollMillis) {
    this.engine = engine;
    this.limits = limits;
    this.defaultLongPollMillis = defaultLongPollMillis;
    this.maxLongPollMillis = maxLongPollMillis;
  }

  @PostMapping(path = "/v2/jobs/activation", produces = MediaType.APPLICATION_JSON_VALUE)
  public DeferredResult<ActivatedJobsBody> activate(@RequestBody JobActivationRequest request) {
    if (request.getType() == null || request.getType().isBlank()) {
      throw Rejection.invalidArgument("Expected a job type, but none given");
    }
    if (request.getMaxJobsToActivate() == null || request.getMaxJobsToActivate() < 1) {
      throw Rejection.invalidArgument("Expected maxJobsToActivate to be greater than 0");
    }
    if (request.getTimeout() == null || request.getTimeout() < 1) {
      throw Rejection.invalidArgument("Expected the job timeout to be greater than 0");
    }
    long requested = request.getRequestTimeout() == null ? 0 : request.getRequestTimeout();
    boolean mayWait = requested >= 0;
    long wait = Math.min(requested == 0 ? defaultLongPollMillis : requested, maxLongPollMillis);
    CompletableFuture<List<JobActivator.Delivery>> jobs = new CompletableFuture<>();
    JobActivator.Request activation =
        new JobActivator.Request(
            request.getType(),
            request.getWorker(),
            request.getTimeout(),
            request.getMaxJobsToActivate(),
            request.getFetchVariable(),
            System.nanoTime() + Math.max(wait, 0) * 1_000_000,
            jobs);
    DeferredResult<ActivatedJobsBody> response = new DeferredResult<>(Math.max(wait, 0) + 10_000);
    response.onTimeout(() -> jobs.complete(List.of()));
    // a worker that went away: the writer drops its parked request instead of activating jobs for
    // it
    response.onError(error -> jobs.complete(List.of()));
    jobs.whenComplete(
        (activated, failure) -> {
          if (failure != null) {
            response.setErrorResult(failure);
            return;
          }
          ActivatedJobsBody body = new ActivatedJobsBody(activated, engine.activator::yieldLater);
          if (!response.setResult(body)) {
            body.undelivered();
          }
        });
    engine
        .writer
        .submit(batch -> engine.activator.activateOrWait(batch, activation, mayWait))
        .whenComplete(
            (ignored, failure) -> {
              if (failure != null) {
                jobs.completeExceptionally(failure);
              }
            });
    return response;
  }

  @PostMapping(path = "/v2/jobs/{key}/completion")
  public ResponseEntity<Void> complete(
      @PathVariable("key") long key, @RequestBody(required = false) JobCompletionRequest request) {
    Map<String, Object> variables = limits.check(request == null ? null : request.getVariables());
    UserTaskBehavior.ListenerResult result =
        request == null ? null : ListenerResults.of(request.getResult());
    return Committed.await(
        engine.writer.submit(
            batch -> {
              engine.jobs.complete(batch, key, variables, result);
              return ResponseEntity.noContent().<Void>build();
            }));
  }

  @PostMapping(path = "/v2/jobs/{key}/failure")
  public ResponseEntity<Void> fail(
      @PathVariable("key") long key, @RequestBody(required = false) JobFailRequest request) {
    JobFailRequest body = request == null ? new JobFailRequest() : request;
    Map<String, Object> variables = limits.check(body.getVariables());
    int retries = body.getRetries() == null ? 0 : body.getRetries();
    long backoff = body.getRetryBackOff() == null ? 0 : body.getRetryBackOff();
    return Committed.await(
        engine.writer.submit(
            batch -> {
              engine.jobs.fail(batch, key, retries, body.getErrorMessage(), backoff, variables);
              return ResponseEntity.noContent().<Void>build();
            }));
  }

  @PostMapping(path = "/v2/jobs/{key}/error")
  public ResponseEntity<Void> error(
      @PathVariable("key") long key, @RequestBody JobErrorRequest request) {
    Map<String, Object> variables = limits.check(request.getVariables());
    return Committed.await(
        engine.writer.submit(
            batch -> {
              engine.jobs.throwError(
                  batch, key, request.getErrorCode(), request.getErrorMessage(), variables);
              return ResponseEntity.noContent().<Void>build();
            }));
  }

  @PatchMapping(path = "/v2/jobs/{key}")
  public ResponseEntity<Void> update(
      @PathVariable("key") long key, @RequestBody JobUpdateRequest request) {
    if (request.getChangeset() == null) {
      throw Rejection.invalidArgument("Expected a changeset, but none given");
    }
    Integer retries = request.getChangeset().getRetries();
    Long timeout = request.getChangeset().getTimeout();
    return Committed.await(
        engine.writer.submit(
            batch -> {
              engine.jobs.update(batch, key, retries, timeout);
              return ResponseEntity.noContent().<Void>build();
            }));
  }
}
