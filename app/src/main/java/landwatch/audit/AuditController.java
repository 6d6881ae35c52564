package landwatch.audit;

import java.time.OffsetDateTime;
import landwatch.app.web.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for admins and province managers (access: {@code CoreAccess}). */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  static final int MAX_PAGE_SIZE = 500;

  private final AuditStore store;

  AuditController(AuditStore store) {
    this.store = store;
  }

  @GetMapping
  AuditPage search(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String objectType,
      @RequestParam(required = false) String objectId,
      @RequestParam(required = false) Outcome outcome,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          OffsetDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          OffsetDateTime to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Paging.check(page, size, MAX_PAGE_SIZE);
    return store.search(
        new AuditQuery(actor, unit, action, objectType, objectId, outcome, from, to, page, size));
  }
}
