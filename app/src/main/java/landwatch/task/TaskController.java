package landwatch.task;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import landwatch.app.web.Paging;
import landwatch.app.web.Spreadsheet;
import landwatch.user.CurrentUser;
import landwatch.user.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The tasklist: my groups' open tasks, claimed, filled in with their form and completed. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private static final int MAX_BULK = 200;
  private static final List<String> EXPORT_HEADERS =
      List.of(
          "任务编号", "任务", "图斑编号", "延期申请", "区县代码", "区县", "批次", "截止日期", "剩余天数", "逾期", "认领人", "下发时间");

  private final Tasklist tasklist;

  TaskController(Tasklist tasklist) {
    this.tasklist = tasklist;
  }

  @GetMapping
  TaskPage list(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Long batch,
      @RequestParam(required = false) String region,
      @RequestParam(defaultValue = "ANY") TaskFilter.Assigned assigned,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(defaultValue = "DUE") TaskFilter.Order order,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Paging.check(page, size, 200);
    return tasklist.search(
        CurrentUser.get(),
        new TaskFilter(kind, batch, region, assigned, overdue, order),
        page,
        size);
  }

  /** The list as an .xlsx: every task the filters select, not only one page. */
  @GetMapping("/export")
  ResponseEntity<StreamingResponseBody> export(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Long batch,
      @RequestParam(required = false) String region,
      @RequestParam(defaultValue = "ANY") TaskFilter.Assigned assigned,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(defaultValue = "DUE") TaskFilter.Order order) {
    SignedInUser user = CurrentUser.get();
    TaskFilter filter = new TaskFilter(kind, batch, region, assigned, overdue, order);
    return Spreadsheet.download(
        "待办任务.xlsx",
        "待办任务（" + user.displayName() + "）",
        "筛选：" + filter.describe(),
        EXPORT_HEADERS,
        sink ->
            tasklist.each(
                user,
                filter,
                task ->
                    sink.row(
                        Arrays.asList(
                            task.key(),
                            task.name(),
                            task.spotCode(),
                            task.extensionId(),
                            task.regionCode(),
                            task.regionName(),
                            task.batchId(),
                            task.dueDay() == null ? null : LocalDate.parse(task.dueDay()),
                            task.daysLeft(),
                            task.overdue(),
                            task.assignee(),
                            task.creationDate()))));
  }

  @GetMapping("/{key}")
  TaskItem task(@PathVariable long key) {
    return tasklist.item(CurrentUser.get(), key);
  }

  /** The task's Camunda Form schema as form-js renders it; 204 when it links no form. */
  @GetMapping(path = "/{key}/form", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> form(@PathVariable long key) {
    return tasklist
        .form(CurrentUser.get(), key)
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  /** Every variable the task sees, each value as JSON text. */
  @GetMapping("/{key}/variables")
  Map<String, String> variables(@PathVariable long key) {
    return tasklist.variables(CurrentUser.get(), key);
  }

  @PostMapping("/{key}/claim")
  TaskItem claim(@PathVariable long key) {
    return tasklist.claim(CurrentUser.get(), key);
  }

  @PostMapping("/{key}/unclaim")
  TaskItem unclaim(@PathVariable long key) {
    return tasklist.unclaim(CurrentUser.get(), key);
  }

  /** The engine document reference of an attached photo, video or document, for the form. */
  @PostMapping(path = "/{key}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> attach(
      @PathVariable long key, @RequestPart("file") MultipartFile file) throws IOException {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(tasklist.attach(CurrentUser.get(), key, file.getOriginalFilename(), file.getBytes()));
  }

  /** Each listed task completed with the same submission; each answers for itself. */
  @PostMapping("/bulk-completion")
  List<BulkCompletion.Outcome> completeAll(@RequestBody BulkCompletion bulk) {
    if (bulk.kind() == null
        || bulk.tasks() == null
        || bulk.tasks().isEmpty()
        || bulk.tasks().size() > MAX_BULK) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              "批量办理须指明任务类型（kind）和 1 至 "
                  + MAX_BULK
                  + " 个任务 / name the kind and 1 to "
                  + MAX_BULK
                  + " tasks");
      problem.setTitle("Invalid bulk completion");
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
    return tasklist.completeAll(CurrentUser.get(), bulk);
  }

  /** 204 once completed; 422 with the listener's reasons when a task listener denies it. */
  @PostMapping("/{key}/completion")
  ResponseEntity<Void> complete(
      @PathVariable long key, @RequestBody(required = false) Map<String, Object> variables) {
    tasklist.complete(CurrentUser.get(), key, variables == null ? Map.of() : variables);
    return ResponseEntity.noContent().build();
  }
}
