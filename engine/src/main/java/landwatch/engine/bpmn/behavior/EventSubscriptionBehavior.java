package landwatch.engine.bpmn.behavior;

import java.math.BigDecimal;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.Failure;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ElementType;
import landwatch.engine.model.EventType;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.ExecutableFlow;
import landwatch.engine.model.Expression;
import landwatch.engine.model.TimerDefinition;
import landwatch.engine.record.Intent;
import landwatch.engine.record.intent.ProcessMessageSubscriptionIntent;
import landwatch.engine.record.intent.SignalSubscriptionIntent;
import landwatch.engine.record.intent.TimerIntent;
import landwatch.engine.state.ElementInstance;
import landwatch.engine.state.EventSubscription;
import landwatch.engine.state.Timer;

/**
 * Opens and closes what an element instance waits for: timers, message and signal subscriptions for
 * itself (catch events, receive tasks), its boundary events, the event-based gateway's events, and
 * the start events of a scope's event sub-processes.
 */
public final class EventSubscriptionBehavior {

  private final BpmnContext ctx;
  private final VariableBehavior variables;
  private Consumer<EventSubscription> messageSubscriptionOpened = s -> {};

  public EventSubscriptionBehavior(BpmnContext ctx, VariableBehavior variables) {
    this.ctx = ctx;
    this.variables = variables;
  }

  /**
   * Told of every new message subscription, once its subscriber is activated, to hand it buffered
   * messages.
   */
  public void onMessageSubscriptionOpened(Consumer<EventSubscription> listener) {
    this.messageSubscriptionOpened = listener;
  }

  /** The elements whose events this instance subscribes to. */
  public List<ExecutableElement> catchElements(
      ExecutableElement element, ElementInstance instance) {
    List<ExecutableElement> result = new ArrayList<>();
    if (instance.type() == ElementType.MULTI_INSTANCE_BODY || !element.isMultiInstance()) {
      for (ExecutableElement boundary : element.boundaryEvents) {
        if (isSubscription(boundary.eventType)) {
          result.add(boundary);
        }
      }
    }
    if (instance.type() == ElementType.MULTI_INSTANCE_BODY) {
      return result;
    }
    if ((element.type == ElementType.INTERMEDIATE_CATCH_EVENT
            && element.eventType != EventType.LINK)
        || element.type == ElementType.RECEIVE_TASK) {
      result.add(element);
    }
    if (element.type == ElementType.EVENT_BASED_GATEWAY) {
      for (ExecutableFlow flow : element.outgoing) {
        result.add(flow.target);
      }
    }
    for (ExecutableElement eventSubProcess : element.eventSubProcesses) {
      if (isSubscription(eventSubProcess.eventStart().eventType)) {
        result.add(eventSubProcess.eventStart());
      }
    }
    return result;
  }

  private static boolean isSubscription(EventType type) {
    return type == EventType.TIMER || type == EventType.MESSAGE || type == EventType.SIGNAL;
  }

  /**
   * Opens everything the element instance subscribes to on activation. When one cannot be opened
   * (e.g. a correlation key that is not a string), none stays open.
   *
   * @return null, or why the activation cannot go on
   */
  public Failure subscribe(ExecutableElement element, ElementInstance instance) {
    String failure = open(element, instance);
    return failure == null ? null : new Failure(IncidentTypes.EXTRACT_VALUE_ERROR, failure);
  }

  /**
   * Opens the subscriptions of only these catch elements (a migration opens those the target
   * element has and the source had not); none stays open when one cannot be opened.
   */
  public Failure subscribe(List<ExecutableElement> catches, ElementInstance instance) {
    String failure = open(catches, instance);
    return failure == null ? null : new Failure(IncidentTypes.EXTRACT_VALUE_ERROR, failure);
  }

  private String open(ExecutableElement element, ElementInstance instance) {
    return open(catchElements(element, instance), instance);
  }

  private String open(List<ExecutableElement> catches, ElementInstance instance) {
    if (catches.isEmpty()) {
      return null;
    }
    Map<String, Object> context = variables.visible(instance.key());
    for (ExecutableElement catchElement : catches) {
      String failure =
          switch (catchElement.eventType) {
            case TIMER -> openTimer(catchElement, instance, context);
            case MESSAGE ->
                openSubscription(EventSubscription.Kind.MESSAGE, catchElement, instance, context);
            case SIGNAL ->
                openSubscription(EventSubscription.Kind.SIGNAL, catchElement, instance, context);
            default -> null;
          };
      if (failure != null) {
        unsubscribe(instance);
        return failure;
      }
    }
    return null;
  }

  private String openTimer(
      ExecutableElement catchElement, ElementInstance instance, Map<String, Object> context) {
    TimerSchedule schedule;
    try {
      schedule = schedule(catchElement, context, ctx.now(), ctx);
    } catch (TimerException e) {
      return e.getMessage();
    }
    Timer timer =
        Timer.of(
            ctx.nextKey(),
            instance,
            catchElement.id,
            schedule.dueDate(),
            schedule.repetitions(),
            schedule.interval());
    ctx.state().timers().put(timer);
    ctx.records()
        .append(
            timer.key(),
            TimerIntent.CREATED,
            Map.of(
                "elementInstanceKey",
                instance.key(),
                "targetElementId",
                catchElement.id,
                "dueDate",
                timer.dueDate()));
    return null;
  }

  /** Thrown when a timer expression has no usable value. */
  static final class TimerException extends RuntimeException {
    TimerException(String message) {
      super(message, null, false, false);
    }
  }

  static TimerSchedule schedule(
      ExecutableElement element, Map<String, Object> context, long now, BpmnContext ctx) {
    Expression expression = element.timer.expression();
    FeelResult value = ctx.evaluate(expression, context);
    if (value.isFailure() || value.value() == null) {
      throw new TimerException(
          "Failed to evaluate the timer expression '"
              + expression.raw()
              + "': "
              + (value.isFailure() ? value.failure() : "the result is null"));
    }
    try {
      if (element.timer.kind() == TimerDefinition.Kind.DATE) {
        return TimerSchedule.date(value.value());
      }
      if (element.timer.kind() == TimerDefinition.Kind.DURATION) {
        return TimerSchedule.duration(value.value(), now);
      }
      return TimerSchedule.cycle(value.value(), now);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new TimerException(
          "Invalid timer value '"
              + value.value()
              + "' of element "
              + element.id
              + ": "
              + e.getMessage());
    }
  }

  private String openSubscription(
      EventSubscription.Kind kind,
      ExecutableElement catchElement,
      ElementInstance instance,
      Map<String, Object> context) {
    Expression nameExpression =
        kind == EventSubscription.Kind.MESSAGE
            ? catchElement.message.name()
            : catchElement.signal.name();
    FeelResult name = ctx.evaluate(nameExpression, context);
    if (name.isFailure() || !(name.value() instanceof String)) {
      return "Failed to evaluate the "
          + kind.name().toLowerCase()
          + " name '"
          + nameExpression.raw()
          + "': "
          + (name.isFailure() ? name.failure() : "expected a string but found " + name.value());
    }
    String correlationKey = null;
    if (kind == EventSubscription.Kind.MESSAGE) {
      FeelResult key = ctx.evaluate(catchElement.message.correlationKey(), context);
      correlationKey = correlationKeyOf(key);
      if (correlationKey == null) {
        return "Failed to extract the correlation key for '"
            + catchElement.message.correlationKey().raw()
            + "': The value must be either a string or a number, but was "
            + (key.isFailure() ? key.failure() : key.value());
      }
    }
    EventSubscription subscription =
        new EventSubscription(
            ctx.nextKey(),
            kind,
            (String) name.value(),
            correlationKey,
            instance,
            catchElement.id,
            catchElement.interrupting);
    ctx.state().subscriptions().put(subscription);
    ctx.state().history().subscriptionOpened(subscription, ctx.now());
    Intent created =
        kind == EventSubscription.Kind.MESSAGE
            ? ProcessMessageSubscriptionIntent.CREATED
            : SignalSubscriptionIntent.CREATED;
    ctx.records()
        .append(
            subscription.key(),
            created,
            Map.of("name", subscription.name(), "elementInstanceKey", instance.key()));
    if (kind == EventSubscription.Kind.MESSAGE) {
      ctx.batch().followUp(() -> messageSubscriptionOpened.accept(subscription));
    }
    return null;
  }

  static String correlationKeyOf(FeelResult key) {
    if (key.isFailure()) {
      return null;
    }
    if (key.value() instanceof String text) {
      return text;
    }
    if (key.value() instanceof Number number) {
      BigDecimal decimal = new BigDecimal(number.toString());
      return decimal.stripTrailingZeros().scale() <= 0
          ? decimal.toBigInteger().toString()
          : decimal.toPlainString();
    }
    return null;
  }

  public void unsubscribe(ElementInstance instance) {
    for (EventSubscription subscription : ctx.state().subscriptions().of(instance.key())) {
      close(subscription);
    }
    for (Timer timer : ctx.state().timers().of(instance.key())) {
      ctx.state().timers().remove(timer);
      ctx.records()
          .append(timer.key(), TimerIntent.CANCELED, Map.of("elementInstanceKey", instance.key()));
    }
  }

  /**
   * Closes only the subscriptions of a scope's event sub-processes (an interrupting one started).
   */
  public void unsubscribeEventSubProcesses(ExecutableElement container, ElementInstance instance) {
    unsubscribe(
        instance, container.eventSubProcesses.stream().map(e -> e.eventStart().id).toList());
  }

  /** Closes only the subscriptions and timers of these catch elements. */
  public void unsubscribe(ElementInstance instance, Collection<String> catchElementIds) {
    for (EventSubscription subscription : ctx.state().subscriptions().of(instance.key())) {
      if (catchElementIds.contains(subscription.targetElementId())) {
        close(subscription);
      }
    }
    for (Timer timer : ctx.state().timers().of(instance.key())) {
      if (catchElementIds.contains(timer.targetElementId())) {
        ctx.state().timers().remove(timer);
        ctx.records()
            .append(
                timer.key(), TimerIntent.CANCELED, Map.of("elementInstanceKey", instance.key()));
      }
    }
  }

  private void close(EventSubscription subscription) {
    ctx.state().subscriptions().remove(subscription);
    ctx.state().history().subscriptionClosed(subscription, ctx.now());
    ctx.records()
        .append(
            subscription.key(),
            subscription.kind() == EventSubscription.Kind.MESSAGE
                ? ProcessMessageSubscriptionIntent.DELETED
                : SignalSubscriptionIntent.DELETED,
            Map.of(
                "name",
                subscription.name(),
                "elementInstanceKey",
                subscription.elementInstanceKey()));
  }
}
