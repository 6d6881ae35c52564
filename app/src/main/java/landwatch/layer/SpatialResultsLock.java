package landwatch.layer;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Spot results are written against one set of reference layers at a time. A batch import checks its
 * spots against the layers in memory and commits; a layer replacement swaps the layers and rechecks
 * every committed spot. Interleaved, a batch committing after the recheck would keep results from
 * the replaced layer. Holding this lock across each whole operation (including its commit) rules
 * that out.
 */
@Component
public class SpatialResultsLock {

  private final ReentrantLock lock = new ReentrantLock(true);

  public <T> T exclusively(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
