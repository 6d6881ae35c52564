package landwatch.engine.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The records of one batch, numbered on from the log's last position and stamped with the batch's
 * time; they are written to {@code engine.record} in the batch's transaction.
 */
public final class RecordWriter {

  private final List<Record> records = new ArrayList<>();
  private final List<Record> view = Collections.unmodifiableList(records);
  private final long timestamp;
  private long position;

  public RecordWriter(long lastPosition, long timestamp) {
    this.position = lastPosition;
    this.timestamp = timestamp;
  }

  public void append(long key, Intent intent, Object value) {
    records.add(new Record(++position, key, intent, value, timestamp));
  }

  /** What was appended so far, in order. */
  public List<Record> written() {
    return view;
  }

  /** The position of the last record appended, or the log's last position when there is none. */
  public long position() {
    return position;
  }
}
