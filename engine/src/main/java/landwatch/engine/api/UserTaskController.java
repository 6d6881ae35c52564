package landwatch.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.FormResult;
import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.UserTaskSearchQueryResult;
import io.camunda.client.protocol.rest.VariableSearchQueryResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import landwatch.engine.Engine;
import landwatch.engine.processing.Rejection;
import landwatch.engine.state.UserTask;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** Zeebe user tasks: Tasklist's API (search, assign, update, complete, the linked form). */
@RestController
public class UserTaskController {

  private final Engine engine;
  private final UserTaskQueries queries;
  private final Forms forms;
  private final VariableLimits limits;

  public UserTaskController(
      Engine engine, UserTaskQueries queries, Forms forms, VariableLimits limits) {
    this.engine = engine;
    this.queries = queries;
    this.forms = forms;
    this.limits = limits;
  }

  @PostMapping(path = "/v2/user-tasks/search", produces = MediaType.APPLICATION_JSON_VALUE)
  public UserTaskSearchQueryResult search(@RequestBody(required = false) JsonNode request) {
    HistoryQueries.Page<UserTaskResult> page = queries.search(request);
    return new UserTaskSearchQueryResult().items(page.items()).page(page.page());
  }

  @GetMapping(path = "/v2/user-tasks/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
  public UserTaskResult get(@PathVariable("key") long key) {
    UserTaskResult result = queries.get(key);
    if (result == null) {
      throw notFound(key);
    }
    return result;
  }

  /** 204 when the task links no deployed form, as the API defines. */
  @GetMapping(path = "/v2/user-tasks/{key}/form", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<FormResult> form(@PathVariable("key") long key) {
    UserTask task = queries.task(key);
    if (task == null) {
      throw notFound(key);
    }
    FormResult form = task.formKey() < 0 ? null : forms.form(task.formKey());
    return form == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(form);
  }

  @PostMapping(
      path = "/v2/user-tasks/{key}/variables/search",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public VariableSearchQueryResult variables(
      @PathVariable("key") long key,
      @RequestParam(name = "truncateValues", defaultValue = "true") boolean truncateValues,
      @RequestBody(required = false) JsonNode request) {
    UserTask task = queries.task(key);
    if (task == null) {
      throw notFound(key);
    }
    HistoryQueries.Page<VariableSearchResult> page =
        queries.variables(task.elementInstanceKey(), request, truncateValues);
    return new VariableSearchQueryResult().items(page.items()).page(page.page());
  }

  @PostMapping(path = "/v2/user-tasks/{key}/assignment")
  public DeferredResult<ResponseEntity<Void>> assign(
      @PathVariable("key") long key, @RequestBody UserTaskAssignmentRequest request) {
    boolean allowOverride = request.getAllowOverride() == null || request.getAllowOverride();
    return Transitioned.answer(
        engine.writer.submit(
            batch ->
                engine.userTasks.assign(
                    batch, key, request.getAssignee(), allowOverride, request.getAction())));
  }

  @DeleteMapping(path = "/v2/user-tasks/{key}/assignee")
  public DeferredResult<ResponseEntity<Void>> unassign(@PathVariable("key") long key) {
    return Transitioned.answer(
        engine.writer.submit(batch -> engine.userTasks.unassign(batch, key)));
  }

  /**
   * The client sends the changeset as a map (its DTO extends {@code HashMap}), so its properties
   * are read from the body, each checked.
   */
  @PatchMapping(path = "/v2/user-tasks/{key}")
  public DeferredResult<ResponseEntity<Void>> update(
      @PathVariable("key") long key, @RequestBody(required = false) JsonNode request) {
    JsonNode changeset = request == null ? null : request.get("changeset");
    String action = text(request, "action");
    String dueDate = text(changeset, "dueDate");
    String followUpDate = text(changeset, "followUpDate");
    List<String> candidateGroups = texts(changeset, "candidateGroups");
    List<String> candidateUsers = texts(changeset, "candidateUsers");
    Integer priority = integer(changeset, "priority");
    return Transitioned.answer(
        engine.writer.submit(
            batch -> {
              return engine.userTasks.update(
                  batch,
                  key,
                  dueDate,
                  followUpDate,
                  candidateGroups,
                  candidateUsers,
                  priority,
                  action);
            }));
  }

  private static String text(JsonNode object, String name) {
    JsonNode value = object == null ? null : object.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw Rejection.invalidArgument("Expected '%s' to be a text, but it was %s", name, value);
    }
    return value.asText();
  }

  private static List<String> texts(JsonNode object, String name) {
    JsonNode value = object == null ? null : object.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(item -> texts.add(item.isTextual() ? item.asText() : null));
    }
    if (!value.isArray() || texts.contains(null)) {
      throw Rejection.invalidArgument(
          "Expected 'changeset.%s' to be a list of texts, but it was %s", name, value);
    }
    return texts;
  }

  private static Integer integer(JsonNode object, String name) {
    JsonNode value = object == null ? null : object.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
      throw Rejection.invalidArgument(
          "Expected 'changeset.%s' to be an integer, but it was %s", name, value);
    }
    return value.asInt();
  }

  @PostMapping(path = "/v2/user-tasks/{key}/completion")
  public DeferredResult<ResponseEntity<Void>> complete(
      @PathVariable("key") long key,
      @RequestBody(required = false) UserTaskCompletionRequest request) {
    Map<String, Object> variables = limits.check(request == null ? null : request.getVariables());
    String action = request == null ? null : request.getAction();
    return Transitioned.answer(
        engine.writer.submit(batch -> engine.userTasks.complete(batch, key, variables, action)));
  }

  private static Rejection notFound(long key) {
    return Rejection.notFound("User task with key '%d' not found", key);
  }
}
