package landwatch.batch;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import landwatch.app.web.Paging;
import landwatch.app.web.Spreadsheet;
import landwatch.audit.AuditTrail;
import landwatch.deadline.MonthlyDeadlines;
import landwatch.region.RegionService;
import landwatch.spatial.ImportProgress;
import landwatch.user.CurrentUser;
import landwatch.user.Jurisdiction;
import landwatch.user.SignedInUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/batches")
class BatchController {

  private static final int MAX_PAGE_SIZE = 1000;

  private final BatchImportService imports;
  private final BatchQueries queries;
  private final Jurisdiction jurisdiction;

  private final MonthlyDeadlines deadlines;
  private final RegionService regions;
  private final ImportProgress importProgress;

  BatchController(
      BatchImportService imports,
      BatchQueries queries,
      Jurisdiction jurisdiction,
      MonthlyDeadlines deadlines,
      RegionService regions,
      ImportProgress importProgress) {
    this.imports = imports;
    this.queries = queries;
    this.jurisdiction = jurisdiction;
    this.deadlines = deadlines;
    this.regions = regions;
    this.importProgress = importProgress;
  }

  @PostMapping(consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.CREATED)
  BatchImport upload(
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
      @RequestParam(required = false) String progress)
      throws IOException {
    byte[] content = file.getBytes();
    String user = CurrentUser.get().username();
    return importProgress.track(
        progress,
        user,
        tracker -> imports.importBatch(file.getOriginalFilename(), content, user, month, tracker));
  }

  /** Batches with spots in my jurisdiction, newest first, counting only those spots. */
  @GetMapping
  List<BatchSummary> batches(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    Paging.check(page, size, MAX_PAGE_SIZE);
    return queries.summaries(jurisdiction.regionCodes(CurrentUser.get()), page, size);
  }

  @GetMapping("/{id}")
  BatchSummary batch(@PathVariable long id) {
    SignedInUser user = CurrentUser.get();
    return queries
        .summary(id, jurisdiction.regionCodes(user))
        .orElseThrow(() -> notFound(id, user));
  }

  /** The batch's spots within my jurisdiction, in the order of the Ministry's file. */
  @GetMapping("/{id}/spots")
  List<BatchSpot> spots(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "200") int size) {
    Paging.check(page, size, MAX_PAGE_SIZE);
    SignedInUser user = CurrentUser.get();
    queries.summary(id, jurisdiction.regionCodes(user)).orElseThrow(() -> notFound(id, user));
    return queries.spots(id, jurisdiction.regionCodes(user), page, size);
  }

  /** How far each county of my jurisdiction is with the batch, against its deadlines. */
  @GetMapping("/{id}/progress")
  List<CountyProgress> progress(@PathVariable long id) {
    SignedInUser user = CurrentUser.get();
    queries.summary(id, jurisdiction.regionCodes(user)).orElseThrow(() -> notFound(id, user));
    return queries.progress(id, jurisdiction.regionCodes(user), Instant.now(), deadlines.zone());
  }

  private static final List<String> PROGRESS_HEADERS =
      List.of(
          "区县代码",
          "区县",
          "下发",
          "已核实",
          "已填报",
          "审核中",
          "退回待纠正",
          "待直接判定",
          "已纠正",
          "直接判定",
          "已办结",
          "逾期",
          "迟报",
          "差错",
          "合法",
          "违法",
          "其他",
          "县级截止日期",
          "省级截止日期",
          "距县级截止（天）",
          "距省级截止（天）");

  /** The progress table as an .xlsx, the same rows as {@code /progress} answers me. */
  @GetMapping("/{id}/progress/export")
  ResponseEntity<StreamingResponseBody> exportProgress(@PathVariable long id) {
    SignedInUser user = CurrentUser.get();
    List<CountyProgress> rows = progress(id);
    return Spreadsheet.download(
        "批次" + id + "进度.xlsx",
        "批次 " + id + " 各区县进度",
        "范围：" + user.unit().name() + "管辖区县；导出时间：" + LocalDate.now(deadlines.zone()),
        PROGRESS_HEADERS,
        sink ->
            rows.forEach(
                p ->
                    sink.row(
                        Arrays.asList(
                            p.regionCode(),
                            regions.exists(p.regionCode())
                                ? regions.get(p.regionCode()).name()
                                : null,
                            p.issued(),
                            p.verified(),
                            p.reported(),
                            p.underReview(),
                            p.returned(),
                            p.awaitingDirectJudgment(),
                            p.corrected(),
                            p.directlyJudged(),
                            p.concluded(),
                            p.overdue(),
                            p.late(),
                            p.countyErrors(),
                            p.legal(),
                            p.illegal(),
                            p.other(),
                            p.countyDue(),
                            p.provinceDue(),
                            p.daysToCountyDeadline(),
                            p.daysToProvinceDeadline()))));
  }

  /** Outside one's jurisdiction a batch is as unknown as one that does not exist. */
  private ErrorResponseException notFound(long id, SignedInUser user) {
    if (queries.summary(id, Optional.empty()).isPresent()) {
      AuditTrail.refusing(
          "outside jurisdiction / 超出管辖范围: batch " + id + " has no spot in unit " + user.unitCode());
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "批次 " + id + " 不存在 / no batch " + id);
    problem.setTitle("Unknown batch");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}
