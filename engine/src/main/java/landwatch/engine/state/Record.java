package landwatch.engine.state;

/** One entry of the append-only log: an event the writer produced, Zeebe-shaped. */
public record Record(long position, long key, String valueType, String intent, Object value, long timestamp) {}
