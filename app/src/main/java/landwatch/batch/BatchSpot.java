package landwatch.batch;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A line of a batch's spot list. */
public record BatchSpot(
    String monitoringCode,
    String regionCode,
    String changeType,
    BigDecimal areaMu,
    LocalDate imageryAfter) {}
