package landwatch.engine.processinstance;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;

/**
 * What a migration requires of each active element instance, with Zeebe's refusals
 * (ProcessInstanceMigrationPreconditions): checked for every instance before anything migrates.
 */
final class MigrationPreconditions {

  private static final Set<ElementType> SUPPORTED =
      EnumSet.of(
          ElementType.PROCESS,
          ElementType.SUB_PROCESS,
          ElementType.EVENT_SUB_PROCESS,
          ElementType.SERVICE_TASK,
          ElementType.USER_TASK,
          ElementType.SEND_TASK,
          ElementType.SCRIPT_TASK,
          ElementType.BUSINESS_RULE_TASK,
          ElementType.RECEIVE_TASK,
          ElementType.CALL_ACTIVITY,
          ElementType.INTERMEDIATE_CATCH_EVENT,
          ElementType.MULTI_INSTANCE_BODY);

  private static final Set<EventType> SUPPORTED_CATCH_EVENTS =
      EnumSet.of(EventType.MESSAGE, EventType.TIMER, EventType.SIGNAL);

  private static final String PREFIX = "Expected to migrate process instance '%s' but ";

  private MigrationPreconditions() {}

  static void requireDistinctSources(long processInstanceKey, List<String> sourceIds) {
    List<String> duplicates =
        sourceIds.stream()
            .distinct()
            .filter(id -> sourceIds.stream().filter(id::equals).count() > 1)
            .toList();
    if (!duplicates.isEmpty()) {
      throw Rejection.invalidArgument(
          PREFIX + "the mapping instructions contain duplicate source element ids '%s'.",
          processInstanceKey,
          duplicates);
    }
  }

  static void requireElementsExist(
      long processInstanceKey,
      DeployedProcess source,
      DeployedProcess target,
      Map<String, String> mappings) {
    mappings.forEach(
        (sourceId, targetId) -> {
          if (source.executable().elements.get(sourceId) == null) {
            throw Rejection.invalidArgument(
                PREFIX
                    + "mapping instructions contain a non-existing source element id '%s'."
                    + " Elements provided in mapping instructions must exist in the source"
                    + " process definition.",
                processInstanceKey,
                sourceId);
          }
          if (target.executable().elements.get(targetId) == null) {
            throw Rejection.invalidArgument(
                PREFIX
                    + "mapping instructions contain a non-existing target element id '%s'."
                    + " Elements provided in mapping instructions must exist in the target"
                    + " process definition.",
                processInstanceKey,
                targetId);
          }
        });
  }

  static void requireSupported(
      long processInstanceKey, ElementInstance instance, ExecutableElement element) {
    if (!SUPPORTED.contains(instance.type())) {
      throw Rejection.invalidState(
          PREFIX
              + "active element with id '%s' has an unsupported type. The migration of a %s is"
              + " not supported.",
          processInstanceKey,
          instance.elementId(),
          instance.type());
    }
    if (instance.type() != ElementType.INTERMEDIATE_CATCH_EVENT) {
      return;
    }
    if (!SUPPORTED_CATCH_EVENTS.contains(element.eventType)) {
      throw Rejection.invalidState(
          PREFIX
              + "active element with id '%s' is intermediate catch event of type '%s'. Migrating"
              + " active intermediate catch event of this type is not possible yet.",
          processInstanceKey,
          instance.elementId(),
          element.eventType);
    }
    if (element.incoming.stream().anyMatch(f -> f.source.type == ElementType.EVENT_BASED_GATEWAY)) {
      throw Rejection.invalidState(
          PREFIX
              + "active element with id '%s' is an intermediate catch event attached to an"
              + " event-based gateway. Migrating active events attached to an event-based gateway"
              + " is not possible yet.",
          processInstanceKey,
          instance.elementId());
    }
  }

  static void requireMapped(long processInstanceKey, ElementInstance instance, String targetId) {
    if (targetId == null) {
      throw Rejection.invalidState(
          PREFIX
              + "no mapping instruction defined for active element with id '%s'. Elements cannot"
              + " be migrated without a mapping.",
          processInstanceKey,
          instance.elementId());
    }
  }

  static void requireSameType(
      long processInstanceKey, ElementInstance instance, ElementType targetType, String targetId) {
    if (instance.type() != targetType) {
      throw Rejection.invalidState(
          PREFIX
              + "active element with id '%s' and type '%s' is mapped to an element with id '%s'"
              + " and different type '%s'. Elements must be mapped to elements of the same type.",
          processInstanceKey,
          instance.elementId(),
          instance.type(),
          targetId,
          targetType);
    }
  }

  static void requireSameUserTaskImplementation(
      long processInstanceKey,
      ElementInstance instance,
      ExecutableElement source,
      ExecutableElement target) {
    if (source.type != ElementType.USER_TASK || target.type != ElementType.USER_TASK) {
      return;
    }
    String sourceImplementation = implementation(source);
    String targetImplementation = implementation(target);
    if (!sourceImplementation.equals(targetImplementation)) {
      throw Rejection.invalidState(
          PREFIX
              + "active user task with id '%s' and implementation '%s' is mapped to an user task"
              + " with id '%s' and different implementation '%s'. Elements must be mapped to"
              + " elements of the same implementation.",
          processInstanceKey,
          instance.elementId(),
          sourceImplementation,
          target.id,
          targetImplementation);
    }
  }

  private static String implementation(ExecutableElement userTask) {
    return userTask.userTask != null ? "zeebe user task" : "job worker";
  }

  static void requireUnchangedFlowScope(
      long processInstanceKey, ElementInstance instance, String expected, String actual) {
    if (!expected.equals(actual)) {
      throw Rejection.invalidState(
          PREFIX
              + "the flow scope of active element with id '%s' is changed. The flow scope of the"
              + " active element is expected to be '%s' but was '%s'. The flow scope of an element"
              + " cannot be changed during migration yet.",
          processInstanceKey,
          instance.elementId(),
          expected,
          actual);
    }
  }

  static void requireBoundaryEventsStayAttached(
      long processInstanceKey,
      ExecutableElement source,
      ExecutableElement target,
      Map<String, String> mappings) {
    for (ExecutableElement boundary : source.boundaryEvents) {
      String targetBoundaryId = mappings.get(boundary.id);
      if (targetBoundaryId != null
          && target.boundaryEvents.stream().noneMatch(b -> b.id.equals(targetBoundaryId))) {
        throw Rejection.invalidState(
            PREFIX
                + "active element with id '%s' is mapped to an element with id '%s' and has a"
                + " boundary event with id '%s' that is mapped to an element with id '%s'. These"
                + " mappings detach the boundary event from the element in the target process."
                + " Boundary events must stay attached to the same element instance.",
            processInstanceKey,
            source.id,
            target.id,
            boundary.id,
            targetBoundaryId);
      }
    }
  }

  /**
   * Tokens waiting at a parallel or inclusive join are kept by gateway and flow id in this engine;
   * moving them to another version is not supported (no Zeebe message: see the README).
   */
  static void requireNoTokensAtJoins(long processInstanceKey, ElementInstance scope) {
    if (scope.hasJoinTokens()) {
      throw Rejection.invalidState(
          PREFIX
              + "active element with id '%s' has tokens waiting at a joining gateway. Migrating"
              + " process instances with waiting tokens at a join is not possible yet.",
          processInstanceKey,
          scope.elementId());
    }
  }
}
