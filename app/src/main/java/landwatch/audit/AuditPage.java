package landwatch.audit;

import java.util.List;

/** A page of audit records, newest first. */
public record AuditPage(List<AuditEvent> items, int page, int size, long total) {}
