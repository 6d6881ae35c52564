package landwatch.batch;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import landwatch.deadline.Deadline;
import landwatch.deadline.MonthlyDeadlines;
import landwatch.spot.SpotGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts one {@code spot-check} instance per issued spot by publishing message {@code spot-issued}
 * with the monitoring code as correlation key and in the message id. The engine starts at most one
 * instance per correlation key while one runs and refuses a second message of the same id while the
 * first is kept (its time to live), so a publication repeated after a crash starts nothing twice; a
 * spot is marked started once its publication was accepted. Runs after each import and at every
 * start (after the models are deployed), for every spot not yet started: an import interrupted
 * half-way resumes where it stopped.
 */
@Component
public class SpotInstances {

  private static final Logger LOG = LoggerFactory.getLogger(SpotInstances.class);
  static final String MESSAGE = "spot-issued";
  private static final int PAGE = 500;
  private static final int IN_FLIGHT = 64;

  private final JdbcTemplate jdbc;
  private final CamundaClient camunda;
  private final SpotGroups groups;
  private final MonthlyDeadlines deadlines;
  private final Duration timeToLive;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "spot-instances"));
  private final AtomicBoolean pending = new AtomicBoolean();

  SpotInstances(
      JdbcTemplate jdbc,
      CamundaClient camunda,
      SpotGroups groups,
      MonthlyDeadlines deadlines,
      @Value("${landwatch.lifecycle.spot-issued-time-to-live:P60D}") Duration timeToLive) {
    this.jdbc = jdbc;
    this.camunda = camunda;
    this.groups = groups;
    this.deadlines = deadlines;
    this.timeToLive = timeToLive;
  }

  @PreDestroy
  void stop() {
    runner.shutdownNow();
  }

  @EventListener(ApplicationReadyEvent.class)
  void resumeAtStart() {
    startPending();
  }

  /** Asks for a run; runs requested while one is going coalesce into one more. */
  public void startPending() {
    if (pending.compareAndSet(false, true)) {
      runner.execute(
          () -> {
            pending.set(false);
            try {
              startAll();
            } catch (RuntimeException e) {
              LOG.error("图斑实例启动中断，下次导入或重启时继续 / starting spot instances stopped", e);
            }
          });
    }
  }

  /** Starts every unstarted spot now, on the caller's thread. */
  public int startAll() {
    int started = 0;
    List<Issued> page;
    while (!(page = unstarted()).isEmpty()) {
      started += start(page);
    }
    if (started > 0) {
      LOG.info("已为 {} 个图斑启动核查流程 / started {} spot-check instances", started, started);
    }
    return started;
  }

  private record Issued(
      long spotId,
      String code,
      long batchId,
      String countyCode,
      String changeType,
      LocalDate imageryDate,
      LocalDate countyDue,
      LocalDate provinceDue) {}

  private List<Issued> unstarted() {
    return jdbc.query(
        "SELECT s.id, s.monitoring_code, s.batch_id, s.region_code, s.change_type, s.imagery_after,"
            + " p.county_due, p.province_due FROM spot_progress p JOIN spot s ON s.id = p.spot_id"
            + " WHERE p.started_at IS NULL ORDER BY p.spot_id LIMIT ?",
        (rs, row) ->
            new Issued(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class)),
        PAGE);
  }

  private int start(List<Issued> page) {
    List<Long> started = new ArrayList<>();
    for (int from = 0; from < page.size(); from += IN_FLIGHT) {
      List<Issued> chunk = page.subList(from, Math.min(page.size(), from + IN_FLIGHT));
      List<CompletableFuture<?>> publications = new ArrayList<>();
      for (Issued spot : chunk) {
        publications.add(
            camunda
                .newPublishMessageCommand()
                .messageName(MESSAGE)
                .correlationKey(spot.code())
                .messageId(MESSAGE + "-" + spot.code())
                .timeToLive(timeToLive)
                .variables(variables(spot))
                .send()
                .toCompletableFuture());
      }
      for (int i = 0; i < chunk.size(); i++) {
        if (accepted(publications.get(i))) {
          started.add(chunk.get(i).spotId());
        }
      }
    }
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.batchUpdate(
        "UPDATE spot_progress SET started_at = ? WHERE spot_id = ? AND started_at IS NULL",
        started.stream().map(id -> new Object[] {now, id}).toList());
    if (started.size() < page.size()) {
      throw new IllegalStateException(
          (page.size() - started.size()) + " spot-issued publications failed; retried at next run");
    }
    return started.size();
  }

  /** Accepted now, or before (the engine refuses the same message id as a duplicate). */
  private static boolean accepted(CompletableFuture<?> publication) {
    try {
      publication.join();
      return true;
    } catch (CompletionException e) {
      if (e.getCause() instanceof ProblemException problem && problem.code() == 409) {
        return true;
      }
      LOG.warn("spot-issued publication failed: {}", e.getCause().getMessage());
      return false;
    }
  }

  private Map<String, Object> variables(Issued spot) {
    Deadline county = new Deadline(spot.countyDue(), deadlines.zone());
    Deadline province = new Deadline(spot.provinceDue(), deadlines.zone());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("spotId", spot.code());
    variables.put("batchId", spot.batchId());
    variables.put("countyCode", spot.countyCode());
    variables.put("cityCode", groups.cityOf(spot.countyCode()));
    variables.put("changeType", spot.changeType());
    variables.put("imageryDate", spot.imageryDate() == null ? null : spot.imageryDate().toString());
    variables.put("countyDueDate", spot.countyDue().toString());
    variables.put("provinceDueDate", spot.provinceDue().toString());
    variables.put("countyOverdueAt", county.overdueAtText());
    variables.put("provinceOverdueAt", province.overdueAtText());
    return variables;
  }
}
