package landwatch.spot;

import landwatch.spot.judgment.Judgment;

/**
 * The filters of {@code GET /api/spots} besides the region (applied to the jurisdiction); null
 * means any.
 */
record SpotFilter(
    Long batch,
    SpotState state,
    Judgment judgment,
    Boolean overdue,
    Boolean mandatoryReview,
    Boolean sampled) {}
