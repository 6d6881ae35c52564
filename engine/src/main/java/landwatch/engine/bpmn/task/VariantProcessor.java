package landwatch.engine.bpmn.task;

import java.util.function.Predicate;
import landwatch.engine.bpmn.BpmnElementProcessor;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * An element kind with two implementations chosen by the model: a user task is job-based unless it
 * is a Zeebe user task; a business-rule task is job-based unless it calls a decision.
 */
public final class VariantProcessor implements BpmnElementProcessor {

  private final Predicate<ExecutableElement> isVariant;
  private final BpmnElementProcessor variant;
  private final BpmnElementProcessor otherwise;

  public VariantProcessor(
      Predicate<ExecutableElement> isVariant,
      BpmnElementProcessor variant,
      BpmnElementProcessor otherwise) {
    this.isVariant = isVariant;
    this.variant = variant;
    this.otherwise = otherwise;
  }

  private BpmnElementProcessor choose(ExecutableElement element) {
    return isVariant.test(element) ? variant : otherwise;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance) {
    return choose(element).onActivate(element, instance);
  }

  @Override
  public Failure onComplete(ExecutableElement element, ElementInstance instance) {
    return choose(element).onComplete(element, instance);
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance) {
    choose(element).onTerminate(element, instance);
  }
}
