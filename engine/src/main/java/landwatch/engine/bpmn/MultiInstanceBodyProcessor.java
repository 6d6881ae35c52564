package landwatch.engine.bpmn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.LoopCharacteristics;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.ElementState;

/**
 * The multi-instance body Zeebe wraps around a multi-instance activity: one inner instance per
 * element of the input collection, all at once (parallel) or one after the other (sequential),
 * collecting the output collection and honouring the completion condition. Boundary events are
 * attached to the body.
 */
final class MultiInstanceBodyProcessor implements BpmnContainerProcessor {

  /** The evaluated input collection, kept with the body for sequential iterations. */
  private static final String COLLECTION = "collection";

  private final BpmnBehaviors b;

  MultiInstanceBodyProcessor(BpmnBehaviors behaviors) {
    this.b = behaviors;
  }

  @Override
  public void onActivate(ExecutableElement element, ElementInstance body) {
    LoopCharacteristics loop = element.loop;
    FeelResult collection = b.ctx().evaluate(loop.inputCollection(), b.variables().visible(body.key));
    if (collection.isFailure() || !(collection.value() instanceof List<?> items)) {
      b.incidents().raise(body, IncidentTypes.EXTRACT_VALUE_ERROR,
          "Expected result of the expression '" + loop.inputCollection().feel() + "' to be 'ARRAY', but was "
              + (collection.isFailure() ? collection.failure() : "'" + collection.value() + "'"),
          IncidentBehavior.STEP_ACTIVATE, -1);
      return;
    }
    if (!b.subscriptions().subscribe(element, body)) {
      return;
    }
    b.transitions().transitionToActivated(body);
    body.loopTotal = items.size();
    Map<String, Object> kept = new HashMap<>();
    kept.put(COLLECTION, new ArrayList<>(items));
    body.triggerVariables = kept;
    b.ctx().state().touch(body);
    if (loop.outputCollection() != null) {
      List<Object> output = new ArrayList<>();
      items.forEach(i -> output.add(null));
      b.variables().setLocal(body, loop.outputCollection(), output);
    }
    if (items.isEmpty()) {
      b.transitions().completeElement(body);
    } else if (loop.sequential()) {
      createInner(element, body, 1);
    } else {
      for (int i = 1; i <= items.size(); i++) {
        createInner(element, body, i);
      }
    }
  }

  private void createInner(ExecutableElement element, ElementInstance body, int loopCounter) {
    List<?> items = (List<?>) body.triggerVariables.get(COLLECTION);
    ElementInstance inner = b.transitions().activateChild(body, element, null);
    inner.loopCounter = loopCounter;
    body.loopCounter = loopCounter;
    b.ctx().state().touch(body);
    if (element.loop.inputElement() != null) {
      b.variables().setLocal(inner, element.loop.inputElement(), items.get(loopCounter - 1));
    }
    b.variables().setLocal(inner, "loopCounter", loopCounter);
  }

  /**
   * Collects the inner instance's output element and evaluates the completion condition. As in
   * Zeebe, a failing evaluation (or a condition that is not a boolean) raises an EXTRACT_VALUE_ERROR
   * incident on the inner instance, which stays completing and counts as completed only once the
   * incident is resolved and the evaluation succeeds.
   */
  @Override
  @SuppressWarnings("unchecked")
  public boolean beforeChildCompleted(ExecutableElement element, ElementInstance body, ElementInstance inner) {
    LoopCharacteristics loop = element.loop;
    Map<String, Object> context = b.variables().visible(inner.key);
    List<Object> output = null;
    if (loop.outputCollection() != null && loop.outputElement() != null) {
      FeelResult value = b.ctx().evaluate(loop.outputElement(), context);
      if (value.isFailure()) {
        return evaluationFailed(inner, value.failure());
      }
      Object current = b.ctx().state().localVariables(body.key).get(loop.outputCollection());
      output = current instanceof List<?> list ? new ArrayList<>((List<Object>) list) : new ArrayList<>();
      while (output.size() < inner.loopCounter) {
        output.add(null);
      }
      output.set(inner.loopCounter - 1, value.value());
      Map<String, Object> collected = new HashMap<>();
      collected.put(loop.outputCollection(), output);
      String exceeded = b.variables().exceedsLimits(collected);
      if (exceeded != null) {
        return evaluationFailed(inner, "Failed to collect the output element '" + loop.outputElement().feel() + "': " + exceeded);
      }
    }
    boolean conditionMet = false;
    if (loop.completionCondition() != null) {
      context.put("numberOfInstances", body.loopTotal);
      context.put("numberOfCompletedInstances", body.loopCompleted + 1);
      context.put("numberOfActiveInstances", body.activeChildren - 1);
      FeelResult condition = b.ctx().evaluate(loop.completionCondition(), context);
      if (condition.isFailure()) {
        return evaluationFailed(inner, condition.failure());
      }
      if (!(condition.value() instanceof Boolean met)) {
        return evaluationFailed(inner, "Expected result of the expression '" + loop.completionCondition().feel()
            + "' to be 'BOOLEAN', but was '" + condition.value() + "'");
      }
      conditionMet = met;
    }
    // only now that nothing can fail does the inner instance count, so a retry counts it once
    if (output != null) {
      b.variables().setLocal(body, loop.outputCollection(), output);
    }
    body.loopCompleted++;
    body.loopCompletionConditionMet |= conditionMet;
    b.ctx().state().touch(body);
    return true;
  }

  private boolean evaluationFailed(ElementInstance inner, String message) {
    b.incidents().raise(inner, IncidentTypes.EXTRACT_VALUE_ERROR, message, IncidentBehavior.STEP_COMPLETE, -1);
    return false;
  }

  @Override
  public void onChildCompleted(ExecutableElement element, ElementInstance body, ElementInstance inner) {
    if (body.loopCompletionConditionMet) {
      if (!b.transitions().terminateChildren(body)) {
        b.transitions().completeElement(body);
      }
      return;
    }
    if (element.loop.sequential() && body.loopCounter < body.loopTotal) {
      createInner(element, body, body.loopCounter + 1);
    } else if (body.activeChildren == 0) {
      b.transitions().completeElement(body);
    }
  }

  @Override
  public void onChildTerminated(ExecutableElement element, ElementInstance body, ElementInstance inner) {
    if (body.activeChildren > 0) {
      return;
    }
    if (body.state == ElementState.ELEMENT_TERMINATING) {
      b.transitions().transitionToTerminated(body);
    } else if (body.loopCompletionConditionMet) {
      b.transitions().completeElement(body);
    }
  }

  @Override
  public void onComplete(ExecutableElement element, ElementInstance body) {
    String outputCollection = element.loop.outputCollection();
    if (outputCollection != null) {
      Map<String, Object> output = new HashMap<>();
      output.put(outputCollection, b.ctx().state().localVariables(body.key).get(outputCollection));
      ElementInstance flowScope = b.ctx().flowScope(body);
      b.variables().merge(flowScope, output);
    }
    b.subscriptions().unsubscribe(body);
    body.triggerVariables = null;
    ElementInstance flowScope = b.transitions().transitionToCompleted(body);
    b.transitions().takeOutgoingFlows(element, body, flowScope);
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance body) {
    b.subscriptions().unsubscribe(body);
    b.incidents().resolveAll(body);
    if (!b.transitions().terminateChildren(body)) {
      b.transitions().transitionToTerminated(body);
    }
  }
}
