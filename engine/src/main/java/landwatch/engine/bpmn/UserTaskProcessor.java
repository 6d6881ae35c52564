package landwatch.engine.bpmn;

import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * User tasks: a job-based user task (no {@code zeebe:userTask}) is a job of type
 * {@code io.camunda.zeebe:userTask}, as in Zeebe; a Zeebe user task waits, activated, for the
 * tasklist part of the engine (a later issue) to complete it.
 */
final class UserTaskProcessor implements BpmnElementProcessor {

  private final JobWorkerTaskProcessor jobBased;
  private final WaitingTaskProcessor zeebeUserTask;

  UserTaskProcessor(JobWorkerTaskProcessor jobBased, WaitingTaskProcessor zeebeUserTask) {
    this.jobBased = jobBased;
    this.zeebeUserTask = zeebeUserTask;
  }

  private BpmnElementProcessor delegate(ExecutableElement element) {
    return element.zeebeUserTask ? zeebeUserTask : jobBased;
  }

  @Override
  public void onActivate(ExecutableElement element, ElementInstance instance) {
    delegate(element).onActivate(element, instance);
  }

  @Override
  public void onComplete(ExecutableElement element, ElementInstance instance) {
    delegate(element).onComplete(element, instance);
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance) {
    delegate(element).onTerminate(element, instance);
  }
}
