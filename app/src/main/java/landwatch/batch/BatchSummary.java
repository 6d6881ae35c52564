package landwatch.batch;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Map;

/**
 * A batch as one user sees it: only the spots within their jurisdiction are counted, so a county
 * learns nothing of its neighbours' spots in the same batch.
 *
 * @param spotsByRegion spots per county-level unit within the jurisdiction
 * @param issuedMonth null, as are the due dates, for batches imported before they were recorded
 */
public record BatchSummary(
    long id,
    String fileName,
    String format,
    OffsetDateTime importedAt,
    String importedBy,
    int spotCount,
    Map<String, Integer> spotsByRegion,
    YearMonth issuedMonth,
    LocalDate countyDue,
    LocalDate provinceDue) {}
