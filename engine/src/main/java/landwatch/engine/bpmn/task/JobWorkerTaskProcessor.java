package landwatch.engine.bpmn.task;

import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * Service, send, job-based user and business-rule tasks, job-based script tasks and message throw
 * events: the work is a job; the job's completion completes the element.
 */
public final class JobWorkerTaskProcessor extends ActivityProcessor {

  public JobWorkerTaskProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  /**
   * Public: a job-based message throw event, its input mappings applied, creates its job here too.
   */
  @Override
  public Failure onInputsApplied(ExecutableElement element, ElementInstance instance) {
    Failure failure = b.jobs().createJob(element, instance);
    if (failure != null) {
      b.subscriptions().unsubscribe(instance);
      return failure;
    }
    b.transitions().transitionToActivated(instance);
    return null;
  }
}
