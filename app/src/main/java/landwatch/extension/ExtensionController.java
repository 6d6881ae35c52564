package landwatch.extension;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import landwatch.app.web.Paging;
import landwatch.app.web.Spreadsheet;
import landwatch.user.CurrentUser;
import landwatch.user.Jurisdiction;
import landwatch.user.SignedInUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Extension applications 延期申请: a county officer applies for chosen spots with a reason and the
 * written application; everyone sees the applications of their jurisdiction (an application is the
 * county's), with its decisions and each spot's dates. The decisions themselves are user tasks of
 * the spot-extension process.
 */
@RestController
@RequestMapping("/api/extensions")
class ExtensionController {

  /** More than a province files in years; an export beyond it is cut there. */
  private static final int EXPORT_LIMIT = 100_000;

  private static final List<String> EXPORT_HEADERS =
      List.of("申请编号", "区县代码", "状态", "图斑数", "申请延至", "批准延至", "申请理由", "申请人", "申请时间", "决定时间");

  private final ExtensionService service;
  private final ExtensionStore store;
  private final Jurisdiction jurisdiction;
  private final CamundaClient camunda;

  ExtensionController(
      ExtensionService service,
      ExtensionStore store,
      Jurisdiction jurisdiction,
      CamundaClient camunda) {
    this.service = service;
    this.store = store;
    this.jurisdiction = jurisdiction;
    this.camunda = camunda;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ExtensionView> apply(
      @RequestParam List<String> spots,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedDueDate,
      @RequestParam String reason,
      @RequestPart("application") MultipartFile application) {
    byte[] content;
    try {
      content = application.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long id =
        service.apply(
            CurrentUser.get(),
            new ExtensionService.Application(
                spots, requestedDueDate, reason, application.getOriginalFilename(), content));
    return ResponseEntity.created(URI.create("/api/extensions/" + id))
        .body(store.find(id).orElseThrow());
  }

  record ExtensionPage(List<ExtensionView> items, long total, int page, int size) {}

  @GetMapping
  ExtensionPage list(
      @RequestParam(required = false) Status status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Paging.check(page, size, 500);
    Optional<List<String>> regions = jurisdiction.regionCodes(CurrentUser.get());
    String wanted = status == null ? null : status.name();
    return new ExtensionPage(
        store.list(regions, wanted, page, size), store.count(regions, wanted), page, size);
  }

  /** The same applications as the list, every page, as an .xlsx. */
  @GetMapping("/export")
  ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Status status) {
    SignedInUser user = CurrentUser.get();
    Optional<List<String>> regions = jurisdiction.regionCodes(user);
    String wanted = status == null ? null : status.name();
    int total = (int) Math.min(store.count(regions, wanted), EXPORT_LIMIT);
    List<ExtensionView> applications = store.list(regions, wanted, 0, Math.max(1, total));
    return Spreadsheet.download(
        "延期申请.xlsx",
        "延期申请",
        "筛选："
            + (status == null ? "全部状态" : status.chineseName)
            + "；范围："
            + user.unit().name()
            + "管辖区县",
        EXPORT_HEADERS,
        sink ->
            applications.forEach(
                a ->
                    sink.row(
                        Arrays.asList(
                            a.id(),
                            a.countyCode(),
                            Status.valueOf(a.status()).chineseName,
                            a.spotCount(),
                            a.requestedDueDate(),
                            a.grantedDueDate(),
                            a.reason(),
                            a.appliedBy(),
                            a.appliedAt() == null
                                ? null
                                : a.appliedAt().toLocalDateTime().toString(),
                            a.decidedAt() == null
                                ? null
                                : a.decidedAt().toLocalDateTime().toString()))));
  }

  /** The statuses a list may be narrowed to. */
  enum Status {
    APPLIED("待市级审核"),
    ENDORSED("市级同意、待省级审批"),
    APPROVED("已批准"),
    REFUSED("未批准");

    final String chineseName;

    Status(String chineseName) {
      this.chineseName = chineseName;
    }
  }

  @GetMapping("/{id}")
  ExtensionView details(@PathVariable long id) {
    return visible(id);
  }

  /** The written application itself, for whoever may see the application. */
  @GetMapping("/{id}/application")
  ResponseEntity<byte[]> document(@PathVariable long id) {
    ExtensionView view = visible(id);
    Map<String, Object> reference = store.document(id).orElseThrow();
    byte[] content;
    try (InputStream in =
        camunda
            .newDocumentContentGetRequest((String) reference.get("documentId"))
            .storeId((String) reference.get("storeId"))
            .contentHash((String) reference.get("contentHash"))
            .send()
            .join()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(view.application().contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(view.application().fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }

  private ExtensionView visible(long id) {
    ExtensionView view = store.find(id).orElseThrow(() -> ExtensionProblem.notFound(id));
    SignedInUser user = CurrentUser.get();
    jurisdiction.require(
        user, view.countyCode(), "extension " + id, () -> ExtensionProblem.notFound(id));
    return view;
  }
}
