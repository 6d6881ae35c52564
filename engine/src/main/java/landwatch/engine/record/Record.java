package landwatch.engine.record;

/** One entry of the append-only log: an event the writer produced, Zeebe-shaped. */
public record Record(long position, long key, Intent intent, Object value, long timestamp) {

  public ValueType valueType() {
    return intent.valueType();
  }
}
