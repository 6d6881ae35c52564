package landwatch.engine.processing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The engine's notion of "now": timers, job deadlines and message time-to-live run on it. It can
 * be pinned to a point in time, as Zeebe's clock endpoint allows, so that tests move time forward
 * instead of sleeping.
 */
public final class EngineClock {

  private volatile Instant pinned;

  public long millis() {
    Instant at = pinned;
    return at != null ? at.toEpochMilli() : System.currentTimeMillis();
  }

  public ZonedDateTime zonedNow() {
    return Instant.ofEpochMilli(millis()).atZone(ZoneOffset.UTC);
  }

  public void pin(Instant at) {
    pinned = at;
  }

  public void reset() {
    pinned = null;
  }
}
