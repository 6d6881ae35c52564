package landwatch.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.UserTaskFilter;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import landwatch.app.engine.DocumentReferences;
import landwatch.audit.AuditEntry;
import landwatch.audit.AuditTrail;
import landwatch.deadline.MonthlyDeadlines;
import landwatch.region.Region;
import landwatch.region.RegionLevel;
import landwatch.region.RegionService;
import landwatch.user.SignedInUser;
import org.springframework.stereotype.Service;

/**
 * Open user tasks offered to the user's candidate groups, read and acted on through the engine's
 * Camunda 8 API, so that a Camunda cluster serves the same tasklist. A task outside the user's
 * groups answers as if it did not exist.
 */
@Service
public class Tasklist {

  private static final int EXPORT_PAGE = 200;

  private final CamundaClient camunda;
  private final TaskSubjects subjects;
  private final RegionService regions;
  private final MonthlyDeadlines deadlines;
  private final ObjectMapper json;
  private final AuditTrail audit;

  Tasklist(
      CamundaClient camunda,
      TaskSubjects subjects,
      RegionService regions,
      MonthlyDeadlines deadlines,
      ObjectMapper json,
      AuditTrail audit) {
    this.camunda = camunda;
    this.subjects = subjects;
    this.regions = regions;
    this.deadlines = deadlines;
    this.json = json;
    this.audit = audit;
  }

  public TaskPage search(SignedInUser user, TaskFilter filter, int page, int size) {
    List<String> groups = user.groups();
    if (groups.isEmpty()) {
      return new TaskPage(List.of(), 0, page, size);
    }
    Optional<Map<String, Object>> variables = instanceVariables(filter);
    if (variables.isEmpty()) {
      return new TaskPage(List.of(), 0, page, size);
    }
    SearchResponse<UserTask> found =
        camunda
            .newUserTaskSearchRequest()
            .filter(f -> narrow(f, user, groups, filter, variables.get()))
            .sort(
                s -> {
                  if (filter.order() == TaskFilter.Order.CREATED) {
                    s.creationDate().desc();
                  } else {
                    s.dueDate().asc().creationDate().asc();
                  }
                })
            .page(p -> p.from(page * size).limit(size))
            .send()
            .join();
    return new TaskPage(items(found.items()), found.page().totalItems(), page, size);
  }

  /** Every task the filter selects, page after page, for an export. */
  public void each(SignedInUser user, TaskFilter filter, Consumer<TaskItem> consumer) {
    int page = 0;
    TaskPage found;
    do {
      found = search(user, filter, page++, EXPORT_PAGE);
      found.items().forEach(consumer);
    } while ((long) page * EXPORT_PAGE < found.total());
  }

  private void narrow(
      UserTaskFilter f,
      SignedInUser user,
      List<String> groups,
      TaskFilter filter,
      Map<String, Object> variables) {
    f.state(UserTaskState.CREATED).candidateGroup(g -> g.in(groups));
    if (filter.kind() != null) {
      f.elementId(filter.kind());
    }
    if (filter.assigned() == TaskFilter.Assigned.ME) {
      f.assignee(user.username());
    } else if (filter.assigned() == TaskFilter.Assigned.UNASSIGNED) {
      f.assignee(a -> a.exists(false));
    }
    if (filter.overdue() != null) {
      OffsetDateTime now = OffsetDateTime.now();
      f.dueDate(
          d -> {
            if (filter.overdue()) {
              d.lte(now);
            } else {
              d.gt(now);
            }
          });
    }
    if (!variables.isEmpty()) {
      f.processInstanceVariables(variables);
    }
  }

  /**
   * The batch and region filters as the instance variables the models carry; empty when the region
   * does not exist, so that nothing matches. The province narrows nothing: it spans every county.
   */
  private Optional<Map<String, Object>> instanceVariables(TaskFilter filter) {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (filter.batch() != null) {
      variables.put("batchId", filter.batch());
    }
    if (filter.region() != null) {
      if (!regions.exists(filter.region())) {
        return Optional.empty();
      }
      Region region = regions.get(filter.region());
      if (regions.isCountyLevel(region.code())) {
        variables.put("countyCode", region.code());
      } else if (region.level() == RegionLevel.CITY) {
        variables.put("cityCode", region.code());
      }
    }
    return Optional.of(variables);
  }

  /** The open task, if it is offered to one of the user's groups. */
  public UserTask visible(SignedInUser user, long key) {
    List<UserTask> found =
        user.groups().isEmpty()
            ? List.of()
            : openTask(key, f -> f.candidateGroup(g -> g.in(user.groups())));
    if (found.isEmpty()) {
      if (!openTask(key, f -> {}).isEmpty()) {
        AuditTrail.refusing(
            "not offered to the user's groups / 非本人所在组的任务: task "
                + key
                + " for "
                + String.join(", ", user.groups()));
      }
      throw new TaskNotFoundException(key);
    }
    return found.get(0);
  }

  private List<UserTask> openTask(long key, Consumer<UserTaskFilter> narrowed) {
    return camunda
        .newUserTaskSearchRequest()
        .filter(
            f -> {
              f.userTaskKey(key).state(UserTaskState.CREATED);
              narrowed.accept(f);
            })
        .send()
        .join()
        .items();
  }

  public TaskItem item(SignedInUser user, long key) {
    return items(List.of(visible(user, key))).get(0);
  }

  /** The schema of the task's linked Camunda Form; empty when it links none. */
  public Optional<String> form(SignedInUser user, long key) {
    UserTask task = visible(user, key);
    if (task.getFormKey() == null) {
      return Optional.empty();
    }
    Object schema = camunda.newUserTaskGetFormRequest(key).send().join().getSchema();
    try {
      // a client may hand the schema over as the JSON text the engine stores, or parsed
      return Optional.of(schema instanceof String text ? text : json.writeValueAsString(schema));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("form schema of task " + key + " is not JSON", e);
    }
  }

  /** Every variable the task sees, by name, as the form binds them. */
  public Map<String, String> variables(SignedInUser user, long key) {
    visible(user, key);
    Map<String, String> variables = new LinkedHashMap<>();
    for (Variable variable :
        camunda
            .newUserTaskVariableSearchRequest(key)
            .withFullValues()
            .page(p -> p.limit(1000))
            .send()
            .join()
            .items()) {
      variables.put(variable.getName(), variable.getValue());
    }
    return variables;
  }

  public TaskItem claim(SignedInUser user, long key) {
    notHeldByAnother(user, visible(user, key));
    camunda.newAssignUserTaskCommand(key).assignee(user.username()).send().join();
    return item(user, key);
  }

  public TaskItem unclaim(SignedInUser user, long key) {
    notHeldByAnother(user, visible(user, key));
    camunda.newUnassignUserTaskCommand(key).send().join();
    return item(user, key);
  }

  /** Only the one holding a task, or anyone while nobody does, may claim, release or take it. */
  private static void notHeldByAnother(SignedInUser user, UserTask task) {
    if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
      throw TaskConflict.claimedBy(task.getUserTaskKey(), task.getAssignee());
    }
  }

  /**
   * Completes the task as the user, who must have claimed it; the completion is attributed to the
   * signed-in user whatever the submission says. A task listener's denial comes back as {@link
   * TaskConflict}, its reasons in Chinese.
   */
  public void complete(SignedInUser user, long key, Map<String, Object> submitted) {
    UserTask task = visible(user, key);
    if (!user.username().equals(task.getAssignee())) {
      throw TaskConflict.notClaimed(key, task.getAssignee());
    }
    Map<String, Object> variables = new LinkedHashMap<>(submitted);
    variables.put("completedBy", user.username());
    try {
      camunda.newCompleteUserTaskCommand(key).variables(variables).send().join();
    } catch (ProblemException e) {
      throw TaskConflict.denied(key, e);
    } catch (CompletionException e) {
      if (e.getCause() instanceof ProblemException problem) {
        throw TaskConflict.denied(key, problem);
      }
      throw e;
    }
  }

  /**
   * Keeps a file the user attaches while working the task as an engine document, and answers the
   * reference the form's variable holds. Only the task's assignee attaches, and only evidence:
   * {@link Evidence}, recognised by content.
   */
  public Map<String, Object> attach(SignedInUser user, long key, String fileName, byte[] content) {
    UserTask task = visible(user, key);
    if (!user.username().equals(task.getAssignee())) {
      throw TaskConflict.notClaimed(key, task.getAssignee());
    }
    String name = fileName == null || fileName.isBlank() ? "附件" : fileName;
    String mediaType =
        Evidence.mediaType(content, name).orElseThrow(() -> TaskConflict.notEvidence(name));
    DocumentReferenceResponse stored =
        camunda
            .newCreateDocumentCommand()
            .content(content)
            .fileName(name)
            .contentType(mediaType)
            .send()
            .join();
    return DocumentReferences.of(stored, name, mediaType);
  }

  /**
   * Completes each listed task as the user — claiming those nobody has — with the same submission;
   * one task's refusal or denial does not stop the others, and every completion is audited on its
   * own.
   */
  public List<BulkCompletion.Outcome> completeAll(SignedInUser user, BulkCompletion bulk) {
    List<BulkCompletion.Outcome> outcomes = new ArrayList<>();
    for (long key : bulk.tasks()) {
      outcomes.add(completeOne(user, bulk, key));
    }
    return outcomes;
  }

  private BulkCompletion.Outcome completeOne(SignedInUser user, BulkCompletion bulk, long key) {
    try {
      UserTask task = visible(user, key);
      if (!task.getElementId().equals(bulk.kind())) {
        return refused(key, "任务类型为「" + task.getName() + "」，不是本次批量办理的任务");
      }
      notHeldByAnother(user, task);
      if (task.getAssignee() == null) {
        camunda.newAssignUserTaskCommand(key).assignee(user.username()).send().join();
      }
      complete(user, key, bulk.variables() == null ? Map.of() : bulk.variables());
      audit.record(
          AuditEntry.done("task.complete", "user-task", String.valueOf(key))
              .after(Map.of("kind", bulk.kind(), "bulk", true)));
      return new BulkCompletion.Outcome(key, BulkCompletion.Result.COMPLETED, null, List.of());
    } catch (TaskNotFoundException e) {
      return refused(key, "任务不存在或已办结");
    } catch (TaskConflict e) {
      Object reasons =
          e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("reasons");
      return reasons instanceof List<?> list
          ? new BulkCompletion.Outcome(
              key,
              BulkCompletion.Result.DENIED,
              e.getBody().getDetail(),
              list.stream().map(String::valueOf).toList())
          : refused(key, e.getBody().getDetail());
    }
  }

  private static BulkCompletion.Outcome refused(long key, String detail) {
    return new BulkCompletion.Outcome(key, BulkCompletion.Result.REFUSED, detail, List.of());
  }

  private List<TaskItem> items(List<UserTask> tasks) {
    Map<Long, TaskSubjects.Subject> about =
        subjects.byInstance(tasks.stream().map(UserTask::getProcessInstanceKey).toList());
    LocalDate today = LocalDate.now(deadlines.zone());
    OffsetDateTime now = OffsetDateTime.now();
    return tasks.stream()
        .map(
            task -> {
              TaskSubjects.Subject subject = about.get(task.getProcessInstanceKey());
              OffsetDateTime due = task.getDueDate();
              // the due date-time is the moment the task becomes overdue, the midnight after the
              // last day to do it (Deadline.overdueAt)
              LocalDate lastDay =
                  due == null
                      ? null
                      : due.atZoneSameInstant(deadlines.zone()).minusNanos(1).toLocalDate();
              String regionCode = subject == null ? null : subject.regionCode();
              return new TaskItem(
                  task.getUserTaskKey(),
                  task.getElementId(),
                  task.getName(),
                  task.getProcessInstanceKey(),
                  subject == null ? null : subject.spotCode(),
                  subject == null ? null : subject.extensionId(),
                  regionCode,
                  regionCode != null && regions.exists(regionCode)
                      ? regions.get(regionCode).name()
                      : null,
                  subject == null ? null : subject.batchId(),
                  text(task.getCreationDate()),
                  text(due),
                  lastDay == null ? null : lastDay.toString(),
                  lastDay == null ? null : ChronoUnit.DAYS.between(today, lastDay),
                  due != null && !now.isBefore(due),
                  task.getAssignee(),
                  task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups());
            })
        .toList();
  }

  private static String text(OffsetDateTime time) {
    return time == null ? null : time.toString();
  }
}
