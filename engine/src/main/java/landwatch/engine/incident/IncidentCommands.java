package landwatch.engine.incident;

import landwatch.engine.bpmn.BpmnEngine;
import landwatch.engine.bpmn.behavior.IncidentBehavior;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.Incident;
import landwatch.engine.state.Job;

/**
 * Resolving an incident continues where it stopped: a job incident makes the job activatable again
 * (its retries must have been raised first); an element incident re-runs the failed step.
 */
public final class IncidentCommands {

  private final BpmnEngine bpmn;

  public IncidentCommands(BpmnEngine bpmn) {
    this.bpmn = bpmn;
  }

  public void resolve(Batch batch, long incidentKey) {
    Incident incident = batch.state.incidents().get(incidentKey);
    if (incident == null) {
      throw Rejection.notFound(
          "Expected to resolve incident with key '%d', but no such incident was found",
          incidentKey);
    }
    if (incident.jobKey() >= 0) {
      Job job = batch.state.jobs().get(incident.jobKey());
      if (job != null && job.retries() <= 0 && job.state() == Job.State.FAILED) {
        throw Rejection.invalidState(
            "Expected to resolve incident with key '%d', but job with key '%d' has no retries left;"
                + " update the job's retries first",
            incidentKey, job.key());
      }
      bpmn.behaviors.incidents().resolve(incident);
      if (job != null) {
        job.recur();
        bpmn.behaviors.jobs().notifyAvailable(job.type());
      }
      return;
    }
    ElementInstance instance = batch.state.instances().get(incident.elementInstanceKey());
    bpmn.behaviors.incidents().resolve(incident);
    if (instance == null) {
      return;
    }
    String step = instance.failedStep();
    instance.setFailedStep(null);
    if (IncidentBehavior.STEP_COMPLETE.equals(step)) {
      batch.followUp(() -> bpmn.behaviors.transitions().retryCompletion(instance));
    } else {
      batch.followUp(() -> bpmn.behaviors.transitions().activate(instance));
    }
  }
}
