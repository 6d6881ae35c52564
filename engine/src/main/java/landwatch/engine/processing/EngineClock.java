package landwatch.engine.processing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The engine's notion of "now": timers, job deadlines and message time-to-live run on it. It can be
 * pinned to a point in time, as Zeebe's clock endpoint allows, so that tests move time forward
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

  /** Pins the clock; returns the previous pin (null when it ran freely) for {@link #restore}. */
  public Instant pin(Instant at) {
    Instant previous = pinned;
    pinned = at;
    return previous;
  }

  public void restore(Instant previous) {
    pinned = previous;
  }

  /** Lets the clock run freely again; returns the previous pin for {@link #restore}. */
  public Instant reset() {
    return pin(null);
  }
}
