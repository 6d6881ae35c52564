package landwatch.engine.processing;

/**
 * Zeebe-shaped keys: the partition id in the high bits, a counter below, so keys look like the ones
 * a one-partition cluster hands out and never repeat across restarts.
 */
public final class KeyGenerator {

  static final int PARTITION_ID = 1;
  private static final long PARTITION_BASE = (long) PARTITION_ID << 51;

  private long last;

  public KeyGenerator(long last) {
    this.last = Math.max(last, PARTITION_BASE);
  }

  public long next() {
    return ++last;
  }

  public long last() {
    return last;
  }
}
