package landwatch.engine.processinstance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import landwatch.engine.bpmn.BpmnEngine;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.bpmn.behavior.BpmnBehaviors;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.Rejection;
import landwatch.engine.record.intent.ProcessInstanceModificationIntent;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.ElementState;

/**
 * {@code POST /process-instances/{key}/modification}: the operator's repair of a stuck instance,
 * Zeebe's ProcessInstanceModificationModifyProcessor. Every instruction is checked against the
 * state before anything changes; then the activations run (creating the flow scopes they need),
 * then the terminations, which end a flow scope left without anything to do, as Zeebe does.
 */
public final class ProcessInstanceModification {

  /** Sets the variables on the instance of this element (empty: the process instance). */
  public record VariableInstruction(String scopeId, Map<String, Object> variables) {}

  /** Activates the element, inside the given ancestor instance or {@code -1}. */
  public record Activate(String elementId, long ancestorKey, List<VariableInstruction> variables) {}

  private static final EnumSet<ElementType> UNSUPPORTED =
      EnumSet.of(ElementType.START_EVENT, ElementType.SEQUENCE_FLOW, ElementType.BOUNDARY_EVENT);

  private static final String PREFIX = "Expected to modify instance of process '%s' but ";

  private final BpmnEngine bpmn;

  public ProcessInstanceModification(BpmnEngine bpmn) {
    this.bpmn = bpmn;
  }

  public void modify(
      Batch batch, long processInstanceKey, List<Activate> activations, List<Long> terminations) {
    ElementInstance processInstance = batch.state.instances().get(processInstanceKey);
    if (processInstance == null || processInstance.type() != ElementType.PROCESS) {
      throw Rejection.notFound(
          "Expected to modify process instance but no process instance found with key '%d'",
          processInstanceKey);
    }
    ExecutableProcess process =
        batch.state.deployments().process(processInstance.processDefinitionKey()).executable();
    validate(batch, processInstance, process, activations, terminations);
    // the last check: selecting the flow scopes refuses what Zeebe refuses while activating
    FlowScopeSelection selection = new FlowScopeSelection(batch.state.instances());
    Set<Long> required = new HashSet<>();
    for (Activate activate : activations) {
      selection
          .select(processInstance, process.element(activate.elementId()), activate.ancestorKey())
          .chain()
          .forEach(scope -> required.add(scope.key()));
    }
    List<ElementInstance> toTerminate =
        terminationRoots(batch, processInstance, terminations, required);

    for (Activate activate : activations) {
      activate(processInstance, process, selection, activate);
    }
    toTerminate.forEach(bpmn.behaviors.transitions()::terminateElement);
    batch.records.append(
        processInstanceKey,
        ProcessInstanceModificationIntent.MODIFIED,
        Map.of(
            "processInstanceKey", processInstanceKey,
            "activateInstructions", activations.stream().map(Activate::elementId).toList(),
            "terminateInstructions", terminations));
  }

  // ---- checks, in Zeebe's order

  private void validate(
      Batch batch,
      ElementInstance processInstance,
      ExecutableProcess process,
      List<Activate> activations,
      List<Long> terminations) {
    String processId = processInstance.bpmnProcessId();
    Set<String> unknown =
        activations.stream()
            .map(Activate::elementId)
            .filter(id -> id == null || process.elements.get(id) == null)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (!unknown.isEmpty()) {
      throw Rejection.invalidArgument(
          PREFIX
              + "it contains one or more activate instructions with an element that could not be"
              + " found: '%s'",
          processId,
          String.join("', '", unknown));
    }
    List<String> afterEventBasedGateway =
        activations.stream()
            .map(Activate::elementId)
            .distinct()
            .filter(id -> isAfterEventBasedGateway(process.element(id)))
            .toList();
    if (!afterEventBasedGateway.isEmpty()) {
      throw unsupported(
          processId,
          afterEventBasedGateway,
          "The activation of events belonging to an event-based gateway is not supported");
    }
    List<ExecutableElement> unsupported =
        activations.stream()
            .map(Activate::elementId)
            .distinct()
            .map(process::element)
            .filter(e -> UNSUPPORTED.contains(e.type))
            .toList();
    if (!unsupported.isEmpty()) {
      throw unsupported(
          processId,
          unsupported.stream().map(e -> e.id).toList(),
          "The activation of elements with type '%s' is not supported. Supported element types are: %s"
              .formatted(
                  unsupported.stream()
                      .map(e -> e.type.name())
                      .distinct()
                      .collect(Collectors.joining("', '")),
                  EnumSet.complementOf(UNSUPPORTED)));
    }
    List<String> unknownInstances =
        terminations.stream()
            .distinct()
            .filter(key -> !belongsTo(batch.state.instances().get(key), processInstance))
            .map(String::valueOf)
            .toList();
    if (!unknownInstances.isEmpty()) {
      throw Rejection.invalidArgument(
          PREFIX
              + "it contains one or more terminate instructions with an element instance that"
              + " could not be found: '%s'",
          processId,
          String.join("', '", unknownInstances));
    }
    validateVariableScopes(processId, process, activations);
    validateAncestors(batch, processInstance, process, activations);
    validateNoActivationInTerminatedScope(
        batch, processInstance, process, activations, terminations);
  }

  private static boolean belongsTo(ElementInstance instance, ElementInstance processInstance) {
    return instance != null && instance.processInstanceKey() == processInstance.key();
  }

  private static boolean isAfterEventBasedGateway(ExecutableElement element) {
    return element.type == ElementType.INTERMEDIATE_CATCH_EVENT
        && element.incoming.stream()
            .anyMatch(f -> f.source.type == ElementType.EVENT_BASED_GATEWAY);
  }

  private static Rejection unsupported(String processId, List<String> ids, String why) {
    return Rejection.invalidArgument(
        PREFIX
            + "it contains one or more activate instructions for elements that are unsupported:"
            + " '%s'. %s.",
        processId,
        String.join("', '", ids),
        why);
  }

  private static void validateVariableScopes(
      String processId, ExecutableProcess process, List<Activate> activations) {
    Set<String> unknownScopes = new LinkedHashSet<>();
    boolean notFlowScope = false;
    for (Activate activate : activations) {
      ExecutableElement element = process.element(activate.elementId());
      for (VariableInstruction instruction : activate.variables()) {
        String scopeId = instruction.scopeId();
        if (scopeId == null || scopeId.isEmpty()) {
          continue;
        }
        if (process.elements.get(scopeId) == null) {
          unknownScopes.add(scopeId);
        } else if (!scopeId.equals(element.id) && !isFlowScopeOf(element, scopeId)) {
          notFlowScope = true;
        }
      }
    }
    if (!unknownScopes.isEmpty()) {
      throw Rejection.invalidArgument(
          PREFIX
              + "it contains one or more variable instructions with a scope element id that could"
              + " not be found: '%s'",
          processId,
          String.join("', '", unknownScopes));
    }
    if (notFlowScope) {
      throw Rejection.invalidArgument(
          PREFIX
              + "it contains one or more variable instructions with a scope element that doesn't"
              + " belong to the activating element's flow scope. These variables should be set"
              + " before or after the modification.",
          processId);
    }
  }

  private static boolean isFlowScopeOf(ExecutableElement element, String scopeId) {
    for (ExecutableElement scope = element.flowScope; scope != null; scope = scope.flowScope) {
      if (scope.id.equals(scopeId)) {
        return true;
      }
    }
    return false;
  }

  private static void validateAncestors(
      Batch batch,
      ElementInstance processInstance,
      ExecutableProcess process,
      List<Activate> activations) {
    String processId = processInstance.bpmnProcessId();
    Set<String> missing = new LinkedHashSet<>();
    Set<String> foreign = new LinkedHashSet<>();
    StringBuilder notAncestor = new StringBuilder();
    for (Activate activate : activations) {
      if (activate.ancestorKey() <= 0) {
        continue;
      }
      ElementInstance ancestor = batch.state.instances().get(activate.ancestorKey());
      if (ancestor == null
          || (ancestor.state() != ElementState.ELEMENT_ACTIVATED
              && ancestor.state() != ElementState.ELEMENT_ACTIVATING)) {
        missing.add(String.valueOf(activate.ancestorKey()));
      } else if (ancestor.processInstanceKey() != processInstance.key()) {
        foreign.add(String.valueOf(ancestor.key()));
      } else if (!isFlowScopeOf(process.element(activate.elementId()), ancestor.elementId())) {
        notAncestor.append(
            "%n- instance '%s' of element '%s' is not an ancestor of element '%s'"
                .formatted(ancestor.key(), ancestor.elementId(), activate.elementId()));
      }
    }
    if (!missing.isEmpty()) {
      throw Rejection.invalidArgument(
          PREFIX
              + "it contains one or more activate instructions with an ancestor scope key that"
              + " does not exist, or is not in an active state: '%s'",
          processId,
          String.join("', '", missing));
    }
    if (!foreign.isEmpty()) {
      throw Rejection.invalidArgument(
          PREFIX
              + "it contains one or more activate instructions with an ancestor scope key that"
              + " does not belong to the modified process instance: '%s'",
          processId,
          String.join("', '", foreign));
    }
    if (!notAncestor.isEmpty()) {
      throw Rejection.invalidArgument(
          PREFIX
              + "it contains one or more activate instructions with an ancestor scope key that is"
              + " not an ancestor of the element to activate:%s",
          processId,
          notAncestor);
    }
  }

  private static void validateNoActivationInTerminatedScope(
      Batch batch,
      ElementInstance processInstance,
      ExecutableProcess process,
      List<Activate> activations,
      List<Long> terminations) {
    List<String> conflicts = new ArrayList<>();
    for (long terminated : new LinkedHashSet<>(terminations)) {
      ElementInstance instance = batch.state.instances().get(terminated);
      for (Activate activate : activations) {
        boolean conflict =
            activate.ancestorKey() > 0
                ? activate.ancestorKey() == terminated
                : isFlowScopeOf(process.element(activate.elementId()), instance.elementId());
        if (conflict) {
          conflicts.add(
              "element '%s' requires flow scope instance '%d' which is being terminated"
                  .formatted(activate.elementId(), terminated));
        }
      }
    }
    if (!conflicts.isEmpty()) {
      throw Rejection.invalidArgument(
          PREFIX
              + "it contains one or more activate instructions for elements whose required flow"
              + " scope instance is also being terminated: %s. Please provide a valid ancestor"
              + " scope key for the activation or avoid terminating the required flow scope.",
          processInstance.bpmnProcessId(),
          String.join(", ", conflicts));
    }
  }

  // ---- termination

  /**
   * The instances to terminate: each one asked for, or the outermost of its flow scopes that would
   * be left with nothing running, no token waiting at a join and no activation of this modification
   * inside it (Zeebe terminates those flow scopes rather than completing them).
   */
  private List<ElementInstance> terminationRoots(
      Batch batch, ElementInstance processInstance, List<Long> terminations, Set<Long> required) {
    Set<Long> ending = new LinkedHashSet<>();
    List<ElementInstance> roots = new ArrayList<>();
    for (long key : terminations) {
      ElementInstance instance = batch.state.instances().get(key);
      if (isEnding(batch, instance, ending)) {
        continue;
      }
      ElementInstance root = instance;
      ElementInstance scope = batch.state.instances().get(root.flowScopeKey());
      while (scope != null && !required.contains(scope.key()) && !scope.hasJoinTokens()) {
        ElementInstance current = root;
        boolean empty =
            batch.state.instances().children(scope.key()).stream()
                .allMatch(child -> child == current || ending.contains(child.key()));
        if (!empty) {
          break;
        }
        if (scope.type() == ElementType.PROCESS && scope.parentProcessInstanceKey() >= 0) {
          throw Rejection.invalidArgument(
              PREFIX
                  + "the given instructions would terminate the instance. The instance was"
                  + " created by a call activity in the parent process. To terminate this"
                  + " instance please modify the parent process instead.",
              processInstance.bpmnProcessId());
        }
        root = scope;
        scope = batch.state.instances().get(root.flowScopeKey());
      }
      ending.add(root.key());
      roots.add(root);
    }
    return roots;
  }

  private static boolean isEnding(Batch batch, ElementInstance instance, Set<Long> ending) {
    for (ElementInstance i = instance;
        i != null;
        i = batch.state.instances().get(i.flowScopeKey())) {
      if (ending.contains(i.key())) {
        return true;
      }
    }
    return false;
  }

  // ---- activation

  private void activate(
      ElementInstance processInstance,
      ExecutableProcess process,
      FlowScopeSelection selection,
      Activate activate) {
    BpmnBehaviors b = bpmn.behaviors;
    ExecutableElement element = process.element(activate.elementId());
    FlowScopeSelection.Selection selected =
        selection.select(processInstance, element, activate.ancestorKey());
    for (ElementInstance reused : selected.chain()) {
      setVariables(activate, reused);
    }
    ElementInstance scope = selected.reused();
    for (FlowScopeSelection.Step step : selected.toCreate()) {
      ElementInstance created = b.transitions().createFlowScope(scope, step.element());
      setVariables(activate, created);
      b.transitions().transitionToActivated(created);
      Failure failure = b.subscriptions().subscribe(step.element(), created);
      if (failure != null) {
        throw Rejection.invalidArgument(
            "Expected to subscribe to catch event(s) of '%s' but %s",
            step.element().id, failure.message());
      }
      scope = created;
    }
    ElementInstance activated = b.transitions().activateChild(scope, element, null);
    setVariables(activate, activated);
  }

  private void setVariables(Activate activate, ElementInstance scope) {
    for (VariableInstruction instruction : activate.variables()) {
      String scopeId = instruction.scopeId();
      boolean global = scopeId == null || scopeId.isEmpty();
      boolean matches =
          global ? scope.type() == ElementType.PROCESS : scopeId.equals(scope.elementId());
      if (matches && scope.type() != ElementType.MULTI_INSTANCE_BODY) {
        instruction
            .variables()
            .forEach((name, value) -> bpmn.behaviors.variables().setLocal(scope, name, value));
      }
    }
  }
}
