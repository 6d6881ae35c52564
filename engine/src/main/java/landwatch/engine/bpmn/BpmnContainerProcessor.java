package landwatch.engine.bpmn;

import landwatch.engine.model.ExecutableElement;
import landwatch.engine.state.ElementInstance;

/**
 * An element whose instance holds child instances: processes, sub-processes, multi-instance bodies,
 * and call activities (whose child is another process instance).
 */
public interface BpmnContainerProcessor extends BpmnElementProcessor {

  /**
   * A child is about to complete; its variables are still there. Returns null, or why the child
   * cannot complete: that fails the child's completion, and the child stays COMPLETING.
   */
  default Failure beforeChildCompleted(
      ExecutableElement element, ElementInstance container, ElementInstance child) {
    return null;
  }

  /** An execution path inside the container ended, with a completed child and no flow taken. */
  void onChildCompleted(
      ExecutableElement element, ElementInstance container, ElementInstance child);

  /** A child terminated: the container may now finish terminating or continue interrupted. */
  void onChildTerminated(
      ExecutableElement element, ElementInstance container, ElementInstance child);
}
