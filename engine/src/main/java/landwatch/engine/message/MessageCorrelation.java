package landwatch.engine.message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.ProcessInstanceListener;
import landwatch.engine.bpmn.behavior.EventTriggerBehavior;
import landwatch.engine.bpmn.behavior.ProcessInstanceCreation;
import landwatch.engine.model.EventType;
import landwatch.engine.processing.Rejection;
import landwatch.engine.processing.RejectionType;
import landwatch.engine.record.intent.MessageCorrelationIntent;
import landwatch.engine.record.intent.MessageIntent;
import landwatch.engine.record.intent.ProcessMessageSubscriptionIntent;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.EventSubscription;
import landwatch.engine.state.Message;

/**
 * Message correlation as Zeebe documents it: a message is correlated to every process instance
 * waiting for its name and correlation key (at most once per process instance), starts instances
 * through message start events, and is buffered for its time to live so that later subscriptions
 * can still receive it.
 */
public final class MessageCorrelation implements ProcessInstanceListener {

  /** The outcome of a publication or correlation. */
  public record Correlated(long messageKey, List<Long> processInstanceKeys) {}

  private final BpmnContext ctx;
  private final EventTriggerBehavior events;

  /** The earliest deadline of a buffered message, so expiry does not scan every batch. */
  private long nextExpiry = Long.MIN_VALUE;

  private final ProcessInstanceCreation creation;

  public MessageCorrelation(
      BpmnContext ctx, EventTriggerBehavior events, ProcessInstanceCreation creation) {
    this.ctx = ctx;
    this.events = events;
    this.creation = creation;
  }

  public Correlated publish(
      String name,
      String correlationKey,
      long timeToLive,
      String messageId,
      Map<String, Object> variables) {
    if (ctx.state().messages().hasMessageWithId(name, messageId)) {
      throw new Rejection(
          RejectionType.ALREADY_EXISTS,
          "Expected to publish a new message with id '"
              + messageId
              + "', but a message with that id was already published");
    }
    Message message =
        new Message(
            ctx.nextKey(),
            name,
            correlationKey,
            messageId,
            variables,
            ctx.now() + Math.max(0, timeToLive));
    ctx.records()
        .append(
            message.key(),
            MessageIntent.PUBLISHED,
            Map.of("name", name, "correlationKey", correlationKey));
    List<Long> instances = correlate(message, false);
    if (timeToLive > 0) {
      ctx.state().messages().put(message);
      nextExpiry = Math.min(nextExpiry, message.deadline());
    }
    return new Correlated(message.key(), instances);
  }

  public Correlated correlateNow(
      String name, String correlationKey, Map<String, Object> variables) {
    Message message = new Message(ctx.nextKey(), name, correlationKey, null, variables, 0);
    List<Long> instances = correlate(message, true);
    if (instances.isEmpty()) {
      throw Rejection.notFound(
          "Expected to find subscription for message with name '%s' and correlation key '%s', but none was found.",
          name, correlationKey);
    }
    ctx.records()
        .append(
            message.key(),
            MessageCorrelationIntent.CORRELATED,
            Map.of("name", name, "correlationKey", correlationKey));
    return new Correlated(message.key(), instances);
  }

  private List<Long> correlate(Message message, boolean firstOnly) {
    List<Long> instances = new ArrayList<>();
    Set<Long> reached = new HashSet<>();
    for (EventSubscription subscription :
        ctx.state()
            .subscriptions()
            .find(EventSubscription.Kind.MESSAGE, message.name(), message.correlationKey())) {
      if (firstOnly && !instances.isEmpty()) {
        break;
      }
      if (reached.contains(subscription.processInstanceKey())) {
        continue;
      }
      ElementInstance subscriber = ctx.state().instances().get(subscription.elementInstanceKey());
      if (subscriber != null
          && events.trigger(subscriber, subscription.targetElementId(), message.variables())) {
        reached.add(subscription.processInstanceKey());
        instances.add(subscription.processInstanceKey());
        message.correlatedTo(subscription.processInstanceKey());
        ctx.state().history().messageCorrelated(subscription, message.key(), ctx.now());
      }
    }
    for (NavigableMap<Integer, DeployedProcess> versions :
        ctx.state().deployments().processVersions()) {
      if (firstOnly && !instances.isEmpty()) {
        break;
      }
      DeployedProcess latest = versions.lastEntry().getValue();
      Long started = startByMessage(latest, message);
      if (started != null) {
        instances.add(started);
      }
    }
    return instances;
  }

  /**
   * A message start event creates an instance unless this message started one before, or, with a
   * correlation key, an instance it started for that key still runs (Zeebe's rule).
   */
  private Long startByMessage(DeployedProcess process, Message message) {
    for (DeployedProcess.StartEvent start : process.startEvents()) {
      if (start.type() != EventType.MESSAGE
          || !message.name().equals(start.name())
          || message.hasStarted(process.bpmnProcessId())) {
        continue;
      }
      boolean keyed = message.correlationKey() != null && !message.correlationKey().isEmpty();
      if (keyed
          && ctx.state()
              .instances()
              .hasMessageStartedInstance(process.bpmnProcessId(), message.correlationKey())) {
        return null;
      }
      message.started(process.bpmnProcessId());
      ElementInstance instance =
          creation.create(process, process.startElement(start), message.variables(), null);
      if (keyed) {
        instance.setStartCorrelationKey(message.correlationKey());
      }
      return instance.key();
    }
    return null;
  }

  @Override
  public void onCompleted(ElementInstance processInstance) {
    startBufferedAfter(processInstance);
  }

  @Override
  public void onTerminated(ElementInstance processInstance) {
    startBufferedAfter(processInstance);
  }

  /** The instance for a correlation key ended: a message buffered meanwhile may start the next. */
  private void startBufferedAfter(ElementInstance processInstance) {
    if (processInstance.startCorrelationKey() == null) {
      return;
    }
    DeployedProcess latest =
        ctx.state().deployments().latestProcess(processInstance.bpmnProcessId());
    String correlationKey = processInstance.startCorrelationKey();
    ctx.batch()
        .followUp(
            () -> {
              for (DeployedProcess.StartEvent start : latest.startEvents()) {
                if (start.type() != EventType.MESSAGE) {
                  continue;
                }
                for (Message message : ctx.state().messages().find(start.name(), correlationKey)) {
                  if (message.deadline() > ctx.now() && startByMessage(latest, message) != null) {
                    return;
                  }
                }
              }
            });
  }

  /** A new subscription takes the oldest buffered message it has not seen yet. */
  public void correlateBuffered(EventSubscription subscription) {
    if (ctx
        .state()
        .subscriptions()
        .find(EventSubscription.Kind.MESSAGE, subscription.name(), subscription.correlationKey())
        .stream()
        .noneMatch(s -> s.key() == subscription.key())) {
      return;
    }
    for (Message message :
        ctx.state().messages().find(subscription.name(), subscription.correlationKey())) {
      if (message.deadline() <= ctx.now()
          || message.isCorrelatedTo(subscription.processInstanceKey())) {
        continue;
      }
      ElementInstance subscriber = ctx.state().instances().get(subscription.elementInstanceKey());
      if (subscriber != null
          && events.trigger(subscriber, subscription.targetElementId(), message.variables())) {
        message.correlatedTo(subscription.processInstanceKey());
        ctx.state().history().messageCorrelated(subscription, message.key(), ctx.now());
        ctx.records()
            .append(
                message.key(),
                ProcessMessageSubscriptionIntent.CORRELATED,
                Map.of(
                    "name",
                    message.name(),
                    "processInstanceKey",
                    subscription.processInstanceKey()));
      }
      return;
    }
  }

  /** Removes buffered messages whose time to live has passed; returns millis until the next one. */
  public long expireMessages() {
    if (ctx.now() < nextExpiry) {
      return nextExpiry - ctx.now();
    }
    long next = Long.MAX_VALUE;
    for (Message message : new ArrayList<>(ctx.state().messages().all())) {
      if (message.deadline() <= ctx.now()) {
        ctx.state().messages().remove(message);
        ctx.records()
            .append(
                message.key(),
                MessageIntent.EXPIRED,
                new LinkedHashMap<>(Map.of("name", message.name())));
      } else {
        next = Math.min(next, message.deadline());
      }
    }
    nextExpiry = next;
    return next == Long.MAX_VALUE ? Long.MAX_VALUE : next - ctx.now();
  }
}
