package landwatch.spot;

import landwatch.spot.judgment.Judgment;

/** The filters of {@code GET /api/spots}; null means any. */
record SpotFilter(
    Long batch,
    String region,
    SpotState state,
    Judgment judgment,
    Boolean overdue,
    Boolean mandatoryReview,
    Boolean sampled) {}
