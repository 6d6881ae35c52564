package landwatch.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running element instances, with their children per flow scope and the process instances
 * message start events created per correlation key. An instance that ends leaves the hot state
 * (with its variables); its row stays as history.
 */
public final class ElementInstanceState {

  /** A running process instance a message start event created for a correlation key. */
  private record MessageStart(String bpmnProcessId, String correlationKey) {}

  private final Map<Long, ElementInstance> instances = new HashMap<>();
  private final Map<Long, Set<Long>> children = new HashMap<>();
  private final Set<MessageStart> messageStarted = new HashSet<>();
  private final StateChanges.TableChanges changes;
  private final VariableState variables;

  ElementInstanceState(StateChanges.TableChanges changes, VariableState variables) {
    this.changes = changes;
    this.variables = variables;
  }

  /** A new instance (or one read from its row) becomes part of the state. */
  public void put(ElementInstance instance) {
    if (instances.put(instance.key(), instance) == null && instance.flowScopeKey() >= 0) {
      children
          .computeIfAbsent(instance.flowScopeKey(), k -> new LinkedHashSet<>())
          .add(instance.key());
    }
    if (instance.startCorrelationKey() != null) {
      messageStarted.add(
          new MessageStart(instance.bpmnProcessId(), instance.startCorrelationKey()));
    }
    instance.heldBy(this);
    instance.track(changes);
  }

  void startCorrelationKeyChanged(ElementInstance instance, String previous) {
    if (previous != null) {
      messageStarted.remove(new MessageStart(instance.bpmnProcessId(), previous));
    }
    if (instance.startCorrelationKey() != null) {
      messageStarted.add(
          new MessageStart(instance.bpmnProcessId(), instance.startCorrelationKey()));
    }
  }

  void processIdChanged(ElementInstance instance, String previousProcessId) {
    messageStarted.remove(new MessageStart(previousProcessId, instance.startCorrelationKey()));
    messageStarted.add(new MessageStart(instance.bpmnProcessId(), instance.startCorrelationKey()));
  }

  /** The instance has ended: its row stays (as history), its variables and hot copy go. */
  public void remove(ElementInstance instance) {
    instances.remove(instance.key());
    instance.heldBy(null);
    if (instance.startCorrelationKey() != null) {
      messageStarted.remove(
          new MessageStart(instance.bpmnProcessId(), instance.startCorrelationKey()));
    }
    Set<Long> siblings = children.get(instance.flowScopeKey());
    if (siblings != null) {
      siblings.remove(instance.key());
      if (siblings.isEmpty()) {
        children.remove(instance.flowScopeKey());
      }
    }
    children.remove(instance.key());
    variables.removeScope(instance.key());
  }

  /** The running instance with this key, or null. */
  public ElementInstance get(long key) {
    return instances.get(key);
  }

  public Collection<ElementInstance> all() {
    return Collections.unmodifiableCollection(instances.values());
  }

  /** The running children of a flow scope, oldest first. */
  public List<ElementInstance> children(long key) {
    Set<Long> keys = children.get(key);
    if (keys == null) {
      return List.of();
    }
    List<ElementInstance> result = new ArrayList<>(keys.size());
    keys.forEach(k -> result.add(instances.get(k)));
    return result;
  }

  /**
   * Whether an instance of the process started by a message with this correlation key still runs.
   */
  public boolean hasMessageStartedInstance(String bpmnProcessId, String correlationKey) {
    return messageStarted.contains(new MessageStart(bpmnProcessId, correlationKey));
  }
}
