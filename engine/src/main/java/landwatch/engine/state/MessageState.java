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

/** The buffered messages, by name and correlation key, and by name and message id. */
public final class MessageState {

  private record Correlation(String name, String correlationKey) {}

  private record MessageId(String name, String messageId) {}

  private final Map<Long, Message> messages = new LinkedHashMap<>();
  private final Map<Correlation, LinkedHashSet<Long>> messagesByCorrelation = new HashMap<>();
  private final Map<MessageId, Long> messagesById = new HashMap<>();
  private final StateChanges.TableChanges changes;

  MessageState(StateChanges.TableChanges changes) {
    this.changes = changes;
  }

  /** The message is buffered. */
  public void put(Message message) {
    messages.put(message.key(), message);
    messagesByCorrelation
        .computeIfAbsent(
            new Correlation(message.name(), message.correlationKey()), k -> new LinkedHashSet<>())
        .add(message.key());
    if (message.messageId() != null && !message.messageId().isEmpty()) {
      messagesById.put(new MessageId(message.name(), message.messageId()), message.key());
    }
    message.track(changes);
  }

  /** The message expired: its row is deleted. */
  public void remove(Message message) {
    messages.remove(message.key());
    Correlation correlation = new Correlation(message.name(), message.correlationKey());
    Set<Long> byCorrelation = messagesByCorrelation.get(correlation);
    if (byCorrelation != null) {
      byCorrelation.remove(message.key());
      if (byCorrelation.isEmpty()) {
        messagesByCorrelation.remove(correlation);
      }
    }
    if (message.messageId() != null) {
      messagesById.remove(new MessageId(message.name(), message.messageId()));
    }
    changes.delete(message);
  }

  public boolean hasMessageWithId(String name, String messageId) {
    return messageId != null
        && !messageId.isEmpty()
        && messagesById.containsKey(new MessageId(name, messageId));
  }

  /** The buffered messages of this name and correlation key, oldest first. */
  public List<Message> find(String name, String correlationKey) {
    Set<Long> keys = messagesByCorrelation.get(new Correlation(name, correlationKey));
    List<Message> result = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> result.add(messages.get(k)));
    }
    return result;
  }

  /** Every buffered message, oldest first. */
  public Collection<Message> all() {
    return Collections.unmodifiableCollection(messages.values());
  }
}
