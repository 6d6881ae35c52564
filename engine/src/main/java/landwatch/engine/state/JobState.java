package landwatch.engine.state;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The jobs, with the activatable ones per type in the order they became activatable. */
public final class JobState {

  private final Map<Long, Job> jobs = new LinkedHashMap<>();
  private final Map<String, LinkedHashSet<Long>> activatableByType = new HashMap<>();
  private final StateChanges.TableChanges changes;

  JobState(StateChanges.TableChanges changes) {
    this.changes = changes;
  }

  public void put(Job job) {
    jobs.put(job.key(), job);
    job.heldBy(this);
    stateChanged(job);
    job.track(changes);
  }

  /**
   * Keeps the activatable queue of the job's type right; called by the job whenever its state is
   * set.
   */
  void stateChanged(Job job) {
    LinkedHashSet<Long> queue =
        activatableByType.computeIfAbsent(job.type(), t -> new LinkedHashSet<>());
    if (job.state() == Job.State.ACTIVATABLE) {
      queue.add(job.key());
    } else {
      queue.remove(job.key());
    }
  }

  /** The job ended: its row is deleted. */
  public void remove(Job job) {
    jobs.remove(job.key());
    job.heldBy(null);
    LinkedHashSet<Long> queue = activatableByType.get(job.type());
    if (queue != null) {
      queue.remove(job.key());
    }
    changes.delete(job);
  }

  /** The job with this key, or null. */
  public Job get(long key) {
    return jobs.get(key);
  }

  public Collection<Job> all() {
    return Collections.unmodifiableCollection(jobs.values());
  }

  /** The keys of the type's activatable jobs, the longest waiting first. */
  public Collection<Long> activatable(String type) {
    LinkedHashSet<Long> queue = activatableByType.get(type);
    return queue == null ? List.of() : Collections.unmodifiableCollection(queue);
  }
}
