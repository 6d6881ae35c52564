package landwatch.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import landwatch.spatial.io.ImportError;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class ImportProgressTest {

  private static final String ID = "5f0c7d3e-1b2a-4c3d-9e8f-000000000001";

  private final MovableClock clock = new MovableClock();
  private final ImportProgress progress = new ImportProgress(clock);

  @Test
  void theUploaderSeesTheCountedPhaseWhileItRunsAndNobodyElseSeesIt() {
    AtomicReference<ImportProgress.View> midway = new AtomicReference<>();
    AtomicReference<Boolean> strangerSaw = new AtomicReference<>();

    String answer =
        progress.track(
            ID,
            "admin",
            tracker -> {
              tracker.phase(ImportProgress.Phase.CHECKING, 4);
              tracker.advance();
              tracker.advance();
              midway.set(progress.find(ID, "admin").orElseThrow().view());
              strangerSaw.set(progress.find(ID, "officer-640104").isPresent());
              return "imported";
            });

    assertThat(answer).isEqualTo("imported");
    assertThat(midway.get())
        .isEqualTo(new ImportProgress.View(ImportProgress.Phase.CHECKING, 2, 4, 0));
    assertThat(strangerSaw.get()).isFalse();
    assertThat(progress.find(ID, "admin").orElseThrow().view().phase())
        .isEqualTo(ImportProgress.Phase.DONE);
  }

  @Test
  void aRejectedImportKeepsEveryBadFeatureForTheReport() {
    List<ImportError> errors =
        List.of(
            new ImportError(0, "A", "JCBH", "缺少", "missing"),
            new ImportError(3, "B", "geometry", "自相交", "self-intersecting"));

    assertThatThrownBy(
            () ->
                progress.track(
                    ID,
                    "admin",
                    tracker -> {
                      throw new ImportRejectedException("批次", "batch", errors);
                    }))
        .isInstanceOf(ImportRejectedException.class);

    ImportProgress.Tracker tracker = progress.find(ID, "admin").orElseThrow();
    assertThat(tracker.view().phase()).isEqualTo(ImportProgress.Phase.REJECTED);
    assertThat(tracker.view().errors()).isEqualTo(2);
    assertThat(tracker.errors()).isEqualTo(errors);
  }

  @Test
  void aFailureIsShownAsSuchAndStillThrown() {
    assertThatThrownBy(
            () ->
                progress.track(
                    ID,
                    "admin",
                    tracker -> {
                      throw new IllegalStateException("disk full");
                    }))
        .hasMessage("disk full");

    assertThat(progress.find(ID, "admin").orElseThrow().view().phase())
        .isEqualTo(ImportProgress.Phase.FAILED);
  }

  @Test
  void anEndedImportIsForgottenAfterHalfAnHour() {
    progress.track(ID, "admin", tracker -> 1);
    clock.advance(Duration.ofMinutes(31));

    progress.track("5f0c7d3e-1b2a-4c3d-9e8f-000000000002", "admin", tracker -> 2);

    assertThat(progress.find(ID, "admin")).isEmpty();
    assertThat(progress.find("5f0c7d3e-1b2a-4c3d-9e8f-000000000002", "admin")).isPresent();
  }

  @Test
  void anIdThatIsNoUuidIsRefusedBeforeTheImportRuns() {
    AtomicReference<Boolean> ran = new AtomicReference<>(false);

    assertThatThrownBy(
            () ->
                progress.track(
                    "../../etc",
                    "admin",
                    tracker -> {
                      ran.set(true);
                      return 1;
                    }))
        .isInstanceOf(ErrorResponseException.class);
    assertThat(ran.get()).isFalse();
  }

  @Test
  void withoutAnIdTheImportRunsUntracked() {
    String answer = progress.track(null, "admin", tracker -> "ok");

    assertThat(answer).isEqualTo("ok");
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-04T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
