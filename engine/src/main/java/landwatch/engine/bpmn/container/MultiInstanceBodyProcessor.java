package landwatch.engine.bpmn.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import landwatch.engine.bpmn.BpmnContainerProcessor;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.bpmn.behavior.IncidentTypes;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.LoopCharacteristics;
import landwatch.engine.processing.Batch;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.ElementState;
import landwatch.engine.state.VariableDocumentLimits;

/**
 * The multi-instance body Zeebe wraps around a multi-instance activity: one inner instance per
 * element of the input collection, all at once (parallel) or one after the other (sequential),
 * collecting the output collection and honouring the completion condition. Boundary events are
 * attached to the body.
 *
 * <p>Work per inner instance stays constant, so a collection at the size limit completes in one
 * batch in seconds: only a sequential body keeps the input collection (its row is rewritten with
 * every iteration; a parallel body has created all inner instances at once), and the output
 * collection is copied and recorded once per batch, not once per completed inner instance.
 */
public final class MultiInstanceBodyProcessor implements BpmnContainerProcessor {

  /** {@code null} as JSON. */
  private static final int NULL_BYTES = 4;

  /** The evaluated input collection, kept with the body for sequential iterations. */
  private static final String COLLECTION = "collection";

  private static final String SIZE_PROPERTY =
      "landwatch.engine.limits.max-multi-instance-collection-size";

  /** An output collection changed in the current batch: the body's variable, edited in place. */
  private record ChangedOutput(ElementInstance body, String name, List<Object> values) {}

  private final BpmnBehaviors b;
  private final Map<Long, ChangedOutput> changedOutputs = new HashMap<>();
  private Batch changedOutputsBatch;

  public MultiInstanceBodyProcessor(BpmnBehaviors behaviors) {
    this.b = behaviors;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance body) {
    LoopCharacteristics loop = element.loop;
    FeelResult collection =
        b.ctx().evaluate(loop.inputCollection(), b.variables().visible(body.key()));
    if (collection.isFailure() || !(collection.value() instanceof List<?> items)) {
      return new Failure(
          IncidentTypes.EXTRACT_VALUE_ERROR,
          "Expected result of the expression '"
              + loop.inputCollection().feel()
              + "' to be 'ARRAY', but was "
              + (collection.isFailure() ? collection.failure() : "'" + collection.value() + "'"));
    }
    int max = b.ctx().limits.maxMultiInstanceCollectionSize();
    if (items.size() > max) {
      return new Failure(
          IncidentTypes.EXTRACT_VALUE_ERROR,
          "Expected the input collection '"
              + loop.inputCollection().feel()
              + "' to hold at most "
              + max
              + " elements ("
              + SIZE_PROPERTY
              + "), but it held "
              + items.size());
    }
    Failure failure = b.subscriptions().subscribe(element, body);
    if (failure != null) {
      return failure;
    }
    b.transitions().transitionToActivated(body);
    body.setLoopTotal(items.size());
    if (loop.sequential()) {
      Map<String, Object> kept = new HashMap<>();
      kept.put(COLLECTION, new ArrayList<>(items));
      body.setTriggerVariables(kept);
    }
    if (loop.outputCollection() != null) {
      List<Object> output = new ArrayList<>();
      items.forEach(i -> output.add(null));
      b.variables().setLocal(body, loop.outputCollection(), output);
      body.setOutputCollectionBytes(
          b.ctx().variableLimits.size(Map.of(loop.outputCollection(), output)));
    }
    if (items.isEmpty()) {
      b.transitions().completeElement(body);
    } else if (loop.sequential()) {
      createInner(element, body, 1);
    } else {
      for (int i = 1; i <= items.size(); i++) {
        createInner(element, body, i, items.get(i - 1));
      }
    }
    return null;
  }

  private void createInner(ExecutableElement element, ElementInstance body, int loopCounter) {
    List<?> items = (List<?>) body.triggerVariables().get(COLLECTION);
    createInner(element, body, loopCounter, items.get(loopCounter - 1));
  }

  private void createInner(
      ExecutableElement element, ElementInstance body, int loopCounter, Object item) {
    ElementInstance inner = b.transitions().activateChild(body, element, null);
    inner.setLoopCounter(loopCounter);
    body.setLoopCounter(loopCounter);
    if (element.loop.inputElement() != null) {
      b.variables().setLocal(inner, element.loop.inputElement(), item);
    }
    b.variables().setLocal(inner, "loopCounter", loopCounter);
  }

  /**
   * Collects the inner instance's output element and evaluates the completion condition. As in
   * Zeebe, a failing evaluation (or a condition that is not a boolean) fails the inner instance's
   * completion with an EXTRACT_VALUE_ERROR: it stays completing and counts as completed only once
   * the incident is resolved and the evaluation succeeds.
   */
  @Override
  public Failure beforeChildCompleted(
      ExecutableElement element, ElementInstance body, ElementInstance inner) {
    LoopCharacteristics loop = element.loop;
    Map<String, Object> context = b.variables().visible(inner.key());
    FeelResult output = null;
    long outputBytes = 0;
    if (loop.outputCollection() != null && loop.outputElement() != null) {
      output = b.ctx().evaluate(loop.outputElement(), context);
      if (output.isFailure()) {
        return evaluationFailed(output.failure());
      }
      String exceeded =
          b.variables()
              .exceedsLimits(
                  Collections.singletonMap(
                      loop.outputCollection(), Collections.singletonList(output.value())));
      if (exceeded == null) {
        outputBytes =
            outputBytesWith(body, loop.outputCollection(), inner.loopCounter(), output.value());
        exceeded = b.ctx().variableLimits.tooLarge(outputBytes);
      }
      if (exceeded != null) {
        return evaluationFailed(
            "Failed to collect the output element '"
                + loop.outputElement().feel()
                + "': "
                + exceeded);
      }
    }
    boolean conditionMet = false;
    if (loop.completionCondition() != null) {
      context.put("numberOfInstances", body.loopTotal());
      context.put("numberOfCompletedInstances", body.loopCompleted() + 1);
      context.put("numberOfActiveInstances", body.activeChildren() - 1);
      FeelResult condition = b.ctx().evaluate(loop.completionCondition(), context);
      if (condition.isFailure()) {
        return evaluationFailed(condition.failure());
      }
      if (!(condition.value() instanceof Boolean met)) {
        return evaluationFailed(
            "Expected result of the expression '"
                + loop.completionCondition().feel()
                + "' to be 'BOOLEAN', but was '"
                + condition.value()
                + "'");
      }
      conditionMet = met;
    }
    // only now that nothing can fail does the inner instance count, so a retry counts it once
    if (output != null) {
      List<Object> values = changedOutput(body, loop.outputCollection());
      while (values.size() < inner.loopCounter()) {
        values.add(null);
      }
      body.setOutputCollectionBytes(outputBytes);
      values.set(inner.loopCounter() - 1, output.value());
    }
    body.loopIterationCompleted(conditionMet);
    return null;
  }

  /**
   * The body's output collection as changed in this batch: copied from the committed value on the
   * first change in the batch, then edited in place, and recorded once when the batch ends or the
   * body completes.
   */
  @SuppressWarnings("unchecked")
  private List<Object> changedOutput(ElementInstance body, String name) {
    Batch batch = b.ctx().batch();
    if (batch != changedOutputsBatch) {
      // a new batch (a failed one left its changes behind with the state it rolled back)
      changedOutputs.clear();
      changedOutputsBatch = batch;
      batch.beforeCommit(this::recordChangedOutputs);
    }
    ChangedOutput changed = changedOutputs.get(body.key());
    if (changed == null) {
      Object current = b.ctx().state().variables().local(body.key()).get(name);
      List<Object> values =
          current instanceof List<?> list
              ? new ArrayList<>((List<Object>) list)
              : new ArrayList<>();
      changed = new ChangedOutput(body, name, values);
      changedOutputs.put(body.key(), changed);
      b.variables().setLocalUnrecorded(body, name, values);
    }
    return changed.values();
  }

  private void recordChangedOutputs() {
    changedOutputs.values().forEach(this::record);
    changedOutputs.clear();
  }

  private void recordChangedOutput(ElementInstance body) {
    ChangedOutput changed = changedOutputs.remove(body.key());
    if (changed != null) {
      record(changed);
    }
  }

  private void record(ChangedOutput changed) {
    b.variables().recordUpdate(changed.body(), changed.name(), changed.values());
  }

  /**
   * The output collection's document size once {@code element} is at {@code loopCounter}. The
   * element is checked on its own and the collection's size is kept on the body, so each completion
   * costs the element's size, not the collection's.
   */
  private long outputBytesWith(
      ElementInstance body, String outputCollection, int loopCounter, Object element) {
    VariableDocumentLimits limits = b.ctx().variableLimits;
    Object current = b.ctx().state().variables().local(body.key()).get(outputCollection);
    List<?> values = current instanceof List<?> list ? list : List.of();
    Object previous = loopCounter <= values.size() ? values.get(loopCounter - 1) : null;
    // a position beyond the collection is added with the nulls before it, each with its comma
    long added = Math.max(0, loopCounter - values.size()) * (NULL_BYTES + 1);
    return body.outputCollectionBytes() + added - limits.size(previous) + limits.size(element);
  }

  private static Failure evaluationFailed(String message) {
    return new Failure(IncidentTypes.EXTRACT_VALUE_ERROR, message);
  }

  @Override
  public void onChildCompleted(
      ExecutableElement element, ElementInstance body, ElementInstance inner) {
    if (body.loopCompletionConditionMet()) {
      if (!b.transitions().terminateChildren(body)) {
        b.transitions().completeElement(body);
      }
      return;
    }
    if (element.loop.sequential() && body.loopCounter() < body.loopTotal()) {
      createInner(element, body, body.loopCounter() + 1);
    } else if (body.activeChildren() == 0) {
      b.transitions().completeElement(body);
    }
  }

  @Override
  public void onChildTerminated(
      ExecutableElement element, ElementInstance body, ElementInstance inner) {
    if (body.activeChildren() > 0) {
      return;
    }
    if (body.state() == ElementState.ELEMENT_TERMINATING) {
      b.transitions().transitionToTerminated(body);
    } else if (body.loopCompletionConditionMet()) {
      b.transitions().completeElement(body);
    }
  }

  @Override
  public Failure onComplete(ExecutableElement element, ElementInstance body) {
    String outputCollection = element.loop.outputCollection();
    recordChangedOutput(body);
    if (outputCollection != null) {
      Map<String, Object> output = new HashMap<>();
      output.put(
          outputCollection, b.ctx().state().variables().local(body.key()).get(outputCollection));
      ElementInstance flowScope = b.ctx().flowScope(body);
      b.variables().merge(flowScope, output);
    }
    b.subscriptions().unsubscribe(body);
    body.setTriggerVariables(null);
    ElementInstance flowScope = b.transitions().transitionToCompleted(body);
    b.transitions().takeOutgoingFlows(element, body, flowScope);
    return null;
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance body) {
    recordChangedOutput(body);
    b.subscriptions().unsubscribe(body);
    b.incidents().resolveAll(body);
    if (!b.transitions().terminateChildren(body)) {
      b.transitions().transitionToTerminated(body);
    }
  }
}
