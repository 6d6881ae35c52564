package landwatch.extension;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import landwatch.deadline.Deadline;
import landwatch.deadline.MonthlyDeadlines;
import landwatch.deadline.Notice;
import landwatch.deadline.Notifications;
import landwatch.spot.JobVariables;
import landwatch.spot.SpotDeadlineMoves;
import landwatch.spot.SpotDeadlineMoves.SpotDeadlines;
import landwatch.spot.SpotGroups;
import landwatch.user.ListenerVerdict;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The spot-extension model's steps: the check of a level's decision before its task completes,
 * recording the decision, and moving the spots' due dates once the last level approved. Each
 * records once per job (a redelivered job answers what was recorded and changes nothing).
 */
@Component
public class ExtensionStepWorkers {

  static final String DEADLINE_MESSAGE = "spot-deadline-extended";

  private final ExtensionStore store;
  private final SpotDeadlineMoves moves;
  private final Notifications notifications;
  private final TransactionTemplate transaction;
  private final CamundaClient camunda;
  private final MonthlyDeadlines deadlines;

  ExtensionStepWorkers(
      ExtensionStore store,
      SpotDeadlineMoves moves,
      Notifications notifications,
      TransactionTemplate transaction,
      CamundaClient camunda,
      MonthlyDeadlines deadlines) {
    this.store = store;
    this.moves = moves;
    this.notifications = notifications;
    this.transaction = transaction;
    this.camunda = camunda;
    this.deadlines = deadlines;
  }

  /** A completing listener: a decision that cannot be recorded is denied, saying why in Chinese. */
  @JobWorker(type = "landwatch.extension-decision-check", autoComplete = false)
  public void decisionCheck(JobClient client, ActivatedJob job) {
    JobVariables variables = new JobVariables(job.getVariablesAsMap());
    List<String> problems =
        ExtensionDecision.problems(
            job.getVariablesAsMap(),
            LocalDate.parse(variables.text("latestCountyDue")),
            LocalDate.parse(variables.text("allowedDueDate")));
    ListenerVerdict.completeOrDeny(client, job, problems);
  }

  @JobWorker(type = "landwatch.record-extension-decision", autoComplete = false)
  public void recordDecision(JobClient client, ActivatedJob job) {
    ApprovalStep level = ApprovalStep.valueOf(job.getCustomHeaders().get("level"));
    Map<String, Object> outputs = transaction.execute(status -> decide(job, level));
    client.newCompleteCommand(job.getKey()).variables(outputs).send().join();
  }

  private Map<String, Object> decide(ActivatedJob job, ApprovalStep level) {
    JobVariables variables = new JobVariables(job.getVariablesAsMap());
    long id = ((Number) variables.get("extensionId")).longValue();
    ExtensionStore.Locked application =
        store
            .lock(id)
            .orElseThrow(() -> new IllegalArgumentException("no extension application " + id));
    LocalDate allowed = LocalDate.parse(variables.text("allowedDueDate"));
    ExtensionView.Decision decision =
        store
            .decisionOf(job.getKey())
            .orElseGet(() -> record(job, level, application, variables, allowed));
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("extensionRefused", !decision.approved());
    outputs.put(
        "allowedDueDate", (decision.approved() ? decision.grantedDueDate() : allowed).toString());
    return outputs;
  }

  private ExtensionView.Decision record(
      ActivatedJob job,
      ApprovalStep level,
      ExtensionStore.Locked application,
      JobVariables variables,
      LocalDate allowed) {
    Map<String, Object> submitted =
        variables.map(level == ApprovalStep.CITY ? "cityDecision" : "provinceDecision");
    ExtensionDecision made = ExtensionDecision.of(submitted, allowed);
    OffsetDateTime at = variables.recordedAt();
    ExtensionView.Decision decision =
        new ExtensionView.Decision(
            level.name(),
            made.approved(),
            made.opinion(),
            made.grantedDueDate(),
            JobVariables.optionalText(submitted, "by"),
            at);
    store.appendDecision(application.id(), level.name(), decision, job.getKey());
    boolean last = ApprovalChain.of(application.approvalChain()).isLast(level);
    String status = !made.approved() ? "REFUSED" : last ? "APPROVED" : "ENDORSED";
    store.decide(application.id(), status, made.grantedDueDate(), at);
    notifications.send(notices(application, level, status, made));
    return decision;
  }

  private static List<Notice> notices(
      ExtensionStore.Locked application,
      ApprovalStep level,
      String status,
      ExtensionDecision made) {
    String what = "延期申请 " + application.id();
    String county = SpotGroups.countyOfficers(application.countyCode());
    return switch (status) {
      case "REFUSED" ->
          List.of(
              new Notice(
                  county,
                  "EXTENSION_REFUSED",
                  what + " 未获" + level.label() + "同意，截止日期不变：" + made.opinion(),
                  null));
      case "ENDORSED" ->
          List.of(
              new Notice(
                  SpotGroups.PROVINCE_MANAGERS,
                  "EXTENSION_ENDORSED",
                  what + "（" + application.countyCode() + "）经市级同意，请审批",
                  null));
      default ->
          List.of(
              new Notice(
                  county,
                  "EXTENSION_APPROVED",
                  what + " 已获同意，截止日期延至 " + made.grantedDueDate(),
                  null),
              new Notice(
                  SpotGroups.cityReviewers(application.cityCode()),
                  "EXTENSION_APPROVED",
                  what + "（" + application.countyCode() + "）已获同意，截止日期延至 " + made.grantedDueDate(),
                  null));
    };
  }

  /**
   * Moves every spot's due dates (in one transaction, once), then the timers of each spot still
   * unreported, by message {@code spot-deadline-extended}. The messages are sent again on a
   * redelivery: a spot's watch takes the same dates twice and sets the same timers.
   */
  @JobWorker(type = "landwatch.apply-extension", autoComplete = false)
  public void applyExtension(JobClient client, ActivatedJob job) {
    JobVariables variables = new JobVariables(job.getVariablesAsMap());
    long id = ((Number) variables.get("extensionId")).longValue();
    LocalDate granted = LocalDate.parse(variables.text("allowedDueDate"));
    OffsetDateTime at = variables.recordedAt();
    List<ExtendedDueDates> moved =
        transaction.execute(status -> moveDueDates(id, granted, at, job));
    List<String> codes = store.spotCodes(id);
    int timersMoved = 0;
    for (int i = 0; i < codes.size(); i++) {
      boolean correlated = correlate(codes.get(i), moved.get(i));
      store.setTimersMoved(id, codes.get(i), correlated);
      timersMoved += correlated ? 1 : 0;
    }
    client
        .newCompleteCommand(job.getKey())
        .variables(Map.of("extendedSpots", codes.size(), "timersMoved", timersMoved))
        .send()
        .join();
  }

  private List<ExtendedDueDates> moveDueDates(
      long id, LocalDate granted, OffsetDateTime at, ActivatedJob job) {
    ExtensionStore.Locked application =
        store
            .lock(id)
            .orElseThrow(() -> new IllegalArgumentException("no extension application " + id));
    List<ExtendedDueDates> moved = new ArrayList<>();
    for (String code : store.spotCodes(id)) {
      SpotDeadlines spot =
          moves.lock(code).orElseThrow(() -> new IllegalStateException("no spot " + code));
      if (application.extendedAt() != null) {
        moved.add(
            new ExtendedDueDates(
                spot.countyDue(), spot.provinceDue(), spot.countyDue(), spot.provinceDue()));
        continue;
      }
      ExtendedDueDates dates =
          granted.isAfter(spot.countyDue())
              ? ExtendedDueDates.grant(spot.countyDue(), spot.provinceDue(), granted)
              : new ExtendedDueDates(
                  spot.countyDue(), spot.provinceDue(), spot.countyDue(), spot.provinceDue());
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("extensionId", id);
      detail.put("countyDueBefore", dates.previousCounty().toString());
      detail.put("provinceDueBefore", dates.previousProvince().toString());
      detail.put("countyDue", dates.county().toString());
      detail.put("provinceDue", dates.province().toString());
      detail.put("extensionProcessInstanceKey", job.getProcessInstanceKey());
      moves.move(spot.spotId(), dates.county(), dates.province(), at, null, detail);
      store.setDatesAfter(id, spot.spotId(), dates.county(), dates.province());
      moved.add(dates);
    }
    if (application.extendedAt() == null) {
      store.markExtended(id, at);
    }
    return moved;
  }

  /** True when the spot's deadline watch took the new dates; false when it had none (reported). */
  private boolean correlate(String code, ExtendedDueDates dates) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("countyDueDate", dates.county().toString());
    variables.put("provinceDueDate", dates.province().toString());
    variables.put(
        "countyOverdueAt", new Deadline(dates.county(), deadlines.zone()).overdueAtText());
    variables.put(
        "provinceOverdueAt", new Deadline(dates.province(), deadlines.zone()).overdueAtText());
    try {
      camunda
          .newCorrelateMessageCommand()
          .messageName(DEADLINE_MESSAGE)
          .correlationKey(code)
          .variables(variables)
          .send()
          .join();
      return true;
    } catch (CompletionException e) {
      if (e.getCause() instanceof ProblemException problem && problem.code() == 404) {
        return false;
      }
      throw e;
    } catch (ProblemException e) {
      if (e.code() == 404) {
        return false;
      }
      throw e;
    }
  }
}
