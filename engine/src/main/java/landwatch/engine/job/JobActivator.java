package landwatch.engine.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import io.camunda.client.protocol.rest.UserTaskProperties;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.bpmn.behavior.IncidentBehavior;
import landwatch.engine.bpmn.behavior.IncidentTypes;
import landwatch.engine.bpmn.behavior.UserTaskBehavior;
import landwatch.engine.bpmn.behavior.VariableBehavior;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.DueWork;
import landwatch.engine.processing.Rejection;
import landwatch.engine.processing.RejectionType;
import landwatch.engine.processing.StreamProcessor;
import landwatch.engine.record.intent.JobIntent;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.Job;
import landwatch.engine.state.UserTask;
import landwatch.engine.state.VariableDocumentLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job activation with long polling. A request that finds no job waits in the writer's memory, not
 * on a thread: it is answered in the first batch that makes a job of its type activatable, or empty
 * when its request timeout has passed. One writer means a job is never handed to two workers at
 * once (until its timeout makes it activatable again).
 *
 * <p>An activation answers only what it can deliver: each job is written as its response entry
 * before it is marked activated. A job that no response can carry gets a MESSAGE_SIZE_EXCEEDED
 * incident instead, as in Zeebe, and jobs beyond the response size stay for the next request. Jobs
 * whose response could not be written are yielded: activatable again at once.
 */
public final class JobActivator implements DueWork {

  public static final String RESPONSE_SIZE_PROPERTY =
      "landwatch.engine.limits.max-activation-response-size";

  /** What the response adds around its entries: {@code {"jobs":[ ... ]}}. */
  public static final int RESPONSE_FRAME_BYTES = 11;

  private static final Logger LOG = LoggerFactory.getLogger(JobActivator.class);
  private static final ObjectWriter ENTRY = new ObjectMapper().writerFor(ActivatedJobResult.class);

  /** A worker's request; {@code expiresAtNanos} is on the JVM's monotonic clock. */
  public record Request(
      String type,
      String worker,
      long timeout,
      int maxJobs,
      List<String> fetchVariables,
      long expiresAtNanos,
      CompletableFuture<List<Delivery>> response) {}

  /**
   * One activated job as its JSON entry of the response; key and deadline name this activation of
   * it.
   */
  public record Delivery(long key, long deadline, byte[] json) {}

  private final StreamProcessor writer;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final JobDeadlines deadlines;
  private final VariableDocumentLimits limits;
  private final long maxResponseBytes;
  private final Deque<Request> waiting = new ArrayDeque<>();
  private final Set<String> available = new HashSet<>();

  public JobActivator(
      StreamProcessor writer,
      BpmnBehaviors behaviors,
      JobDeadlines deadlines,
      VariableDocumentLimits limits,
      long maxResponseBytes) {
    if (maxResponseBytes < limits.maxBytes() + RESPONSE_FRAME_BYTES) {
      // a job within the variable limits must fit a response on its own
      throw new IllegalArgumentException(
          "Expected "
              + RESPONSE_SIZE_PROPERTY
              + " to be larger than "
              + VariableDocumentLimits.SIZE_PROPERTY
              + " ("
              + limits.maxBytes()
              + " bytes), but it was "
              + maxResponseBytes
              + " bytes");
    }
    this.writer = writer;
    this.variables = behaviors.variables();
    this.incidents = behaviors.incidents();
    this.deadlines = deadlines;
    this.limits = limits;
    this.maxResponseBytes = maxResponseBytes;
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
    List<Delivery> jobs = activate(batch, request);
    if (!jobs.isEmpty() || !mayWait) {
      answer(batch, request, jobs);
    } else {
      waiting.add(request);
    }
    return null;
  }

  /**
   * Jobs activated for a response that did not reach the worker become activatable again, by a
   * command of their own (Zeebe's job YIELD), not after their timeout.
   */
  public void yieldLater(List<Delivery> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    writer
        .submit(batch -> yieldJobs(batch, jobs))
        .whenComplete(
            (ignored, failure) -> {
              if (failure != null) {
                LOG.warn(
                    "Could not yield {} undelivered jobs; they become activatable at their timeout",
                    jobs.size(),
                    failure);
              }
            });
  }

  /** Returns null; a job completed, failed or activated anew since is left as it is. */
  public Void yieldJobs(Batch batch, List<Delivery> jobs) {
    for (Delivery delivery : jobs) {
      Job job = batch.state.jobs().get(delivery.key());
      if (job != null
          && job.state() == Job.State.ACTIVATED
          && job.deadline() == delivery.deadline()) {
        job.release();
        batch.records.append(job.key(), JobIntent.YIELDED, Map.of("type", job.type()));
        jobsAvailable(job.type());
      }
    }
    return null;
  }

  private void answer(Batch batch, Request request, List<Delivery> jobs) {
    batch.afterCommit(
        () -> {
          if (!request.response().complete(jobs)) {
            // the request ended (timed out, the worker went away) while the writer activated its
            // jobs
            yieldLater(jobs);
          }
        });
  }

  private List<Delivery> activate(Batch batch, Request request) {
    List<Delivery> delivered = new ArrayList<>();
    long responseBytes = RESPONSE_FRAME_BYTES;
    List<Job> candidates;
    // an undeliverable job leaves the activatable ones, so look again until the request is served
    while (delivered.size() < request.maxJobs()
        && !(candidates = candidates(batch, request.type(), request.maxJobs() - delivered.size()))
            .isEmpty()) {
      for (Job job : candidates) {
        Delivery delivery = deliverable(batch, job, request);
        if (delivery == null) {
          continue;
        }
        long withEntry = responseBytes + delivery.json().length + (delivered.isEmpty() ? 0 : 1);
        if (withEntry > maxResponseBytes) {
          return delivered;
        }
        responseBytes = withEntry;
        job.activate(request.worker() == null ? "" : request.worker(), delivery.deadline());
        deadlines.noteDeadline(job.deadline());
        batch.records.append(
            job.key(),
            JobIntent.ACTIVATED,
            Map.of("worker", job.worker(), "deadline", job.deadline()));
        delivered.add(delivery);
      }
    }
    return delivered;
  }

  /**
   * What the job sees: the variables visible at its element; a completing listener's also the
   * completion's, over them (as Zeebe 8.8), so it can check what is being submitted.
   */
  private Map<String, Object> visibleTo(Job job, UserTask task) {
    Map<String, Object> visible = variables.visible(job.elementInstanceKey());
    UserTask.Transition transition = task == null ? null : task.transition();
    if (job.kind() != Job.Kind.TASK_LISTENER
        || transition == null
        || transition.state() != UserTask.State.COMPLETING
        || transition.variables().isEmpty()) {
      return visible;
    }
    Map<String, Object> submitted = new LinkedHashMap<>(visible);
    submitted.putAll(transition.variables());
    return submitted;
  }

  private static List<Job> candidates(Batch batch, String type, int max) {
    List<Job> jobs = new ArrayList<>();
    Iterator<Long> keys = batch.state.jobs().activatable(type).iterator();
    while (keys.hasNext() && jobs.size() < max) {
      jobs.add(batch.state.jobs().get(keys.next()));
    }
    return jobs;
  }

  /**
   * The job written as it would be delivered, or null when it cannot be and got an incident
   * instead.
   */
  private Delivery deliverable(Batch batch, Job job, Request request) {
    UserTask task = batch.state.userTasks().get(job.userTaskKey());
    Map<String, Object> selected = select(visibleTo(job, task), request.fetchVariables());
    String exceeded = limits.violation(selected);
    if (exceeded == null) {
      long deadline = batch.now + request.timeout();
      byte[] json =
          entry(job, request.worker() == null ? "" : request.worker(), deadline, selected, task);
      if (json.length + RESPONSE_FRAME_BYTES <= maxResponseBytes) {
        return new Delivery(job.key(), deadline, json);
      }
      exceeded =
          String.format(
              "Expected a job to be at most %d bytes (%s), but it was %d bytes",
              maxResponseBytes - RESPONSE_FRAME_BYTES, RESPONSE_SIZE_PROPERTY, json.length);
    }
    job.stop();
    ElementInstance instance = batch.state.instances().get(job.elementInstanceKey());
    if (instance != null) {
      incidents.createJobIncident(
          new Failure(
              IncidentTypes.MESSAGE_SIZE_EXCEEDED,
              "The job with key '"
                  + job.key()
                  + "' can not be activated: "
                  + exceeded
                  + ". Reduce the fetched variables or their values."),
          instance,
          job.key());
    }
    return null;
  }

  private static Map<String, Object> select(Map<String, Object> visible, List<String> fetch) {
    if (fetch == null || fetch.isEmpty()) {
      return visible;
    }
    Map<String, Object> selected = new HashMap<>();
    for (String name : fetch) {
      if (visible.containsKey(name)) {
        selected.put(name, visible.get(name));
      }
    }
    return selected;
  }

  /** {@code userTask}: a task listener's task, else null. */
  private static byte[] entry(
      Job job, String worker, long deadline, Map<String, Object> selected, UserTask userTask) {
    ActivatedJobResult result =
        new ActivatedJobResult()
            .jobKey(String.valueOf(job.key()))
            .type(job.type())
            .processDefinitionId(job.bpmnProcessId())
            .processDefinitionVersion(job.version())
            .processDefinitionKey(String.valueOf(job.processDefinitionKey()))
            .processInstanceKey(String.valueOf(job.processInstanceKey()))
            .elementId(job.elementId())
            .elementInstanceKey(String.valueOf(job.elementInstanceKey()))
            .customHeaders(new HashMap<>(job.customHeaders()))
            .worker(worker)
            .retries(job.retries())
            .deadline(deadline)
            .variables(selected)
            .tenantId("<default>")
            .kind(JobKindEnum.fromValue(job.kind().name()))
            .listenerEventType(
                job.listenerEventType() == null
                    ? JobListenerEventTypeEnum.UNSPECIFIED
                    : JobListenerEventTypeEnum.fromValue(job.listenerEventType()));
    if (userTask != null) {
      result.userTask(userTaskProperties(userTask));
    }
    try {
      return ENTRY.writeValueAsBytes(result);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a task listener sees of its task: the attributes as its transition would leave them. */
  @SuppressWarnings("unchecked")
  private static UserTaskProperties userTaskProperties(UserTask task) {
    Map<String, Object> value = UserTaskBehavior.value(task);
    return new UserTaskProperties()
        .userTaskKey(String.valueOf(task.key()))
        .action((String) value.get("action"))
        .assignee(emptyAsNull(value.get("assignee")))
        .candidateGroups((List<String>) value.get("candidateGroupsList"))
        .candidateUsers((List<String>) value.get("candidateUsersList"))
        .changedAttributes((List<String>) value.get("changedAttributes"))
        .dueDate(emptyAsNull(value.get("dueDate")))
        .followUpDate(emptyAsNull(value.get("followUpDate")))
        .formKey(task.formKey() < 0 ? null : String.valueOf(task.formKey()))
        .priority((Integer) value.get("priority"));
  }

  private static String emptyAsNull(Object text) {
    return text == null || "".equals(text) ? null : (String) text;
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
        List<Delivery> jobs = activate(batch, request);
        if (!jobs.isEmpty()) {
          requests.remove();
          answer(batch, request, jobs);
          continue;
        }
      }
      if (request.expiresAtNanos() - now <= 0) {
        requests.remove();
        answer(batch, request, List.of());
      } else {
        next = Math.min(next, (request.expiresAtNanos() - now) / 1_000_000 + 1);
      }
    }
    available.clear();
    return next;
  }

  @Override
  public void shutDown() {
    Rejection stopping =
        new Rejection(
            RejectionType.NOT_RUNNING,
            "Expected to activate jobs, but the engine is shutting down; no job was activated");
    waiting.forEach(request -> request.response().completeExceptionally(stopping));
    waiting.clear();
  }
}
