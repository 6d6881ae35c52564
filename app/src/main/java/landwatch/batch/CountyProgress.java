package landwatch.batch;

import java.time.LocalDate;

/**
 * One county's progress in a batch ({@code GET /api/batches/{id}/progress}).
 *
 * @param reported judged by the county (填报), on time or late
 * @param underReview waiting for the city's or the province's review
 * @param returned waiting for the county's correction
 * @param awaitingDirectJudgment waiting for the city's or the province's direct judgment; with the
 *     not yet verified (issued − verified), the verified not yet reported (verified − reported),
 *     the under review, the returned and the concluded, every issued spot is counted once
 * @param overdue not reported and past a deadline
 * @param countyErrors returned or overturned on review (差错, §二(二))
 * @param legal judged legal by the judgment standing now (the county's, its correction or a direct
 *     one); with illegal and other, every judged spot once
 * @param countyDue the earliest due date among the county's spots (an extension moves a spot's)
 * @param daysToProvinceDeadline calendar days left to the province's due date, negative once past
 */
public record CountyProgress(
    String regionCode,
    int issued,
    int verified,
    int reported,
    int underReview,
    int returned,
    int awaitingDirectJudgment,
    int corrected,
    int directlyJudged,
    int concluded,
    int overdue,
    int late,
    int countyErrors,
    int legal,
    int illegal,
    int other,
    LocalDate countyDue,
    LocalDate provinceDue,
    long daysToCountyDeadline,
    long daysToProvinceDeadline) {}
