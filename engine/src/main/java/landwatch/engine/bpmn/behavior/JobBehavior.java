package landwatch.engine.bpmn.behavior;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.record.intent.JobIntent;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.Job;

/** Creates and cancels the jobs of job-based elements (service, send, job-based user tasks...). */
public final class JobBehavior {

  private final BpmnContext ctx;
  private final VariableBehavior variables;
  private Consumer<String> jobsAvailable = type -> {};

  public JobBehavior(BpmnContext ctx, VariableBehavior variables) {
    this.ctx = ctx;
    this.variables = variables;
  }

  /** Told about every type that has a new activatable job, to wake waiting long polls. */
  public void onJobsAvailable(Consumer<String> listener) {
    this.jobsAvailable = listener;
  }

  public void notifyAvailable(String type) {
    jobsAvailable.accept(type);
  }

  /** Returns why the job could not be created, or null. */
  public Failure createJob(ExecutableElement element, ElementInstance instance) {
    Map<String, Object> context = variables.visible(instance.key());
    FeelResult type = ctx.evaluate(element.job.type(), context);
    if (type.isFailure() || !(type.value() instanceof String typeName) || typeName.isBlank()) {
      return new Failure(
          IncidentTypes.EXTRACT_VALUE_ERROR,
          "Expected the job type to be a non-empty string, but "
              + (type.isFailure()
                  ? "it failed: " + type.failure()
                  : "it was '" + type.value() + "'"));
    }
    FeelResult retries = ctx.evaluate(element.job.retries(), context);
    Integer retryCount = toInt(retries.value());
    if (retries.isFailure() || retryCount == null) {
      return new Failure(
          IncidentTypes.EXTRACT_VALUE_ERROR,
          "Expected the job retries to be a number, but "
              + (retries.isFailure()
                  ? "it failed: " + retries.failure()
                  : "it was '" + retries.value() + "'"));
    }
    Job job =
        new Job(
            ctx.nextKey(),
            typeName,
            retryCount,
            new LinkedHashMap<>(element.job.headers()),
            instance);
    open(job, instance);
    return null;
  }

  /**
   * The element instance waits for the job, an element's or a task listener's: it is stored,
   * recorded and offered to the workers of its type.
   */
  void open(Job job, ElementInstance instance) {
    ctx.state().jobs().put(job);
    instance.setJobKey(job.key());
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("type", job.type());
    created.put("elementInstanceKey", instance.key());
    created.put("retries", job.retries());
    if (job.kind() != Job.Kind.BPMN_ELEMENT) {
      created.put("jobKind", job.kind().name());
      created.put("jobListenerEventType", job.listenerEventType());
    }
    ctx.records().append(job.key(), JobIntent.CREATED, created);
    notifyAvailable(job.type());
  }

  public void cancelJob(ElementInstance instance) {
    if (instance.jobKey() < 0) {
      return;
    }
    Job job = ctx.state().jobs().get(instance.jobKey());
    if (job != null) {
      ctx.state().jobs().remove(job);
      ctx.records()
          .append(
              job.key(),
              JobIntent.CANCELED,
              Map.of("type", job.type(), "elementInstanceKey", instance.key()));
    }
    instance.setJobKey(-1);
  }

  /** A FEEL result read as a whole number (retries): a number, or a text holding one; else null. */
  static Integer toInt(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    if (value instanceof String text) {
      try {
        return new BigDecimal(text.trim()).intValue();
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
