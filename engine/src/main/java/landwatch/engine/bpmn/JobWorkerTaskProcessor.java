package landwatch.engine.bpmn;

import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * Service, send, job-based user and business-rule tasks, job-based script tasks and message
 * throw events: the work is a job; the job's completion completes the element.
 */
final class JobWorkerTaskProcessor extends ActivityProcessor {

  JobWorkerTaskProcessor(BpmnBehaviors behaviors) {
    super(behaviors);
  }

  @Override
  protected Failure onInputsApplied(ExecutableElement element, ElementInstance instance) {
    Failure failure = b.jobs().createJob(element, instance);
    if (failure != null) {
      b.subscriptions().unsubscribe(instance);
      return failure;
    }
    b.transitions().transitionToActivated(instance);
    return null;
  }
}
