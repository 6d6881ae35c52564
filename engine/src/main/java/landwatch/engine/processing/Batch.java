package landwatch.engine.processing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import landwatch.engine.record.RecordWriter;
import landwatch.engine.state.EngineState;

/**
 * What the single writer is doing right now: the commands of one batch, the records they produced,
 * their follow-up work, and the answers to give once the batch has committed.
 */
public final class Batch {

  public final EngineState state;
  public final KeyGenerator keys;
  public final long now;

  /** Where every record of the batch is appended. */
  public final RecordWriter records;

  private final Deque<Runnable> followUps = new ArrayDeque<>();
  private final Deque<Runnable> beforeCommit = new ArrayDeque<>();
  private final List<Runnable> afterCommit = new ArrayList<>();

  Batch(EngineState state, KeyGenerator keys, long lastPosition, long now) {
    this.state = state;
    this.keys = keys;
    this.records = new RecordWriter(lastPosition, now);
    this.now = now;
  }

  /**
   * Work that follows from a command, run after it within the same batch (Zeebe's follow-up
   * commands).
   */
  public void followUp(Runnable work) {
    followUps.add(work);
  }

  void drainFollowUps() {
    Runnable next;
    while ((next = followUps.poll()) != null) {
      next.run();
    }
  }

  /**
   * Runs once all commands, follow-ups and due work of the batch are done, before it commits: what
   * changed many times in the batch is recorded once, with its final value.
   */
  public void beforeCommit(Runnable work) {
    beforeCommit.add(work);
  }

  void drainBeforeCommit() {
    Runnable next;
    while ((next = beforeCommit.poll()) != null) {
      next.run();
      drainFollowUps();
    }
  }

  /** Runs once the batch is durable: answers, wake-ups of waiting requests. */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  List<Runnable> afterCommitActions() {
    return afterCommit;
  }
}
