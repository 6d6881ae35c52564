package landwatch.engine.message;

import landwatch.engine.processing.Batch;
import landwatch.engine.processing.DueWork;

/** Buffered messages leave once their time to live has passed. */
public final class MessageExpiry implements DueWork {

  private final MessageCorrelation messages;

  public MessageExpiry(MessageCorrelation messages) {
    this.messages = messages;
  }

  @Override
  public long processDue(Batch batch) {
    return messages.expireMessages();
  }
}
