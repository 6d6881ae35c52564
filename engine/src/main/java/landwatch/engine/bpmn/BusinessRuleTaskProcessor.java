package landwatch.engine.bpmn;

import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * Business-rule tasks: with a {@code zeebe:taskDefinition} they are job-based; calling a DMN
 * decision is the part of the engine still to come, which raises an incident meanwhile.
 */
final class BusinessRuleTaskProcessor implements BpmnElementProcessor {

  private final JobWorkerTaskProcessor jobBased;
  private final WaitingTaskProcessor decision;

  BusinessRuleTaskProcessor(JobWorkerTaskProcessor jobBased, WaitingTaskProcessor decision) {
    this.jobBased = jobBased;
    this.decision = decision;
  }

  private BpmnElementProcessor delegate(ExecutableElement element) {
    return element.isJobBased() ? jobBased : decision;
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
