package landwatch.audit;

import java.time.OffsetDateTime;

/** Filters of {@code GET /api/audit}; a null filter matches everything. */
public record AuditQuery(
    String actor,
    String unit,
    String action,
    String objectType,
    String objectId,
    Outcome outcome,
    OffsetDateTime from,
    OffsetDateTime to,
    int page,
    int size) {}
