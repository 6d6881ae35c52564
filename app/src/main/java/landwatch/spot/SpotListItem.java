package landwatch.spot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of {@code GET /api/spots}. */
record SpotListItem(
    String monitoringCode,
    long batchId,
    String regionCode,
    String changeType,
    BigDecimal areaMu,
    SpotState state,
    LocalDate countyDue,
    LocalDate provinceDue,
    boolean overdue,
    boolean late,
    boolean mandatoryReview,
    boolean sampled,
    String finalJudgment,
    String finalBasis,
    OffsetDateTime reportedAt) {}
