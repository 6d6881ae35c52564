package landwatch.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The active incidents, by the element instance they stop. */
public final class IncidentState {

  private final Map<Long, Incident> incidents = new LinkedHashMap<>();
  private final Map<Long, Set<Long>> incidentsByInstance = new HashMap<>();
  private final StateChanges.TableChanges changes;

  IncidentState(StateChanges.TableChanges changes) {
    this.changes = changes;
  }

  public void put(Incident incident) {
    incidents.put(incident.key(), incident);
    incidentsByInstance
        .computeIfAbsent(incident.elementInstanceKey(), k -> new LinkedHashSet<>())
        .add(incident.key());
    incident.track(changes);
  }

  /** The incident is resolved: it leaves the state, its row stays as history. */
  public void resolve(Incident incident) {
    incidents.remove(incident.key());
    Set<Long> byInstance = incidentsByInstance.get(incident.elementInstanceKey());
    if (byInstance != null) {
      byInstance.remove(incident.key());
      if (byInstance.isEmpty()) {
        incidentsByInstance.remove(incident.elementInstanceKey());
      }
    }
    incident.resolved();
  }

  /** The active incident with this key, or null. */
  public Incident get(long key) {
    return incidents.get(key);
  }

  /** The active incidents of the element instance, oldest first. */
  public List<Incident> of(long elementInstanceKey) {
    Set<Long> keys = incidentsByInstance.get(elementInstanceKey);
    List<Incident> result = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> result.add(incidents.get(k)));
    }
    return result;
  }

  public Collection<Incident> all() {
    return Collections.unmodifiableCollection(incidents.values());
  }
}
