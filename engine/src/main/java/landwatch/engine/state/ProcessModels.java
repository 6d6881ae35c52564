package landwatch.engine.state;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import landwatch.engine.model.ExecutableProcess;

/**
 * The executable models of deployed process versions, parsed on demand and kept in a bounded,
 * least-recently-used cache shared by the writer and the API's readers. The bound is a weight: the
 * size of the BPMN source a model was parsed from (shared by the processes of one resource), which
 * is what its parsed form grows with. A miss reads the version's stored resource (one row of {@code
 * engine.resource}) and parses it; concurrent misses for the same version parse once. Models are
 * immutable, so a caller keeps using one that was evicted meanwhile.
 */
public final class ProcessModels {

  /** Reads and parses the stored resource of a version; {@code weight} is what it counts for. */
  public interface Loader {
    Loaded load(DeployedProcess process);
  }

  /** A parsed model and its weight (source bytes). */
  public record Loaded(ExecutableProcess executable, long weight) {}

  private record Entry(ExecutableProcess executable, long weight) {}

  private final long maxWeight;
  private final Loader loader;
  private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<Long, CompletableFuture<ExecutableProcess>> loading = new ConcurrentHashMap<>();
  private final AtomicLong misses = new AtomicLong();
  private long weight;

  public ProcessModels(long maxWeight, Loader loader) {
    this.maxWeight = maxWeight;
    this.loader = loader;
  }

  public ExecutableProcess get(DeployedProcess process) {
    synchronized (this) {
      Entry entry = entries.get(process.key());
      if (entry != null) {
        return entry.executable();
      }
    }
    CompletableFuture<ExecutableProcess> mine = new CompletableFuture<>();
    CompletableFuture<ExecutableProcess> other = loading.putIfAbsent(process.key(), mine);
    if (other != null) {
      try {
        return other.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      misses.incrementAndGet();
      Loaded loaded = loader.load(process);
      put(process.key(), loaded.executable(), loaded.weight());
      mine.complete(loaded.executable());
      return loaded.executable();
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      loading.remove(process.key(), mine);
    }
  }

  /** A version just deployed: its model goes straight in, weighing its share of its resource. */
  public void put(DeployedProcess process, ExecutableProcess executable, long weight) {
    put(process.key(), executable, weight);
  }

  private synchronized void put(long key, ExecutableProcess executable, long entryWeight) {
    Entry previous = entries.put(key, new Entry(executable, entryWeight));
    weight += entryWeight - (previous == null ? 0 : previous.weight());
    Iterator<Map.Entry<Long, Entry>> eldest = entries.entrySet().iterator();
    // the entry just added stays even when it alone is over the bound: its caller uses it now
    while (weight > maxWeight && entries.size() > 1 && eldest.hasNext()) {
      Map.Entry<Long, Entry> candidate = eldest.next();
      if (candidate.getKey() == key) {
        continue;
      }
      weight -= candidate.getValue().weight();
      eldest.remove();
    }
  }

  /** Models parsed on a miss since start (a measure of how well the bound fits the load). */
  public long misses() {
    return misses.get();
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized long weight() {
    return weight;
  }
}
