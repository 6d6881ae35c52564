package landwatch.engine.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The history rows one batch adds or updates, written with it; see {@link HistoryState}. */
final class HistoryChanges {

  record SequenceFlow(
      long processInstanceKey, String elementId, long processDefinitionKey, String bpmnProcessId) {}

  record Subscription(EventSubscription subscription, String state, long lastUpdated) {}

  record Correlation(EventSubscription subscription, long messageKey, long correlationTime) {}

  final Set<SequenceFlow> sequenceFlows = new LinkedHashSet<>();
  final Map<Long, Subscription> subscriptions = new LinkedHashMap<>();
  final List<Correlation> correlations = new ArrayList<>();

  boolean isEmpty() {
    return sequenceFlows.isEmpty() && subscriptions.isEmpty() && correlations.isEmpty();
  }

  void clear() {
    sequenceFlows.clear();
    subscriptions.clear();
    correlations.clear();
  }
}
