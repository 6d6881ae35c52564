package landwatch.spot;

import java.time.OffsetDateTime;
import java.util.Map;
import landwatch.spot.judgment.Judgment;

/**
 * One judgment as made, kept beside every other one of the spot (spot_judgment).
 *
 * @param basis COUNTY, COUNTY_CORRECTION, CITY_DIRECT or PROVINCE_DIRECT
 * @param detail everything submitted with it (category, document number, reasons, documents …)
 */
public record JudgmentEntry(
    String basis,
    Judgment judgment,
    String category,
    Map<String, Object> detail,
    String judgedBy,
    OffsetDateTime judgedAt,
    boolean late) {}
