package landwatch.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The timers waiting to fire, by due date and by the element instance that waits for them. */
public final class TimerState {

  private final Map<Long, Timer> timers = new HashMap<>();
  private final Map<Long, Set<Long>> timersByInstance = new HashMap<>();
  private final TreeSet<Timer> timersByDueDate =
      new TreeSet<>(Comparator.comparingLong(Timer::dueDate).thenComparingLong(Timer::key));
  private final StateChanges.TableChanges changes;

  TimerState(StateChanges.TableChanges changes) {
    this.changes = changes;
  }

  public void put(Timer timer) {
    timers.put(timer.key(), timer);
    timersByDueDate.add(timer);
    timersByInstance
        .computeIfAbsent(timer.elementInstanceKey(), k -> new LinkedHashSet<>())
        .add(timer.key());
    timer.track(changes);
  }

  /** The timer fired or was cancelled: its row is deleted. */
  public void remove(Timer timer) {
    timers.remove(timer.key());
    timersByDueDate.remove(timer);
    Set<Long> byInstance = timersByInstance.get(timer.elementInstanceKey());
    if (byInstance != null) {
      byInstance.remove(timer.key());
      if (byInstance.isEmpty()) {
        timersByInstance.remove(timer.elementInstanceKey());
      }
    }
    changes.delete(timer);
  }

  /** The timer due first, or null. */
  public Timer next() {
    return timersByDueDate.isEmpty() ? null : timersByDueDate.first();
  }

  public Collection<Timer> all() {
    return Collections.unmodifiableCollection(timers.values());
  }

  /** The timers the element instance waits for. */
  public List<Timer> of(long elementInstanceKey) {
    Set<Long> keys = timersByInstance.get(elementInstanceKey);
    List<Timer> result = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> result.add(timers.get(k)));
    }
    return result;
  }
}
