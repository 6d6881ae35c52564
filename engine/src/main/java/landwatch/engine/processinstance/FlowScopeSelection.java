package landwatch.engine.processinstance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.ElementInstanceState;

/**
 * Where an element a modification activates goes: which running instance of each of its flow scopes
 * it reuses, or from which flow scope on new ones must be created (Zeebe's
 * ElementActivationBehavior, whose rules and refusals these are). A multi-instance element counts
 * as two scopes, its body and the inner instance, neither of which may be created.
 */
final class FlowScopeSelection {

  static final long NO_ANCESTOR = -1;

  private static final String MORE_THAN_ONE_FLOW_SCOPE_INSTANCE =
      "Expected to modify instance of process '%s' but it contains one or more activate instructions"
          + " for an element that has a flow scope with more than one active instance: '%s'. Can't"
          + " decide in which instance of the flow scope the element should be activated. Please"
          + " specify an ancestor element instance key for this activate instruction.";

  private static final String ACTIVATE_MULTI_INSTANCE =
      "Expected to modify instance of process '%s' but it contains one or more activate instructions"
          + " that would result in the activation of multi-instance element '%s', which is"
          + " currently unsupported.";

  /** One flow scope on the way down to the element: a multi-instance element's body or not. */
  record Step(ExecutableElement element, boolean body) {}

  /**
   * The deepest running instance reused, and the steps below it whose instances must be created.
   */
  record Selection(ElementInstance reused, List<Step> toCreate, List<ElementInstance> chain) {}

  private final ElementInstanceState instances;

  FlowScopeSelection(ElementInstanceState instances) {
    this.instances = instances;
  }

  /** The flow scopes of the element below the process, outermost first. */
  static List<Step> steps(ExecutableElement element) {
    Deque<Step> steps = new ArrayDeque<>();
    for (ExecutableElement scope = element.flowScope;
        scope != null && scope.type != ElementType.PROCESS;
        scope = scope.flowScope) {
      steps.addFirst(new Step(scope, false));
      if (scope.isMultiInstance()) {
        steps.addFirst(new Step(scope, true));
      }
    }
    return List.copyOf(steps);
  }

  /**
   * Selects the flow scope instances for the element without changing anything; refuses as Zeebe
   * does when it cannot decide or would have to create a multi-instance body or inner instance.
   */
  Selection select(ElementInstance processInstance, ExecutableElement element, long ancestorKey) {
    List<Step> steps = steps(element);
    List<ElementInstance> chain = new ArrayList<>(List.of(processInstance));
    ElementInstance scope = processInstance;
    for (int i = 0; i < steps.size(); i++) {
      ElementInstance reused = reusable(processInstance, scope, steps.get(i), ancestorKey);
      if (reused == null) {
        List<Step> toCreate = steps.subList(i, steps.size());
        for (Step step : toCreate) {
          if (step.body() || step.element().isMultiInstance()) {
            throw Rejection.invalidArgument(
                ACTIVATE_MULTI_INSTANCE, processInstance.bpmnProcessId(), step.element().id);
          }
        }
        return new Selection(scope, List.copyOf(toCreate), List.copyOf(chain));
      }
      chain.add(reused);
      scope = reused;
    }
    return new Selection(scope, List.of(), List.copyOf(chain));
  }

  private ElementInstance reusable(
      ElementInstance processInstance, ElementInstance scope, Step step, long ancestorKey) {
    List<ElementInstance> candidates =
        instances.children(scope.key()).stream()
            .filter(c -> c.elementId().equals(step.element().id))
            .filter(c -> (c.type() == ElementType.MULTI_INSTANCE_BODY) == step.body())
            .toList();
    boolean selected = ancestorKey != NO_ANCESTOR;
    if (candidates.isEmpty()) {
      return null;
    }
    if (candidates.size() == 1) {
      ElementInstance only = candidates.get(0);
      // an instance below the selected ancestor is not the one the operator chose
      return selected && isAncestor(ancestorKey, only) ? null : only;
    }
    if (!selected) {
      throw multiple(processInstance, step);
    }
    for (ElementInstance candidate : candidates) {
      if (candidate.key() == ancestorKey) {
        return candidate;
      }
    }
    if (candidates.stream().anyMatch(c -> isAncestor(ancestorKey, c))) {
      return null;
    }
    ElementInstance ancestor = instances.get(ancestorKey);
    for (ElementInstance candidate : candidates) {
      if (ancestor != null && isAncestor(candidate.key(), ancestor)) {
        return candidate;
      }
    }
    throw multiple(processInstance, step);
  }

  private static Rejection multiple(ElementInstance processInstance, Step step) {
    return Rejection.invalidArgument(
        MORE_THAN_ONE_FLOW_SCOPE_INSTANCE, processInstance.bpmnProcessId(), step.element().id);
  }

  /** Whether the instance with this key is a (direct or indirect) flow scope of the instance. */
  boolean isAncestor(long ancestorKey, ElementInstance instance) {
    for (ElementInstance scope = instances.get(instance.flowScopeKey());
        scope != null;
        scope = instances.get(scope.flowScopeKey())) {
      if (scope.key() == ancestorKey) {
        return true;
      }
    }
    return false;
  }
}
