package landwatch.engine.clock;

import java.util.Map;
import landwatch.engine.processing.Batch;
import landwatch.engine.record.intent.ClockIntent;

/**
 * Pinning and resetting the engine's clock (Zeebe's clock endpoint). The clock itself is moved by
 * the caller before the command is queued, so that the batch processing it, and the due work it
 * makes due, already run on the new time; the command records the move.
 */
public final class ClockCommands {

  public void pinned(Batch batch, long epochMillis) {
    batch.records.append(batch.keys.next(), ClockIntent.PINNED, Map.of("time", epochMillis));
  }

  public void reset(Batch batch) {
    batch.records.append(batch.keys.next(), ClockIntent.RESETTED, Map.of());
  }
}
