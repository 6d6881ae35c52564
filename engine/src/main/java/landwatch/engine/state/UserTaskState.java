package landwatch.engine.state;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The open user tasks (CREATED, or in a transition waiting for its task listeners), by key and by
 * the element instance that waits for them.
 */
public final class UserTaskState {

  private final Map<Long, UserTask> tasks = new LinkedHashMap<>();
  private final Map<Long, Long> byElementInstance = new HashMap<>();
  private final StateChanges.TableChanges changes;

  UserTaskState(StateChanges.TableChanges changes) {
    this.changes = changes;
  }

  public void put(UserTask task) {
    tasks.put(task.key(), task);
    byElementInstance.put(task.elementInstanceKey(), task.key());
    task.track(changes);
  }

  /** The task is completed or canceled: it leaves the state, its row stays as history. */
  public void end(UserTask task, UserTask.State state, long now) {
    tasks.remove(task.key());
    byElementInstance.remove(task.elementInstanceKey());
    task.end(state, now);
  }

  /** The open task with this key, or null. */
  public UserTask get(long key) {
    return tasks.get(key);
  }

  /** The open task of the element instance, or null. */
  public UserTask of(long elementInstanceKey) {
    Long key = byElementInstance.get(elementInstanceKey);
    return key == null ? null : tasks.get(key);
  }

  public Collection<UserTask> all() {
    return Collections.unmodifiableCollection(tasks.values());
  }
}
