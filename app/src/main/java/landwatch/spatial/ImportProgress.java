package landwatch.spatial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import landwatch.spatial.io.ImportError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * How far an upload's import is, for the page that sent it: the page names the import with an id of
 * its own ({@code ?progress=<uuid>}) and asks for it while the upload's request is still running.
 * Only its uploader sees it. Kept in memory for a while after the import ends, since it is a view
 * of a request and not a record: the import's outcome is the batch or the layer itself, and its
 * audit entry.
 */
@Component
public class ImportProgress {

  private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{8,64}");
  private static final Duration KEPT = Duration.ofMinutes(30);

  /** Where an import is; CHECKING and RECHECKING count their spots. */
  public enum Phase {
    VALIDATING,
    CHECKING,
    STORING,
    INDEXING,
    RECHECKING,
    DONE,
    REJECTED,
    FAILED
  }

  /** What the page shows: the phase, and of a counted phase how many of how many. */
  public record View(Phase phase, int done, int total, int errors) {}

  private final Map<String, Tracker> imports = new ConcurrentHashMap<>();
  private final Clock clock;

  ImportProgress() {
    this(Clock.systemUTC());
  }

  ImportProgress(Clock clock) {
    this.clock = clock;
  }

  /**
   * Runs an import under its id, marking it done, rejected (keeping every bad feature for the
   * report) or failed; without an id it runs untracked.
   */
  public <T> T track(String id, String owner, Function<Tracker, T> work) {
    if (id == null) {
      return work.apply(untracked());
    }
    if (!ID.matcher(id).matches()) {
      throw new ErrorResponseException(
          HttpStatus.BAD_REQUEST,
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST, "进度编号无效 / invalid progress id: " + id),
          null);
    }
    evictEnded();
    Tracker tracker = new Tracker(owner);
    imports.put(id, tracker);
    try {
      T result = work.apply(tracker);
      tracker.end(Phase.DONE, List.of(), clock.instant());
      return result;
    } catch (ImportRejectedException e) {
      tracker.end(Phase.REJECTED, e.errors(), clock.instant());
      throw e;
    } catch (RuntimeException | Error e) {
      tracker.end(Phase.FAILED, List.of(), clock.instant());
      throw e;
    }
  }

  /** Progress nobody asks for: an import started by the application itself. */
  public static Tracker untracked() {
    return new Tracker("");
  }

  /** The import under this id, if it is the owner's. */
  public Optional<Tracker> find(String id, String owner) {
    return Optional.ofNullable(imports.get(id)).filter(tracker -> tracker.owner.equals(owner));
  }

  private void evictEnded() {
    Instant before = clock.instant().minus(KEPT);
    imports.values().removeIf(tracker -> tracker.ended != null && tracker.ended.isBefore(before));
  }

  /** One import's progress, written by the import and read by the page's polls. */
  public static final class Tracker {
    private final String owner;
    private volatile Phase phase = Phase.VALIDATING;
    private volatile int total;
    private final AtomicInteger done = new AtomicInteger();
    private volatile List<ImportError> errors = List.of();
    private volatile Instant ended;

    private Tracker(String owner) {
      this.owner = owner;
    }

    public void phase(Phase next) {
      phase(next, 0);
    }

    /** Enters a phase that counts to {@code total}. */
    public void phase(Phase next, int total) {
      this.total = total;
      done.set(0);
      phase = next;
    }

    public void advance() {
      done.incrementAndGet();
    }

    private void end(Phase last, List<ImportError> rejected, Instant at) {
      errors = List.copyOf(rejected);
      phase = last;
      ended = at;
    }

    public View view() {
      return new View(phase, done.get(), total, errors.size());
    }

    public List<ImportError> errors() {
      return errors;
    }
  }
}
