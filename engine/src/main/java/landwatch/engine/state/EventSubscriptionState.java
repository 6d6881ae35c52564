package landwatch.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The open message and signal subscriptions, by the event they wait for and by their subscriber.
 */
public final class EventSubscriptionState {

  /** The event a subscription waits for; a signal's correlation key is empty. */
  private record EventKey(EventSubscription.Kind kind, String name, String correlationKey) {
    static EventKey of(EventSubscription.Kind kind, String name, String correlationKey) {
      return new EventKey(kind, name, correlationKey == null ? "" : correlationKey);
    }
  }

  private final Map<Long, EventSubscription> subscriptions = new HashMap<>();
  private final Map<EventKey, Set<Long>> subscriptionsByEvent = new HashMap<>();
  private final Map<Long, Set<Long>> subscriptionsByInstance = new HashMap<>();
  private final StateChanges.TableChanges changes;

  EventSubscriptionState(StateChanges.TableChanges changes) {
    this.changes = changes;
  }

  public void put(EventSubscription subscription) {
    subscriptions.put(subscription.key(), subscription);
    subscriptionsByEvent
        .computeIfAbsent(
            EventKey.of(subscription.kind(), subscription.name(), subscription.correlationKey()),
            k -> new LinkedHashSet<>())
        .add(subscription.key());
    subscriptionsByInstance
        .computeIfAbsent(subscription.elementInstanceKey(), k -> new LinkedHashSet<>())
        .add(subscription.key());
    subscription.track(changes);
  }

  /** The subscription closed: its row is deleted. */
  public void remove(EventSubscription subscription) {
    subscriptions.remove(subscription.key());
    EventKey event =
        EventKey.of(subscription.kind(), subscription.name(), subscription.correlationKey());
    Set<Long> byEvent = subscriptionsByEvent.get(event);
    if (byEvent != null) {
      byEvent.remove(subscription.key());
      if (byEvent.isEmpty()) {
        subscriptionsByEvent.remove(event);
      }
    }
    Set<Long> byInstance = subscriptionsByInstance.get(subscription.elementInstanceKey());
    if (byInstance != null) {
      byInstance.remove(subscription.key());
      if (byInstance.isEmpty()) {
        subscriptionsByInstance.remove(subscription.elementInstanceKey());
      }
    }
    changes.delete(subscription);
  }

  /** The subscriptions waiting for this event, oldest first. */
  public List<EventSubscription> find(
      EventSubscription.Kind kind, String name, String correlationKey) {
    Set<Long> keys = subscriptionsByEvent.get(EventKey.of(kind, name, correlationKey));
    List<EventSubscription> result = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> result.add(subscriptions.get(k)));
    }
    return result;
  }

  /** The subscriptions of the subscriber, oldest first. */
  public List<EventSubscription> of(long elementInstanceKey) {
    Set<Long> keys = subscriptionsByInstance.get(elementInstanceKey);
    List<EventSubscription> result = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> result.add(subscriptions.get(k)));
    }
    return result;
  }

  public Collection<EventSubscription> all() {
    return Collections.unmodifiableCollection(subscriptions.values());
  }
}
