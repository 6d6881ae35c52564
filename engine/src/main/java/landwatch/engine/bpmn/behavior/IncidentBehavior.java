package landwatch.engine.bpmn.behavior;

import java.util.LinkedHashMap;
import java.util.Map;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.record.intent.IncidentIntent;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.Incident;

/**
 * Raises incidents the way Zeebe does: the element instance stays where it is, remembering the
 * lifecycle step to re-run once the incident is resolved.
 */
public final class IncidentBehavior {

  public static final String STEP_ACTIVATE = "ACTIVATE";
  public static final String STEP_COMPLETE = "COMPLETE";
  public static final String STEP_JOB = "JOB";

  private final BpmnContext ctx;

  public IncidentBehavior(BpmnContext ctx) {
    this.ctx = ctx;
  }

  /**
   * A lifecycle step of the instance failed: the instance stays in its state, and resolving the
   * incident re-runs the step ({@link #STEP_ACTIVATE} or {@link #STEP_COMPLETE}).
   */
  public void createIncident(Failure failure, ElementInstance instance, String step) {
    raise(instance, failure.errorType(), failure.message(), step, -1);
  }

  /** The instance's job cannot go on: resolving the incident makes the job activatable again. */
  public void createJobIncident(Failure failure, ElementInstance instance, long jobKey) {
    raise(instance, failure.errorType(), failure.message(), STEP_JOB, jobKey);
  }

  private void raise(
      ElementInstance instance, String errorType, String message, String step, long jobKey) {
    Incident incident =
        new Incident(ctx.nextKey(), errorType, message, instance, jobKey, ctx.now());
    ctx.state().incidents().put(incident);
    instance.setIncidentKey(incident.key());
    instance.setFailedStep(step);
    ctx.records().append(incident.key(), IncidentIntent.CREATED, value(incident));
  }

  public void resolve(Incident incident) {
    ctx.state().incidents().resolve(incident);
    ctx.records().append(incident.key(), IncidentIntent.RESOLVED, value(incident));
    ElementInstance instance = ctx.state().instances().get(incident.elementInstanceKey());
    if (instance != null && instance.incidentKey() == incident.key()) {
      instance.setIncidentKey(-1);
    }
  }

  /** An ending element instance takes its incidents with it. */
  public void resolveAll(ElementInstance instance) {
    for (Incident incident : ctx.state().incidents().of(instance.key())) {
      resolve(incident);
    }
  }

  private static Map<String, Object> value(Incident incident) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("errorType", incident.errorType());
    value.put("errorMessage", incident.errorMessage());
    value.put("elementId", incident.elementId());
    value.put("elementInstanceKey", incident.elementInstanceKey());
    value.put("processInstanceKey", incident.processInstanceKey());
    value.put("jobKey", incident.jobKey());
    return value;
  }
}
