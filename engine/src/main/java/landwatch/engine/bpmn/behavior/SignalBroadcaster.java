package landwatch.engine.bpmn.behavior;

import java.util.Map;
import java.util.NavigableMap;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.model.EventType;
import landwatch.engine.record.intent.SignalIntent;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.EventSubscription;

/**
 * A signal reaches every waiting signal catch and every signal start event of the latest versions.
 */
public final class SignalBroadcaster {

  private final BpmnContext ctx;
  private final EventTriggerBehavior events;
  private final ProcessInstanceCreation creation;

  public SignalBroadcaster(
      BpmnContext ctx, EventTriggerBehavior events, ProcessInstanceCreation creation) {
    this.ctx = ctx;
    this.events = events;
    this.creation = creation;
  }

  public long broadcast(String name, Map<String, Object> variables) {
    long key = ctx.nextKey();
    ctx.records().append(key, SignalIntent.BROADCASTED, Map.of("signalName", name));
    for (EventSubscription subscription :
        ctx.state().subscriptions().find(EventSubscription.Kind.SIGNAL, name, null)) {
      var subscriber = ctx.state().instances().get(subscription.elementInstanceKey());
      if (subscriber != null) {
        events.trigger(subscriber, subscription.targetElementId(), variables);
      }
    }
    for (NavigableMap<Integer, DeployedProcess> versions :
        ctx.state().deployments().processVersions()) {
      DeployedProcess latest = versions.lastEntry().getValue();
      // the start events are metadata: only a version this signal starts has its model parsed
      for (DeployedProcess.StartEvent start : latest.startEvents()) {
        if (start.type() == EventType.SIGNAL && name.equals(start.name())) {
          creation.create(latest, latest.startElement(start), variables, null);
        }
      }
    }
    return key;
  }
}
