package landwatch.engine.bpmn;

import landwatch.engine.state.ElementInstance;

/**
 * Told when a process instance ends, in the batch where it ends (its variables still there on
 * completion).
 */
public interface ProcessInstanceListener {

  void onCompleted(ElementInstance processInstance);

  default void onTerminated(ElementInstance processInstance) {}
}
