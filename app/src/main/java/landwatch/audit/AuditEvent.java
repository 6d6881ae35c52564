package landwatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/** One stored record of the audit trail, as {@code GET /api/audit} lists it. */
public record AuditEvent(
    long id,
    OffsetDateTime occurredAt,
    String actor,
    String actorUnit,
    List<String> actorRoles,
    String action,
    String objectType,
    String objectId,
    JsonNode before,
    JsonNode after,
    Outcome outcome,
    String reason,
    String method,
    String path,
    Integer status,
    String remoteAddress) {}
