package landwatch.extension;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import landwatch.app.web.Paging;
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

/**
 * Extension applications 延期申请: a county officer applies for chosen spots with a reason and the
 * written application; everyone sees the applications of their jurisdiction (an application is the
 * county's), with its decisions and each spot's dates. The decisions themselves are user tasks of
 * the spot-extension process.
 */
@RestController
@RequestMapping("/api/extensions")
class ExtensionController {

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

  /** The statuses a list may be narrowed to. */
  enum Status {
    APPLIED,
    ENDORSED,
    APPROVED,
    REFUSED
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
