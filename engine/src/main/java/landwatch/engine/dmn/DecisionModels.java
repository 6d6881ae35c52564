package landwatch.engine.dmn;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The parsed decision requirements graphs of deployed DMN resources, by their decision requirements
 * key, parsed on demand and kept in a bounded, least-recently-used cache, as process models are: a
 * restart parses none, the first evaluation of a graph parses it once. The bound is the size of the
 * DMN sources cached. Graphs are immutable, so a caller keeps using one evicted meanwhile.
 */
public final class DecisionModels {

  /** A parsed graph and what it weighs (its source bytes). */
  public record Loaded(ParsedDrg drg, long weight) {}

  private final long maxWeight;
  private final LongFunction<Loaded> loader;
  private final LinkedHashMap<Long, Loaded> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long weight;

  public DecisionModels(long maxWeight, LongFunction<Loaded> loader) {
    this.maxWeight = maxWeight;
    this.loader = loader;
  }

  /** The graph stored under this key: cached, or read and parsed now. */
  public ParsedDrg get(long decisionRequirementsKey) {
    synchronized (this) {
      Loaded cached = entries.get(decisionRequirementsKey);
      if (cached != null) {
        return cached.drg();
      }
    }
    Loaded loaded = loader.apply(decisionRequirementsKey);
    put(decisionRequirementsKey, loaded);
    return loaded.drg();
  }

  /** A graph just deployed goes straight in. */
  public synchronized void put(long decisionRequirementsKey, Loaded loaded) {
    Loaded previous = entries.put(decisionRequirementsKey, loaded);
    weight += loaded.weight() - (previous == null ? 0 : previous.weight());
    Iterator<Map.Entry<Long, Loaded>> eldest = entries.entrySet().iterator();
    while (weight > maxWeight && entries.size() > 1 && eldest.hasNext()) {
      Map.Entry<Long, Loaded> candidate = eldest.next();
      if (candidate.getKey() == decisionRequirementsKey) {
        continue;
      }
      weight -= candidate.getValue().weight();
      eldest.remove();
    }
  }
}
