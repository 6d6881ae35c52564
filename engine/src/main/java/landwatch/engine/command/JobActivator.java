package landwatch.engine.command;

import io.camunda.client.protocol.rest.ActivatedJobResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import landwatch.engine.bpmn.VariableBehavior;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.DueWork;
import landwatch.engine.processing.Rejection;
import landwatch.engine.processing.RejectionType;
import landwatch.engine.state.Job;

/**
 * Job activation with long polling. A request that finds no job waits in the writer's memory, not
 * on a thread: it is answered in the first batch that makes a job of its type activatable, or
 * empty when its request timeout has passed. One writer means a job is never handed to two
 * workers at once (until its timeout makes it activatable again).
 */
public final class JobActivator implements DueWork {

  /** A worker's request; {@code expiresAtNanos} is on the JVM's monotonic clock. */
  public record Request(String type, String worker, long timeout, int maxJobs, List<String> fetchVariables,
      long expiresAtNanos, CompletableFuture<List<ActivatedJobResult>> response) {}

  private final VariableBehavior variables;
  private final JobDeadlines deadlines;
  private final Deque<Request> waiting = new ArrayDeque<>();
  private final Set<String> available = new HashSet<>();

  public JobActivator(VariableBehavior variables, JobDeadlines deadlines) {
    this.variables = variables;
    this.deadlines = deadlines;
  }

  /** Called from the writer whenever a job of this type becomes activatable. */
  public void jobsAvailable(String type) {
    available.add(type);
  }

  /** Activates what is there; parks the request when nothing is and it may wait. Returns null. */
  public Void activateOrWait(Batch batch, Request request, boolean mayWait) {
    if (request.response().isDone()) {
      // answered already (command timeout, worker gone): jobs activated now would reach no one
      return null;
    }
    List<ActivatedJobResult> jobs = activate(batch, request);
    if (!jobs.isEmpty() || !mayWait) {
      batch.afterCommit(() -> request.response().complete(jobs));
    } else {
      waiting.add(request);
    }
    return null;
  }

  private List<ActivatedJobResult> activate(Batch batch, Request request) {
    List<ActivatedJobResult> result = new ArrayList<>();
    Iterator<Long> keys = batch.state.activatableJobs(request.type()).iterator();
    List<Job> chosen = new ArrayList<>();
    while (keys.hasNext() && chosen.size() < request.maxJobs()) {
      chosen.add(batch.state.job(keys.next()));
    }
    for (Job job : chosen) {
      job.state = Job.State.ACTIVATED;
      job.worker = request.worker() == null ? "" : request.worker();
      job.deadline = batch.now + request.timeout();
      batch.state.touch(job);
      deadlines.noteDeadline(job.deadline);
      batch.append(job.key, "JOB", "ACTIVATED", Map.of("worker", job.worker, "deadline", job.deadline));
      result.add(toResult(job, request.fetchVariables()));
    }
    return result;
  }

  private ActivatedJobResult toResult(Job job, List<String> fetch) {
    Map<String, Object> visible = variables.visible(job.elementInstanceKey);
    Map<String, Object> selected;
    if (fetch == null || fetch.isEmpty()) {
      selected = visible;
    } else {
      selected = new HashMap<>();
      for (String name : fetch) {
        if (visible.containsKey(name)) {
          selected.put(name, visible.get(name));
        }
      }
    }
    return new ActivatedJobResult()
        .jobKey(String.valueOf(job.key))
        .type(job.type)
        .processDefinitionId(job.bpmnProcessId)
        .processDefinitionVersion(job.version)
        .processDefinitionKey(String.valueOf(job.processDefinitionKey))
        .processInstanceKey(String.valueOf(job.processInstanceKey))
        .elementId(job.elementId)
        .elementInstanceKey(String.valueOf(job.elementInstanceKey))
        .customHeaders(new HashMap<>(job.customHeaders))
        .worker(job.worker)
        .retries(job.retries)
        .deadline(job.deadline)
        .variables(selected)
        .tenantId("<default>");
  }

  @Override
  public long processDue(Batch batch) {
    long now = System.nanoTime();
    long next = Long.MAX_VALUE;
    Iterator<Request> requests = waiting.iterator();
    while (requests.hasNext()) {
      Request request = requests.next();
      if (request.response().isDone()) {
        requests.remove();
        continue;
      }
      if (available.contains(request.type())) {
        List<ActivatedJobResult> jobs = activate(batch, request);
        if (!jobs.isEmpty()) {
          requests.remove();
          batch.afterCommit(() -> request.response().complete(jobs));
          continue;
        }
      }
      if (request.expiresAtNanos() - now <= 0) {
        requests.remove();
        batch.afterCommit(() -> request.response().complete(List.of()));
      } else {
        next = Math.min(next, (request.expiresAtNanos() - now) / 1_000_000 + 1);
      }
    }
    available.clear();
    return next;
  }

  @Override
  public void shutDown() {
    Rejection stopping = new Rejection(RejectionType.NOT_RUNNING,
        "Expected to activate jobs, but the engine is shutting down; no job was activated");
    waiting.forEach(request -> request.response().completeExceptionally(stopping));
    waiting.clear();
  }
}
