package landwatch.batch;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The answer to an accepted batch upload.
 *
 * @param countyDue the last day the counties report on time
 * @param provinceDue the last day the province expects the month's spots (§三(一)3 "月清")
 * @param samplingSeedId the public name of the seed the review sample is drawn from
 */
public record BatchImport(
    long batchId,
    int spotCount,
    YearMonth issuedMonth,
    LocalDate countyDue,
    LocalDate provinceDue,
    String samplingSeedId) {}
